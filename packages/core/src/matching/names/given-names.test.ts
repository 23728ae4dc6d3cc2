import { describe, expect, it } from 'vitest';
import { isKnownGivenName } from './given-names.ts';
import { phoneticSkeleton } from './skeleton.ts';

describe('isKnownGivenName', () => {
  it('recognises a listed name in any script and spelling', () => {
    for (const name of ['Иван', 'Ivan', 'Евгений', 'Jewgenij', 'Нұрсұлтан', 'Alisher', 'Elçin', 'Ion', 'Լևոն', 'Бакыт', 'Ҷамшед']) {
      expect(isKnownGivenName(phoneticSkeleton(name)), name).toBe(true);
    }
  });

  it('does not recognise surnames', () => {
    for (const name of ['Иванов', 'Nazarbayev', 'Petrosyan', 'Ciobanu']) {
      expect(isKnownGivenName(phoneticSkeleton(name)), name).toBe(false);
    }
  });
});
