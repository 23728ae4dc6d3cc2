import type { PersonNameView } from '../domain.ts';

/** Surname, given name and patronymic in the order the documents write them. */
export const fullName = (name: PersonNameView): string =>
  [name.surname, name.given, name.patronymic].filter((part): part is string => Boolean(part)).join(' ');

/**
 * The name as the owner's documents write it (original script) and its Latin form.
 * The Latin form is left out when the original already is that spelling.
 */
export function displayNames(names: readonly PersonNameView[] | undefined): { original?: string; latin?: string } {
  const list = (names ?? []).filter((n) => fullName(n) !== '');
  const original = list.find((n) => n.kind === 'primary') ?? list.find((n) => n.kind !== 'latin') ?? list[0];
  const latin =
    list.find((n) => n.kind === 'latin' && n !== original) ?? list.find((n) => n.script === 'Latn' && n !== original && n.kind !== 'alias');
  const originalText = original ? fullName(original) : undefined;
  const latinText = latin ? fullName(latin) : undefined;
  return {
    ...(originalText ? { original: originalText } : {}),
    ...(latinText && latinText !== originalText ? { latin: latinText } : {}),
  };
}
