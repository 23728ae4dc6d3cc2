/**
 * Person-name normalization for cross-script matching of the CIS member states' records.
 * Pure: no I/O. See README.md beside this file for the rules and their trade-offs.
 */
export { normalizeText } from './normalize.ts';
export { romanize } from './romanize.ts';
export { phoneticSkeleton, consonantKey } from './skeleton.ts';
export { masculineSurname, surnameBase, surnameVariants } from './surname.ts';
export { patronymicInfo, type PatronymicInfo, type Sex } from './patronymic.ts';
export { parsePersonName } from './parse.ts';
export { nameKeys, NAME_KEYS_VERSION } from './keys.ts';
export { compareNames, compareNameParts, FUZZY_SIMILARITY } from './compare.ts';
export { jaroWinkler, damerauLevenshtein } from './similarity.ts';
export {
  NAME_LEVELS,
  type NameComparison,
  type NameLevel,
  type NamePart,
  type NamePartComparison,
  type ParsedName,
  type PersonNameInput,
} from './types.ts';
