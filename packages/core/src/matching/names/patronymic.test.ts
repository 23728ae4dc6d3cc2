import { describe, expect, it } from 'vitest';
import { patronymicInfo, patronymicMarker, patronymicSuffix } from './patronymic.ts';
import { phoneticSkeleton } from './skeleton.ts';

const words = (s: string): string[] => phoneticSkeleton(s).split(' ');

describe('patronymicInfo', () => {
  it.each([
    ['Иванович', 'ivan', 'male'],
    ['Ivanovitch', 'ivan', 'male'],
    ['Iwanowitsch', 'ivan', 'male'],
    ['Іванавіч', 'ivan', 'male'], // Belarusian
    ['Іванаўна', 'ivan', 'female'],
    ['Іванівна', 'ivan', 'female'], // Ukrainian
    ['Ивановна', 'ivan', 'female'],
    ['Сергеевна', 'serh', 'female'],
    ['Ильинична', 'ilin', 'female'],
    ['Абишевич', 'abix', 'male'],
    ['Әбішұлы', 'abix', 'male'], // Kazakh, attached
    ['Abishkyzy', 'abix', 'female'],
    ['Әбіш ұлы', 'abix', 'male'], // Kazakh, separate
    ['Mamadali uulu', 'mamedal', 'male'], // Kyrgyz
    ['Мамадали кызы', 'mamedal', 'female'],
    ["Bahodir o'g'li", 'bahodir', 'male'], // Uzbek
    ['Баҳодир ўғли', 'bahodir', 'male'],
    ['Bahodir ugli', 'bahodir', 'male'],
    ['Bahodir qizi', 'bahodir', 'female'],
    ['Vaqif oğlu', 'vahif', 'male'], // Azerbaijani (q read as g: the ğ marks the name Azerbaijani)
    ['Вагиф оглы', 'vahif', 'male'],
    ['Vagif ogly', 'vahif', 'male'],
    ['Vaqif qızı', 'vahif', 'female'],
  ])('%s → stem %s, %s', (text, stem, sex) => {
    const info = patronymicInfo(words(text));
    expect(info).toMatchObject({ stem, sex });
  });

  it('is certain of marker words and -ovna, unsure of -ich', () => {
    expect(patronymicInfo(words('Mamadali uulu'))!.strength).toBe(8);
    expect(patronymicInfo(words('Петровна'))!.strength).toBe(6);
    expect(patronymicInfo(words('Ильич'))!.strength).toBe(1);
  });

  it('is undefined for a name that is not a patronymic', () => {
    expect(patronymicInfo(words('Иванов'))).toBeUndefined();
    expect(patronymicInfo(words('Ivan Petrov'))).toBeUndefined();
    expect(patronymicInfo([])).toBeUndefined();
  });
});

describe('patronymicMarker and patronymicSuffix', () => {
  it('recognises every spelling of the marker words', () => {
    for (const m of ['uly', 'ұлы', 'ulı', 'uulu', 'уулу', "o'g'li", 'oʻgʻli', 'ўғли', 'ogli', 'ugli', 'oğlu', 'oglu', 'оглы', 'ogly']) {
      expect(patronymicMarker(phoneticSkeleton(m)), m).toBe('male');
    }
    for (const m of ['kyzy', 'қызы', 'кызы', 'qizi', 'қизи', 'kizi', 'gizi']) {
      expect(patronymicMarker(phoneticSkeleton(m)), m).toBe('female');
    }
    expect(patronymicMarker(phoneticSkeleton('qızı', 'az'))).toBe('female');
    expect(patronymicMarker('ivan')).toBeUndefined();
  });

  it('needs a stem before an ending', () => {
    expect(patronymicSuffix('ovna')).toBeUndefined();
    expect(patronymicSuffix('ivanovic')).toMatchObject({ stem: 'ivan' });
  });
});
