import { describe, expect, it } from 'vitest';
import { phoneticSkeleton } from './skeleton.ts';
import { masculineSurname, surnameBase, surnameVariants } from './surname.ts';

const sk = (s: string): string => phoneticSkeleton(s).replace(/ /g, '');
const masculine = (s: string): string => masculineSurname(sk(s));
const base = (s: string): string => surnameBase(sk(s));

describe('masculineSurname', () => {
  it.each([
    ['Иванова', 'Иванов'],
    ['Aliyeva', 'Aliyev'],
    ['Пушкина', 'Пушкин'],
    ['Вишневская', 'Вишневский'],
    ['Wyssozkaja', 'Высоцкий'],
    ['Толстая', 'Толстой'],
    ['Горбачёва', 'Gorbatschow'],
    ['Abishkyzy', 'Abishuly'],
  ])('%s → the masculine of %s', (female, male) => {
    expect(masculine(female)).toBe(masculine(male));
    expect(masculineSurname(masculine(male))).toBe(masculine(male)); // idempotent
  });

  it('leaves names without a female ending alone', () => {
    for (const s of ['Петросян', 'Лукашенко', 'Munteanu', 'Ким', 'Шевчук']) expect(masculine(s)).toBe(sk(s));
  });

  it('does not cut short names', () => {
    expect(masculineSurname('ova')).toBe('ova');
    expect(masculineSurname('mina')).toBe('mina');
  });
});

describe('surnameBase', () => {
  it.each([
    ['Раҳмонов', 'Rahmon'], // Tajik: suffix dropped
    ['Rahmonova', 'Rahmon'],
    ['Саидов', 'Saidzoda'], // Tajik -zoda
    ['Saidov', 'Saidzod'],
    ['Karimov', 'Karimi'], // Tajik -ī
    ['Nazarov', 'Nazariyon'], // Tajik -iyon
    ['Rahimov', 'Rahimzade'], // Azerbaijani -zadə
    ['Əliyev', 'Alizade'],
    ['Aliyeva', 'Əlizadə'],
    ['Məmmədov', 'Mammadli'], // Azerbaijani -li
    ['Hüseynov', 'Hüseynli'],
    ['Abishev', 'Abishuly'], // Kazakh -uly
  ])('%s and %s share the base', (a, b) => {
    expect(base(a)).toBe(base(b));
  });

  it.each([
    ['Иванов', 'Иваненко'],
    ['Петров', 'Петросян'],
    ['Алиев', 'Алимов'],
    ['Karimov', 'Kamilov'],
  ])('%s and %s do not', (a, b) => {
    expect(base(a)).not.toBe(base(b));
  });

  it('never returns a base shorter than two letters', () => {
    expect(surnameBase('ov')).toBe('ov');
    expect(surnameBase('iev').length).toBeGreaterThanOrEqual(2);
  });

  it('ignores spaces in a skeleton of several words', () => {
    expect(surnameBase('ter petrosian')).toBe(surnameBase('terpetrosian'));
  });
});

describe('surnameVariants', () => {
  it('lists the gender forms and the known surname changes', () => {
    const variants = surnameVariants(sk('Rahmonov'));
    expect(variants).toEqual(expect.arrayContaining(['rahmonov', 'rahmonova', 'rahmon', 'rahmonzoda', 'rahmoni', 'rahmonen', 'rahmonli']));
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('uses -ev after a soft stem and -skaya for -skiy', () => {
    expect(surnameVariants(sk('Aliyev'))).toEqual(expect.arrayContaining(['alev', 'aleva', 'alzade']));
    expect(surnameVariants(sk('Vysotsky'))).toContain('visotskaia');
  });

  it('every variant has the same base', () => {
    const b = surnameBase(sk('Saidov'));
    for (const v of surnameVariants(sk('Saidov'))) expect(surnameBase(v)).toBe(b);
  });
});
