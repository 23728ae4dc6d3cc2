import { describe, expect, it } from 'vitest';
import { compareNames } from './compare.ts';
import { nameKeys } from './keys.ts';
import { parsePersonName } from './parse.ts';
import { otherLayout, repairNameText } from './repair.ts';
import type { PersonNameInput } from './types.ts';

const sharesKey = (a: PersonNameInput, b: PersonNameInput) => {
  const kb = new Set(nameKeys(parsePersonName(b)));
  return nameKeys(parsePersonName(a)).some((k) => kb.has(k));
};
const levelOf = (a: PersonNameInput, b: PersonNameInput) => compareNames(parsePersonName(a), parsePersonName(b)).level;

describe('names typed with look-alike letters of the other script', () => {
  it('a Cyrillic name with a Latin C or o is read as the Cyrillic name it is', () => {
    const written = { surname: 'Иванов', given: 'Cергей' }; // Latin C
    expect(levelOf(written, { surname: 'Иванов', given: 'Сергей' })).toBe('exact');
    expect(levelOf({ surname: 'Ивaнoв', given: 'Сергей' }, { surname: 'Иванов', given: 'Сергей' })).toBe('exact'); // Latin a, o
    expect(parsePersonName(written).repairs).toEqual(['mixed_script']);
  });

  it('a Latin name with a Cyrillic look-alike letter stays Latin', () => {
    expect(repairNameText('Ivanоv').text).toBe('Ivanov'); // Cyrillic о
    expect(levelOf({ surname: 'Ivanоv', given: 'Sergey' }, { surname: 'Ivanov', given: 'Sergey' })).toBe('exact');
  });

  it('a name written wholly in one script is left as it is', () => {
    for (const text of ['Сергей', 'Sergey', "O'Brien", 'Ter-Petrosyan', 'Əliyev', 'Іваноў']) {
      const repaired = repairNameText(text);
      expect(repaired.text).toBe(text);
      expect(repaired.repairs.size).toBe(0);
    }
  });
});

describe('names typed on the wrong keyboard layout', () => {
  it('keys that only the Russian layout puts letters on (; for ж, , for б, [ for х) are read on it', () => {
    expect(repairNameText(';erjd').text).toBe('жуков');
    expect(repairNameText('<fnehby').text).toBe('Батурин');
    expect(repairNameText('{fhbnjyjd').text).toBe('Харитонов');
    expect(levelOf({ surname: ';erjd', given: 'Utjhubq' }, { surname: 'Жуков', given: 'Георгий' })).toBe('exact');
  });

  it('a name of letters only is read on the other layout when its given name is known only there', () => {
    const name = parsePersonName({ surname: 'Bdfyjd', given: 'Bdfy', patronymic: 'Bdfyjdbx' });
    expect(name.repairs).toEqual(['keyboard_layout']);
    expect(levelOf({ surname: 'Bdfyjd', given: 'Bdfy' }, { surname: 'Иванов', given: 'Иван' })).toBe('exact');
    // A Latin name typed on the Russian layout, too.
    expect(levelOf({ surname: 'Шмфтщм', given: 'Шмфт' }, { surname: 'Ivanov', given: 'Ivan' })).toBe('exact');
  });

  it('one word of a name typed on the other layout is read on it, the rest left as written', () => {
    // Once a whole name in one field with a single such word sent parsing into endless recursion.
    const whole = { given: 'Кадыров Rfqhfn Асылбекович' };
    expect(parsePersonName(whole).repairs).toContain('keyboard_layout');
    expect(levelOf(whole, { surname: 'Кадыров', given: 'Кайрат', patronymic: 'Асылбекович' })).toBe('exact');
    expect(levelOf({ surname: 'Воробьёва Kblbz Глебовна' }, { surname: 'Воробьёва', given: 'Лидия', patronymic: 'Глебовна' })).toBe('exact');
  });

  it('a real Latin name is not taken for a layout slip', () => {
    for (const name of [
      { surname: 'Karimov', given: 'Dilshod' },
      { surname: 'Smith', given: 'John' },
      { surname: 'Nazarbayev', given: 'Nursultan' },
    ]) {
      expect(parsePersonName(name).repairs).toBeUndefined();
    }
  });

  it('reads keys on the other layout only for text of one script', () => {
    expect(otherLayout('Bdfy')).toBe('Иван');
    expect(otherLayout('Шмфт')).toBe('Ivan');
    expect(otherLayout('Ив0н')).toBeUndefined();
  });
});

describe('names with digits an OCR pass read for letters', () => {
  it('a digit inside a word is read as the letter it resembles in that word’s script', () => {
    expect(repairNameText('Ив0нов').text).toBe('Ивонов');
    expect(repairNameText('1van').text).toBe('Ivan');
    expect(repairNameText('Petr0v').text).toBe('Petrov');
    expect(levelOf({ surname: 'Petr0v', given: '1van' }, { surname: 'Петров', given: 'Иван' })).toBe('translit');
    expect(parsePersonName({ surname: 'Petr0v' }).repairs).toEqual(['ocr_digits']);
  });

  it('the repaired name is filed under the keys of the name as meant', () => {
    expect(sharesKey({ surname: 'Petr0v', given: '1van' }, { surname: 'Петров', given: 'Иван' })).toBe(true);
    expect(sharesKey({ surname: ';erjd', given: 'Utjhubq' }, { surname: 'Zhukov', given: 'Georgiy' })).toBe(true);
  });
});

describe('standard romanizations with marks of their own', () => {
  it('GOST 7.79 B’s backtick for ь is not taken for a layout slip', () => {
    for (const text of ['Ol`ga', 'Natal`ya', 'El`cin', 'Solov`yov']) expect(repairNameText(text).repairs.size, text).toBe(0);
  });
});
