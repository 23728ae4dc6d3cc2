import { describe, expect, it } from 'vitest';
import { evaluateNamePairs, parseNamePairs, scoreNamePair } from './name-pairs.ts';

const HEADER = [
  'id',
  'label',
  'state',
  'kind',
  ...['a', 'b'].flatMap((s) => ['surname', 'given', 'patronymic', 'script', 'lang', 'system'].map((c) => `${s}_${c}`)),
].join('\t');
const row = (...cells: string[]) => cells.join('\t');

describe('names-only evaluation on labelled pairs', () => {
  const text = [
    '# a comment',
    HEADER,
    row('1', '1', 'RU', 'same person', 'Иванов', 'Иван', 'Петрович', 'Cyrl', 'ru', 'national', 'Ivanov', 'Ivan', '', 'Latn', 'en', 'icao9303'),
    row('2', '0', 'RU', 'look-alike surname', 'Иванов', 'Иван', '', 'Cyrl', 'ru', 'national', 'Petrov', 'Ivan', '', 'Latn', 'en', 'icao9303'),
    row('3', '1', 'RU', 'same person', 'Иванов', 'Иван', '', 'Cyrl', 'ru', 'national', 'Sidorov', 'Oleg', '', 'Latn', 'en', 'icao9303'),
  ].join('\n');

  it('reads the columns by their header and skips comments', () => {
    const pairs = parseNamePairs(text);
    expect(pairs.map((p) => [p.id, p.same, p.b.system])).toEqual([
      ['1', true, 'icao9303'],
      ['2', false, 'icao9303'],
      ['3', true, 'icao9303'],
    ]);
    expect(pairs[0]!.a).toMatchObject({ surname: 'Иванов', given: 'Иван', patronymic: 'Петрович', script: 'Cyrl', lang: 'ru' });
  });

  it('refuses a pair with an unknown script or no name, naming the line', () => {
    expect(() =>
      parseNamePairs(`${HEADER}\n${row('1', '1', 'RU', 'k', 'Иванов', 'Иван', '', 'Cyrillic', 'ru', 'x', 'Ivanov', 'Ivan', '', 'Latn', 'en', 'y')}`),
    ).toThrow(/line 2: a_script/);
    expect(() =>
      parseNamePairs(`${HEADER}\n${row('1', '1', 'RU', 'k', '', '', 'Петрович', 'Cyrl', 'ru', 'x', 'Ivanov', 'Ivan', '', 'Latn', 'en', 'y')}`),
    ).toThrow(/line 2: side a/);
    expect(() => parseNamePairs('id\tlabel\n1\t1')).toThrow(/columns missing/);
  });

  it('tells a pair never compared (no shared key) from one compared and scored below the threshold', () => {
    const report = evaluateNamePairs(parseNamePairs(text));
    expect(report).toMatchObject({ pairs: 3, positives: 2, negatives: 1, lostInBlocking: 1 });
    expect(report.misses.some((m) => m.startsWith('3 ') && m.includes('no shared key'))).toBe(true);
    expect(report.lostInBlocking + report.lostInScoring).toBe(report.misses.length);
  });

  it('ranks the scores to say what recall the name weights reach at precision 0.95, whatever the prior', () => {
    const report = evaluateNamePairs(parseNamePairs(text));
    // Only pair 1 is compared at all; it is the one true pair that a lower threshold can add.
    expect(report.atPrecision95).toMatchObject({ recall: 0.5, precision: 1 });
    expect(report.atPrecision95!.threshold).toBe(scoreNamePair(parseNamePairs(text)[0]!, 0.5).probability);
  });
});
