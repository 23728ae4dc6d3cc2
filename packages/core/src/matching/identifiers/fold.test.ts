import { describe, expect, it } from 'vitest';
import { identifierKey, plateKey, vinKey } from './fold.ts';

describe('identifier folding', () => {
  it('a Russian plate typed in Cyrillic and in Latin look-alikes is the same plate', () => {
    expect(plateKey('А123ВС 77', 'RU')).toBe(plateKey('A123BC77', 'RU'));
    expect(plateKey('А123ВС77', 'RU')).not.toBe(plateKey('А123ВС77', 'KZ'));
  });

  it('a Soviet serial with a Cyrillic prefix matches its Latin transcription, spacing and O/0 aside', () => {
    expect(identifierKey('ТО 1234')).toBe(identifierKey('TO-1234'));
    expect(identifierKey('ТО 1234')).toBe(identifierKey('T01234'));
    expect(identifierKey('БЯ 3456')).toBe(identifierKey('BYA3456'));
  });

  it('different serials stay different', () => {
    expect(identifierKey('АК 1234')).not.toBe(identifierKey('АК 1243'));
    expect(identifierKey('ГТ 777')).not.toBe(identifierKey('ТТ 777'));
  });

  it('document numbers drop the signs clerks add', () => {
    expect(identifierKey('№ 45 10 123456')).toBe(identifierKey('4510123456'));
  });

  it('a VIN typed with O or Q for 0, I for 1, Cyrillic look-alikes or separators folds to the VIN; L stays a letter', () => {
    for (const typed of ['XTA21O99OY2765432', 'XTA2I0990Y2765432', 'XTA21Q990Y2765432', 'ХТА 21099-0У2765432', 'xta210990y2765432']) {
      expect(vinKey(typed), typed).toBe('XTA210990Y2765432');
    }
    expect(vinKey('LVSHCAMB1CE012345')).not.toBe(vinKey('1VSHCAMB1CE012345'));
  });
});
