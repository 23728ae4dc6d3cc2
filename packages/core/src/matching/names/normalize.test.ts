import { describe, expect, it } from 'vitest';
import { foldDiacritics, normalizeText, prepare } from './normalize.ts';

describe('prepare', () => {
  it('applies NFKC, lower-cases and collapses separators to single spaces', () => {
    expect(prepare('  ИВАНОВ\t\u00a0 Иван,  Иванович. ')).toBe('иванов иван иванович');
    expect(prepare('ＩＶＡＮＯＶ')).toBe('ivanov'); // full-width letters
  });

  it('keeps diacritics for romanization', () => {
    expect(prepare('ŞÜKÜROV Əli')).toBe('şükürov əli');
    expect(prepare('Іваноў')).toBe('іваноў');
  });

  it('unifies apostrophe variants and keeps them only between letters', () => {
    for (const apostrophe of ['ʻ', 'ʼ', '’', '‘', '`', "'", '´', 'ʹ']) {
      expect(prepare(`O${apostrophe}rinboyev`)).toBe("o'rinboyev");
    }
    expect(prepare("'Ali'")).toBe('ali');
    expect(prepare("o'g'li")).toBe("o'g'li");
  });

  it('keeps inner hyphens of any dash variant and drops edge ones', () => {
    expect(prepare('Ter–Petrosyan')).toBe('ter-petrosyan');
    expect(prepare('Ter‑Petrosyan')).toBe('ter-petrosyan');
    expect(prepare('-Ivanov-')).toBe('ivanov');
    expect(prepare('Ivanov - Petrov')).toBe('ivanov petrov');
  });

  it('strips combining marks, stress marks included', () => {
    expect(prepare('Ива\u0301нов')).toBe('иванов');
    expect(prepare('İlham')).toBe('ilham'); // Turkish dotted capital I lower-cases to i + U+0307
    expect(prepare('И\u0306ван')).toBe('йван'); // decomposed й is composed by NFKC, not stripped
  });

  it('decomposes the Armenian ligature և through NFKC', () => {
    expect(prepare('Եղիազարյան և')).toBe('եղիազարյան եւ');
  });

  it('returns an empty string for text without letters', () => {
    expect(prepare(' ,.-- ')).toBe('');
    expect(prepare('')).toBe('');
  });
});

describe('normalizeText', () => {
  it('folds Latin diacritics to a diacritic-free skeleton', () => {
    expect(normalizeText('Ștefan Ştefan ŢURCANU Țurcanu')).toBe('stefan stefan turcanu turcanu');
    expect(normalizeText('Məmmədov Şükürov Ağayev Qılınc Çələbi Öztürk')).toBe('mammadov sukurov agayev qilinc calabi ozturk');
    expect(normalizeText('Bălan Câmpeanu Mîndru')).toBe('balan campeanu mindru');
    expect(normalizeText('Łukašenka Žukaŭ')).toBe('lukasenka zukau');
  });

  it('keeps Cyrillic letters, folding only ё', () => {
    expect(normalizeText('Хрущёв')).toBe('хрущев');
    expect(normalizeText('Іваноў Йўлдош Раҳмонӣ Әбішұлы')).toBe('іваноў йўлдош раҳмонӣ әбішұлы');
  });

  it('keeps Armenian as Armenian', () => {
    expect(normalizeText('Պետրոսյան')).toBe('պետրոսյան');
  });

  it('makes the same text from differently typed inputs', () => {
    expect(normalizeText('  oʻG‘LI ')).toBe(normalizeText("o'g'li"));
    expect(normalizeText('Ter-Petrosyan')).toBe('ter-petrosyan');
  });
});

describe('foldDiacritics', () => {
  it('returns the same string when there is nothing to fold', () => {
    const s = 'ivanov иванов';
    expect(foldDiacritics(s)).toBe(s);
  });

  it('folds Latin Extended Additional letters', () => {
    expect(foldDiacritics('ḩasan ẓ')).toBe('hasan z');
  });
});
