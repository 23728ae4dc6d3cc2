import { describe, expect, it } from 'vitest';
import { langContext, romanize } from './romanize.ts';

describe('romanize: Russian (BGN/PCGN without diacritics, ё as е)', () => {
  it.each([
    ['Щукин', 'shchukin'],
    ['Хрущёв', 'khrushchev'],
    ['Царёв', 'tsarev'],
    ['Юрьев', 'yuryev'],
    ['Евгений', 'yevgeniy'],
    ['Андреев', 'andreyev'],
    ['Жуков', 'zhukov'],
    ['Объедков', 'obyedkov'],
    ['Красный', 'krasnyy'],
    ['Эльчин', 'elchin'],
    ['Ёлкин', 'yelkin'],
  ])('%s → %s', (cyrillic, latin) => {
    expect(romanize(cyrillic)).toBe(latin);
  });
});

describe('romanize: Belarusian and Ukrainian', () => {
  it('reads ў after a vowel as u and г as h in Belarusian', () => {
    expect(romanize('Іваноў')).toBe('ivanou');
    expect(romanize('Грыгор’еў')).toBe('hryhoryeu');
    expect(romanize('Лукашэнка')).toBe('lukashenka');
  });

  it('uses the Ukrainian letters and г → h, и → y', () => {
    expect(romanize('Ґалаґан Євгеній Їжак')).toBe('galagan yevheniy yizhak');
    expect(romanize('Микола', 'uk')).toBe('mykola');
  });
});

describe('romanize: Turkic and Tajik Cyrillic', () => {
  it.each([
    ['Нұрсұлтан Әбішұлы', 'nursultan abishuly'], // Kazakh
    ['Қасымов', 'qasymov'],
    ['Жаңыл', 'zhanyl'],
    ['Һасен', 'hasen'],
    ['Өмүрбеков', 'omurbekov'], // Kyrgyz
    ['Бакыт Мамадали уулу', 'bakyt mamadali uulu'],
    ['Раҳмонов', 'rahmonov'], // Tajik
    ['Ҷумъа', 'juma'],
    ['Ғафуров', 'ghafurov'],
    ['Раҳмонӣ Қодирӣ Нурӯв', 'rahmoni qodiri nuruv'],
    ['Ўринбоев', 'orinboyev'], // Uzbek ў (not after a vowel) = oʻ
    ['Худойбердиев', 'khudoyberdiyev'],
    ['Йўлдош', 'yoldosh'],
  ])('%s → %s', (cyrillic, latin) => {
    expect(romanize(cyrillic)).toBe(latin);
  });

  it('follows a language hint for ў', () => {
    expect(romanize('Тўев', 'be')).toBe('tuev');
    expect(romanize('Тоўев', 'uz')).toBe('tooyev');
  });
});

describe('romanize: Latin national orthographies', () => {
  it('reads Uzbek oʻ and gʻ', () => {
    expect(romanize('Oʻrinboyev')).toBe('orinboyev');
    expect(romanize("G'ulomov")).toBe('ghulomov');
    expect(romanize("Bahodir o'g'li")).toBe('bahodir oghli');
    expect(romanize('Xudoyberdiyev', 'uz')).toBe('khudoyberdiyev');
  });

  it('reads Azerbaijani letters, and c x q once the name is known to be Azerbaijani', () => {
    expect(romanize('Əliyev Məmmədov Hüseynov Şükürov')).toBe('aliyev mammadov huseynov shukurov');
    expect(romanize('Cəfərov Xəlilov Qasımov')).toBe('jafarov khalilov gasymov');
    expect(romanize('Aliyev Elchin Vaqif oğlu')).toBe('aliyev elchin vagif oghlu');
    expect(romanize('Cafarov', 'az')).toBe('jafarov');
  });

  it('reads Romanian letters, and the c/g/ea rules once the name is known to be Romanian', () => {
    expect(romanize('Ștefan Ţurcanu')).toBe('shtefan tsurkanu');
    expect(romanize('Ciobanu Cebotari Chiriac Gheorghe Munteanu Jitaru', 'ro')).toBe('chobanu chebotari kiriak george muntyanu zhitaru');
    expect(romanize('Mîndru Câmpeanu')).toBe('myndru kympyanu');
  });

  it('expands ISO 9 / Łacinka / Polish letters', () => {
    expect(romanize('Łukašenka')).toBe('lukashenka');
    expect(romanize('Ščukin Žukaŭ')).toBe('shchukin zhukau');
    expect(romanize('Ŝukin')).toBe('shchukin');
  });

  it('leaves plain Latin as it is', () => {
    expect(romanize('Chtchoukine')).toBe('chtchoukine');
    expect(romanize('Ivanov-Petrov')).toBe('ivanov-petrov');
  });
});

describe('romanize: Armenian (passport romanization)', () => {
  it.each([
    ['Պետրոսյան', 'petrosyan'],
    ['Հովհաննիսյան', 'hovhannisyan'],
    ['Ղազարյան', 'ghazaryan'],
    ['Երևան', 'yerevan'], // ե at word start, և inside
    ['Ոսկանյան', 'voskanyan'], // ո at word start
    ['Ուրիխանյան', 'urikhanyan'], // ու
    ['Ծատուրյան Ջհանգիրյան Ճաղարյան', 'tsaturyan jhangiryan chagharyan'],
    ['Թորոսյան Փափազյան Քոչարյան', 'torosyan papazyan kocharyan'],
    ['և', 'yev'],
  ])('%s → %s', (armenian, latin) => {
    expect(romanize(armenian)).toBe(latin);
  });
});

describe('romanize: output', () => {
  it('is lower-case ASCII with single spaces and inner hyphens', () => {
    const out = romanize('  Тер-Петросян,  Левон  Акопович ; Ḩasan Ωmega ');
    expect(out).toMatch(/^[a-z0-9 -]*$/);
    expect(out).toBe('ter-petrosyan levon akopovich hasan mega');
  });

  it('is idempotent on its own output when no language hint is given', () => {
    for (const s of ['Щукин', 'Oʻrinboyev', 'Հովհաննիսյան', 'Məmmədov', 'Іваноў']) {
      const once = romanize(s);
      expect(romanize(once)).toBe(once);
    }
  });

  it('romanizes mixed-layout words letter by letter', () => {
    expect(romanize('Ивaнов')).toBe('ivanov'); // Latin a inside Cyrillic
  });
});

describe('langContext', () => {
  it('detects the orthography from letters', () => {
    expect(langContext('məmmədov').latin).toBe('az');
    expect(langContext('țurcanu').latin).toBe('ro');
    expect(langContext("o'rinboyev").latin).toBe('uz');
    expect(langContext('ivanov').latin).toBe('plain');
    expect(langContext('іваноў').be).toBe(true);
    expect(langContext('євген').uk).toBe(true);
  });

  it('lets a hint win and reads several texts together', () => {
    expect(langContext('cafarov', 'az-Latn').latin).toBe('az');
    expect(langContext(['vaqif', 'oğlu']).latin).toBe('az');
  });
});
