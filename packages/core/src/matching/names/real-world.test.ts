/**
 * Real-world spelling variants of names of every member state: each pair must reach the stated
 * comparison level and share at least one blocking key; the negative pairs must not.
 */
import { describe, expect, it } from 'vitest';
import { compareNameParts } from './compare.ts';
import { nameKeys } from './keys.ts';
import { parsePersonName } from './parse.ts';
import type { NameLevel } from './types.ts';

type Kind = 'surname' | 'given' | 'patronymic';
type Case = readonly [Kind, string, string, NameLevel, string?];

/** Puts the part in a name with fixed other parts, so that keys can be compared. */
function nameWith(kind: Kind, text: string, lang?: string) {
  const input = kind === 'given' ? { surname: 'Ivanov', given: text } : { [kind]: text, given: 'Ivan' };
  return parsePersonName(input, lang ? { lang } : undefined);
}

function check([kind, a, b, level, lang]: Case): void {
  const na = nameWith(kind, a, lang);
  const nb = nameWith(kind, b, lang);
  const c = compareNameParts(na[kind]!, nb[kind]!, kind);
  expect(c.level, `${a} / ${b}: ${na[kind]!.skeleton} / ${nb[kind]!.skeleton}`).toBe(level);
  // Every key depends on the part under test, except `s:` of the fixed surname Ivanov.
  const kb = new Set(nameKeys(nb));
  const sharedKeys = nameKeys(na).filter((k) => kb.has(k) && !(kind === 'given' && k.startsWith('s:')));
  expect(sharedKeys.length, `${a} / ${b} share no key`).toBeGreaterThan(0);
}

const cases: Record<string, readonly Case[]> = {
  'RU Russia': [
    ['surname', 'Щукин', 'Shchukin', 'translit'], // ICAO/BGN
    ['surname', 'Щукин', 'Ščukin', 'translit'], // ISO 9
    ['surname', 'Щукин', 'Chtchoukine', 'phonetic'], // French
    ['surname', 'Щукин', 'Schtschukin', 'phonetic'], // German
    ['surname', 'Хрущёв', 'Khrushchev', 'translit'],
    ['surname', 'Хрущёв', 'Хрущев', 'exact'],
    ['surname', 'Хрущёв', 'Khrouchtchev', 'phonetic'],
    ['surname', 'Хрущёв', 'Chruschtschow', 'phonetic'],
    ['surname', 'Юрьев', 'Yuryev', 'translit'],
    ['surname', 'Юрьев', 'Yurev', 'phonetic'], // ICAO drops ь
    ['surname', 'Юрьев', 'Iourev', 'phonetic'],
    ['surname', 'Юрьев', 'Jurjew', 'phonetic'],
    ['surname', 'Царёв', 'Tsarev', 'translit'],
    ['surname', 'Царёв', 'Zarew', 'phonetic'],
    ['given', 'Евгений', 'Yevgeniy', 'translit'],
    ['given', 'Евгений', 'Evgeny', 'phonetic'],
    ['given', 'Евгений', 'Evgenii', 'phonetic'], // ICAO
    ['given', 'Евгений', 'Ievgueni', 'phonetic'],
    ['given', 'Евгений', 'Jewgenij', 'phonetic'],
    ['surname', 'Иванова', 'Ivanov', 'gender_variant'],
    ['surname', 'Ivanova', 'Ivanov', 'gender_variant'],
    ['surname', 'Вишневская', 'Vishnevsky', 'gender_variant'],
    ['patronymic', 'Иванович', 'Ivanovitch', 'phonetic'],
  ],
  'BY Belarus': [
    ['surname', 'Лукашенко', 'Lukashenko', 'translit'],
    ['surname', 'Лукашенко', 'Łukašenka', 'phonetic'],
    ['surname', 'Лукашенко', 'Lukashenka', 'phonetic'],
    ['surname', 'Łukašenka', 'Lukashenka', 'translit'],
    ['given', 'Алесь', 'Ales', 'translit'],
    ['surname', 'Іваноў', 'Ivanou', 'translit'],
    ['surname', 'Іваноў', 'Ivanov', 'phonetic'],
    ['surname', 'Іваноў', 'Иванов', 'phonetic'],
    ['given', 'Дзмітрый', 'Дмитрий', 'phonetic'],
  ],
  'KZ Kazakhstan': [
    ['given', 'Нұрсұлтан', 'Nursultan', 'translit'],
    ['patronymic', 'Әбішұлы', 'Abishuly', 'translit'],
    ['patronymic', 'Әбішұлы', 'Abishevich', 'phonetic'], // same father, other form
    ['patronymic', 'Abishuly', 'Абишевич', 'phonetic'],
    ['surname', 'Қасымов', 'Qasymov', 'translit'],
    ['surname', 'Қасымов', 'Kasymov', 'phonetic'],
    ['surname', 'Қасымов', 'Kassymov', 'phonetic'], // passports double intervocalic s
    ['surname', 'Назарбаева', 'Nazarbayev', 'gender_variant'],
  ],
  'KG Kyrgyzstan': [
    ['given', 'Бакыт', 'Bakyt', 'translit'],
    ['patronymic', 'Мамадали уулу', 'Mamadali uulu', 'translit'],
    ['patronymic', 'Mamadali uulu', 'Mamadalievich', 'phonetic'],
    ['surname', 'Өмүрбеков', 'Omurbekov', 'translit'],
    ['surname', 'Өмүрбеков', 'Омурбеков', 'translit'], // Russian writes о, у for ө, ү
  ],
  'TJ Tajikistan': [
    ['surname', 'Раҳмонов', 'Rahmonov', 'translit'],
    ['surname', 'Раҳмонов', 'Rakhmonov', 'phonetic'],
    ['surname', 'Раҳмонов', 'Рахмонов', 'phonetic'],
    ['surname', 'Раҳмонов', 'Rahmon', 'surname_change'],
    ['surname', 'Раҳмонов', 'Раҳмон', 'surname_change'],
    ['surname', 'Саидов', 'Saidzoda', 'surname_change'],
    ['surname', 'Саидова', 'Саидзода', 'surname_change'],
    ['surname', 'Karimov', 'Karimi', 'surname_change'],
    ['given', 'Ҷумъа', 'Jumʼa', 'translit'],
    ['given', 'Ҷумъа', 'Dzhuma', 'phonetic'],
    ['given', 'Ҷумъа', 'Джума', 'phonetic'],
  ],
  'UZ Uzbekistan': [
    ['surname', 'Oʻrinboyev', 'Ўринбоев', 'translit'],
    ['surname', "O'rinboev", 'Ўринбоев', 'phonetic'],
    ['surname', 'Oʻrinboyev', "O'rinboev", 'phonetic'],
    ['surname', 'Urinboev', 'Ўринбоев', 'fuzzy'], // Russian-era у for ў: a vowel no rule may fold
    ['surname', 'Orinbaev', 'Oʻrinboyev', 'fuzzy'], // Russified -бай for -boy
    ['surname', 'Xudoyberdiyev', 'Khudoyberdiev', 'phonetic'],
    ['surname', 'Худойбердиев', 'Khudoyberdiev', 'phonetic'],
    ['surname', 'Худойбердиев', 'Xudoyberdiyev', 'translit', 'uz'],
    ['surname', "G'ulomov", 'Ghulomov', 'translit'],
    ['surname', "G'ulomov", 'Gulomov', 'phonetic'],
    ['surname', 'Гуломов', 'Gulomov', 'translit'],
    ['surname', 'Гуломов', 'Ghulomov', 'phonetic'],
    ['patronymic', "Bahodir o'g'li", 'Баҳодир ўғли', 'translit'],
    ['patronymic', "Bahodir o'g'li", 'Bahodirovich', 'phonetic'],
  ],
  'AZ Azerbaijan': [
    ['surname', 'Əliyev', 'Aliyev', 'exact'], // ə folds to a
    ['surname', 'Əliyev', 'Алиев', 'translit'],
    ['surname', 'Aliyev', 'Aliev', 'phonetic'],
    ['surname', 'Aliyeva', 'Aliyev', 'gender_variant'],
    ['surname', 'Алиева', 'Əliyev', 'gender_variant'],
    ['surname', 'Hüseynov', 'Huseynov', 'exact'],
    ['surname', 'Hüseynov', 'Гусейнов', 'phonetic'], // Russian г for Azerbaijani h
    ['surname', 'Гусейнов', 'Guseynov', 'translit'],
    ['surname', 'Huseynov', 'Guseynov', 'phonetic'],
    ['surname', 'Məmmədov', 'Mammadov', 'exact'],
    ['surname', 'Məmmədov', 'Мамедов', 'phonetic'], // root table: Məmməd/Mamed
    ['surname', 'Mamedov', 'Мамедов', 'translit'],
    ['surname', 'Mammadov', 'Mammadli', 'surname_change'],
    ['surname', 'Şükürov', 'Shukurov', 'translit'],
    ['surname', 'Şükürov', 'Sukurov', 'exact'], // MRZ drops the cedilla
    ['patronymic', 'Vaqif oğlu', 'Вагиф оглы', 'phonetic'],
    ['patronymic', 'Vagif ogly', 'Вагиф оглы', 'translit'],
  ],
  'MD Moldova': [
    ['given', 'Ștefan', 'Ştefan', 'exact'], // comma-below and cedilla
    ['given', 'Ștefan', 'Stefan', 'exact'],
    ['given', 'Ștefan', 'Штефан', 'translit'],
    ['given', 'Stefan', 'Штефан', 'fuzzy'], // ș lost: only the consonant key links them
    ['surname', 'Munteanu', 'Мунтяну', 'phonetic'],
    ['surname', 'Munteanu', 'Мунтяну', 'translit', 'ro'],
    ['surname', 'Мунтяну', 'Muntyanu', 'translit'],
    ['surname', 'Țurcanu', 'Turcanu', 'exact'],
    ['surname', 'Țurcanu', 'Цуркану', 'translit'],
    ['surname', 'Turcanu', 'Цуркану', 'fuzzy'], // ț lost
    ['surname', 'Ciobanu', 'Чобану', 'phonetic'],
    ['surname', 'Ciobanu', 'Чобану', 'translit', 'ro'],
  ],
  'AM Armenia': [
    ['surname', 'Պետրոսյան', 'Petrosyan', 'translit'],
    ['surname', 'Պետրոսյան', 'Петросян', 'translit'],
    ['surname', 'Petrosyan', 'Petrossian', 'phonetic'], // French
    ['surname', 'Petrosyan', 'Petrosjan', 'phonetic'], // German
    ['surname', 'Հովհաննիսյան', 'Hovhannisyan', 'translit'],
    ['surname', 'Հովհաննիսյան', 'Оганесян', 'phonetic'], // հ → г/о in Russian
    ['surname', 'Hovhannisyan', 'Ovannisyan', 'phonetic'],
    ['surname', 'Hovhannisyan', 'Oganesyan', 'phonetic'],
    ['surname', 'Оганесян', 'Oganesyan', 'translit'],
    ['surname', 'Ղազարյան', 'Ghazaryan', 'translit'],
    ['surname', 'Ղազարյան', 'Казарян', 'phonetic'],
    ['surname', 'Казарян', 'Kazarian', 'phonetic'],
    ['surname', 'Тер-Петросян', 'Ter Petrosyan', 'translit'],
  ],
};

describe.each(Object.entries(cases))('%s', (_, list) => {
  it.each(list.map((c) => [c[1], c[2], c[3], c] as const))('%s / %s → %s', (_a, _b, _level, c) => check(c));
});

describe('negative pairs stay apart', () => {
  it.each([
    ['Иванов', 'Иваненко'],
    ['Петров', 'Петросян'],
    ['Алиев', 'Алимов'],
    ['Karimov', 'Kamilov'],
    ['Щукин', 'Шукин'],
    ['Шаров', 'Саров'],
    ['Oganesyan', 'Ohanyan'],
  ])('%s / %s', (a, b) => {
    const na = parsePersonName({ surname: a, given: 'Ivan' });
    const nb = parsePersonName({ surname: b, given: 'Ivan' });
    expect(na.surname!.skeleton).not.toBe(nb.surname!.skeleton);
    expect(na.surname!.stem).not.toBe(nb.surname!.stem);
    expect(['fuzzy', 'different']).toContain(compareNameParts(na.surname!, nb.surname!, 'surname').level);
    const kb = new Set(nameKeys(nb));
    expect(nameKeys(na).filter((k) => kb.has(k) && !k.startsWith('c:'))).toEqual([]);
  });
});
