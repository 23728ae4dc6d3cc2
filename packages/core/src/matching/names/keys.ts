/**
 * Blocking keys for person names: each record stores these in an indexed column, and the
 * candidates for a record are the records that share at least one key.
 */
import { consonantKey } from './skeleton.ts';
import { surnameBase } from './surname.ts';
import type { ParsedName } from './types.ts';

/**
 * Bumped whenever a rule change alters any key, so stored keys can be recomputed
 * (skeleton, base, stem or key-format rules all count).
 */
export const NAME_KEYS_VERSION = 3;

/** Longest key component kept: long compound names are cut, which keeps keys short and rarely merges blocks. */
const MAX_COMPONENT = 20;
const cut = (s: string): string => (s.length > MAX_COMPONENT ? s.slice(0, MAX_COMPONENT) : s);

/**
 * At most six short ASCII blocking keys for a name (lower-case skeleton letters, `:` and `.`):
 *
 * - `sg:<family>.<g>` — family stem: the surname base (gender and surname change removed:
 *   Ivanov/Ivanova/Іваноў → `ivan`, Rahmonov/Rahmon, Saidov/Saidzoda), or, with no surname, the
 *   father's-name stem of the patronymic (Kyrgyz `Mamadali uulu` meets Soviet-era `Mamadaliev`),
 *   plus the first skeleton letter of the given name.
 * - `s:<family>` — the family stem alone, only for a name with no given name: with one, the
 *   stem alone would pair every namesake's relatives of the same year, and the other keys
 *   already meet a given name spelt differently.
 * - `gp:<given>.<father>` — given-name skeleton plus patronymic stem: survives a surname change
 *   by marriage and Abishuly/Abishevich.
 * - `t:<x>.<y>` — the surname base and the given name's base, sorted: surname and given name
 *   recorded the other way round.
 * - `c:<consonants>[.<g>]` — consonant key of the family stem plus the given initial's consonant
 *   class: vowel variation no skeleton rule folds (Orinbaev/Urinboev, Mammadov/Mamedov,
 *   Turcanu/Цуркану, Kazarian/Ghazaryan).
 * - `g:<given>` — only when there is neither surname nor patronymic.
 *
 * Keys are pure functions of the name and `NAME_KEYS_VERSION`.
 *
 * @example nameKeys(parsePersonName('Иванов Иван Иванович'))
 * // ["sg:ivan.i", "gp:ivan.ivan", "t:ivan.ivan", "c:avn.a"]
 */
export function nameKeys(name: ParsedName): string[] {
  const keys: string[] = [];
  const family = name.surname?.stem || name.patronymic?.stem || '';
  const given = name.given;
  if (family) {
    const f = cut(family);
    const consonants = cut(consonantKey(family));
    if (given) {
      keys.push(`sg:${f}.${given.skeleton.charAt(0)}`);
      if (name.patronymic?.stem) keys.push(`gp:${cut(given.skeleton)}.${cut(name.patronymic.stem)}`);
      if (name.surname) {
        const y = cut(surnameBase(given.skeleton));
        keys.push(`t:${f < y ? `${f}.${y}` : `${y}.${f}`}`);
      }
      keys.push(`c:${consonants}.${given.consonants.charAt(0)}`);
    } else {
      keys.push(`s:${f}`, `c:${consonants}`);
    }
  } else if (given) {
    keys.push(`g:${cut(given.skeleton)}`);
  }
  return keys;
}
