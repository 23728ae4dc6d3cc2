import { describe, expect, it } from 'vitest';
import { consonantKey, phoneticSkeleton } from './skeleton.ts';

/** Every spelling in a group must reduce to one skeleton. */
function expectSameSkeleton(forms: readonly string[], lang?: string): void {
  const skeletons = forms.map((f) => phoneticSkeleton(f, lang));
  expect(new Set(skeletons), `${forms.join(' / ')} → ${skeletons.join(' / ')}`).toHaveProperty('size', 1);
}

describe('phoneticSkeleton: transliteration systems of Russian', () => {
  it.each([
    // Щ: ICAO/BGN shch, ISO 9 šč/ŝ, French chtch, German schtsch, Polish szcz
    [['Щукин', 'Shchukin', 'Ščukin', 'Ŝukin', 'Chtchoukine', 'Schtschukin', 'Szczukin']],
    // Х kh/h/x/ch(German, Polish): Khrushchev, Chruschtschow; -ёв written -ev/-ov/-ow
    [['Хрущёв', 'Хрущев', 'Khrushchev', 'Khrouchtchev', 'Chruschtschow', 'Khruschev', 'Chruszczow']],
    // ь before е: BGN y, ICAO nothing, German j, French i/nothing
    [['Юрьев', 'Yuryev', 'Yurev', 'Iourev', 'Jurjew', 'Yuriev']],
    // Ц: ts, German z; ё: e/yo
    [['Царёв', 'Tsarev', 'Zarew', 'Tsaryov']],
    // е at word start ye/e/ie/je, -ий -iy/-y/-ii/-ij/-i, French gu
    [['Евгений', 'Yevgeniy', 'Evgeny', 'Evgenii', 'Ievgueni', 'Jewgenij', 'Yevgeni']],
    // ё after a consonant: yo/io/jo/e
    [['Фёдор', 'Fyodor', 'Fedor', 'Fiodor', 'Fjodor']],
    [['Пётр', 'Pyotr', 'Petr', 'Piotr', 'Pjotr']],
    // я: ya/ia/ja; ICAO ii for -ия
    [['Мария', 'Mariya', 'Maria', 'Mariia', 'Marija']],
    [['Вячеслав', 'Vyacheslav', 'Viacheslav', 'Wjatscheslaw', 'Viatcheslav']],
    // ю after a consonant: yu/iu/ju/u
    [['Людмила', 'Lyudmila', 'Liudmila', 'Ljudmila', 'Ludmila']],
    // ж: zh/j(French)/ż
    [['Жуков', 'Zhukov', 'Joukov', 'Shukow']],
    // -ов: -ov/-off/-ow/-of
    [['Смирнов', 'Smirnov', 'Smirnoff', 'Smirnow', 'Smirnof']],
    // -ский: -skiy/-sky/-skii/-skij/-ski
    [['Высоцкий', 'Vysotskiy', 'Vysotsky', 'Vysotskii', 'Wyssozki']],
    // й after a vowel: y/i/j
    [['Сергей', 'Sergey', 'Sergei', 'Sergej', 'Serguei']],
    // European x = ks in Russian names
    [
      ['Александр', 'Aleksandr', 'Alexandr'],
      ['Максим', 'Maksim', 'Maxim'],
      ['Оксана', 'Oksana', 'Oxana'],
    ],
    // German/Polish j = й in the listed name starts
    [['Юлия', 'Yuliya', 'Iuliia', 'Julia']],
  ])('%j', (...groups) => {
    for (const group of groups) expectSameSkeleton(group);
  });

  it('keeps Щ and Ш apart (Shchukin is not Shukin)', () => {
    expect(phoneticSkeleton('Щукин')).not.toBe(phoneticSkeleton('Шукин'));
    expect(phoneticSkeleton('Shukin')).toBe(phoneticSkeleton('Шукин'));
  });

  it('reads a German sch as ш when the word has no English marker', () => {
    expectSameSkeleton(['Пушкин', 'Pushkin', 'Puschkin']);
    expectSameSkeleton(['Саша', 'Sasha', 'Sascha']);
  });
});

describe('phoneticSkeleton: the other member states', () => {
  it.each([
    // Belarus: akanye -enka/-enko, ў, Łacinka, dzekanye
    [['Лукашенко', 'Лукашэнка', 'Łukašenka', 'Lukashenka', 'Lukashenko', 'Łukaszenko']],
    [['Іваноў', 'Ivanou', 'Ivanov', 'Иванов', 'Ivanow']],
    [['Лебедзеў', 'Lebedzeu', 'Лебедев', 'Lebedev']],
    [['Дзмітрый', 'Dzmitry', 'Дмитрий', 'Dmitriy']],
    // Kazakhstan: қ/q/k, ы/y/i, Kazakh passports' double s
    [['Қасымов', 'Kasymov', 'Qasymov', 'Kassymov', 'Касымов']],
    [['Әбішұлы', 'Abishuly', 'Abishuli']],
    // Kyrgyzstan
    [['Өмүрбеков', 'Omurbekov', 'Омурбеков']],
    [['уулу', 'uulu', 'ulu']],
    // Tajikistan: ҳ h/kh, ҷ j/dzh/dj
    [['Раҳмонов', 'Rakhmonov', 'Rahmonov', 'Рахмонов']],
    [['Ҷумъа', 'Jumʼa', 'Dzhuma', 'Джума', 'Djuma']],
    // Uzbekistan: oʻ, gʻ/gh/g, x/kh, -iyev/-iev
    [['Oʻrinboyev', "O'rinboev", 'Ўринбоев', 'Orinboyev']],
    [['Xudoyberdiyev', 'Khudoyberdiev', 'Худойбердиев', 'Hudoyberdiev']],
    [["G'ulomov", 'Gulomov', 'Ghulomov', 'Гуломов', 'Ғуломов']],
    // Azerbaijan: ə, ı, ğ, ş, ç, and Russian г for h
    [['Əliyev', 'Aliyev', 'Алиев', 'Aliev', 'Alijew']],
    [['Hüseynov', 'Huseynov', 'Гусейнов', 'Guseynov', 'Husejnov']],
    [['Şükürov', 'Shukurov', 'Шукюров']],
    [
      ['oğlu', 'oglu'],
      ['оглы', 'ogly', "o'g'li", 'ogli'],
    ],
    // Moldova: ș ț, ea = я, ci = ч
    [['Ștefan', 'Ştefan', 'Штефан', 'Shtefan']],
    [['Munteanu', 'Мунтяну', 'Muntyanu', 'Muntianu']],
    [['Țurcanu', 'Ţurcanu', 'Цуркану', 'Tsurkanu']],
    [['Ciobanu', 'Чобану', 'Chobanu']],
    // Armenia: -yan/-ian/-jan, ss
    [['Պետրոսյան', 'Petrosyan', 'Petrossian', 'Петросян', 'Petrosjan']],
    [['Ter-Petrosyan', 'Ter Petrosyan', 'Тер-Петросян']],
  ])('%j', (...groups) => {
    for (const group of groups) expectSameSkeleton(group);
  });

  it('folds the irregular name roots of the root table', () => {
    expectSameSkeleton(['Հովհաննիսյան', 'Hovhannisyan', 'Ovannisyan', 'Оганесян', 'Oganesyan', 'Ованесян', 'Hovannisyan']);
    expectSameSkeleton(['Ղազարյան', 'Ghazaryan', 'Казарян', 'Kazarian', 'Газарян']);
    expectSameSkeleton(['Məmmədov', 'Mammadov', 'Мамедов', 'Mamedov', 'Mamadov']);
    expectSameSkeleton(['Muhammad', 'Mukhamed', 'Мухаммед', 'Magomed', 'Mohammed']);
  });

  it('reads Azerbaijani c, x, q once the name is known to be Azerbaijani', () => {
    expectSameSkeleton(['Cəfərov', 'Джафаров', 'Dzhafarov', 'Jafarov']);
    expect(phoneticSkeleton('Cafarov', 'az')).toBe(phoneticSkeleton('Джафаров'));
    expect(phoneticSkeleton('Vaqif', 'az')).toBe(phoneticSkeleton('Вагиф'));
  });
});

describe('phoneticSkeleton: what it must not merge', () => {
  it.each([
    ['Иванов', 'Иваненко'],
    ['Петров', 'Петросян'],
    ['Алиев', 'Алимов'],
    ['Karimov', 'Kamilov'],
    ['Шаров', 'Саров'],
    ['Чернов', 'Шернов'],
    ['Галина', 'Алина'],
    ['Иванов', 'Иванова'],
    ['Зарев', 'Царёв'],
    ['Ion', 'En'],
  ])('%s ≠ %s', (a, b) => {
    expect(phoneticSkeleton(a)).not.toBe(phoneticSkeleton(b));
  });
});

describe('phoneticSkeleton: output', () => {
  it('uses the documented alphabet, words separated by spaces', () => {
    const sk = phoneticSkeleton('Тер-Петросян Левон Акопович, Xudoyberdiyev Şükürov Ҷумъа');
    expect(sk).toMatch(/^[abcdefhijklmnoprstuvxz ]+$/);
    expect(sk.split(' ')).toHaveLength(7);
  });

  it('separates hyphen parts like words (name parts concatenate them: see parse)', () => {
    expect(phoneticSkeleton('Ter-Petrosyan')).toBe('ter petrosian');
  });

  it('is empty for text without letters', () => {
    expect(phoneticSkeleton(' - , ')).toBe('');
  });
});

describe('consonantKey', () => {
  it('drops vowels, marks an initial vowel, collapses doubles', () => {
    expect(consonantKey('orinboev')).toBe('arnbv');
    expect(consonantKey('mamedov')).toBe('mmdv');
    expect(consonantKey('kasimov')).toBe('ksmv');
  });

  it('folds what MRZ diacritic loss merges and the initial velars', () => {
    expect(consonantKey(phoneticSkeleton('Turcanu'))).toBe(consonantKey(phoneticSkeleton('Цуркану')));
    expect(consonantKey(phoneticSkeleton('Stefan'))).toBe(consonantKey(phoneticSkeleton('Штефан')));
    expect(consonantKey(phoneticSkeleton('Sukurov'))).toBe(consonantKey(phoneticSkeleton('Şükürov')));
    expect(consonantKey(phoneticSkeleton('Quliyev'))).toBe(consonantKey(phoneticSkeleton('Гулиев')));
  });

  it('joins the Uzbek/Tajik o/a/u and Azerbaijani ə variants', () => {
    const key = consonantKey(phoneticSkeleton('Oʻrinboyev'));
    for (const v of ['Urinboev', 'Orinbaev', 'Уринбаев']) expect(consonantKey(phoneticSkeleton(v))).toBe(key);
  });
});
