/**
 * The errors and variations that make a subject's later records differ from its first one.
 * Each kind is drawn independently, only where it can apply, at its configured rate — so the
 * rates can be measured back from the output.
 */
import type { PersonName } from '../schemas/person.ts';
import { fitsOneField, layoutSlips, nameInOneField, ocrVariants } from './name-errors.ts';
import type { Random } from './random.ts';
import type { CorruptionKind, CorruptionRates, GeneratedRecord } from './types.ts';

/** Defaults tuned to what interstate reconciliation meets (see docs/data-generator.md). */
export const DEFAULT_CORRUPTION: CorruptionRates = {
  transliteration: 0.35,
  typo: 0.08,
  swappedNameParts: 0.04,
  patronymicMissing: 0.15,
  dayMonthTransposed: 0.04,
  yearOnlyDate: 0.06,
  documentDigit: 0.05,
  lookAlike: 0.35,
  heightOff: 0.3,
  surnameChange: 0.25,
  scriptChange: 0.15,
  nameInOneField: 0.03,
  keyboardLayout: 0.02,
  ocrLookAlike: 0.03,
  belarusianUkrainianForm: 0.08,
  birthDateMissing: 0.05,
  birthYearDigit: 0.03,
  twoGivenNames: 0.03,
  hyphenatedSurname: 0.02,
  unrelatedAlias: 0.04,
  birthDateEstimated: 0.03,
};

const ALPHABETS: readonly RegExp[] = [/\p{Script=Cyrillic}/u, /\p{Script=Armenian}/u];
const CYRILLIC_LETTERS = 'абвгдеёжзийклмнопрстуфхцчшщыьэюя';
const ARMENIAN_LETTERS = 'աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ';
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function alphabetOf(ch: string): string {
  if (ALPHABETS[0]?.test(ch)) return CYRILLIC_LETTERS;
  if (ALPHABETS[1]?.test(ch)) return ARMENIAN_LETTERS;
  return LATIN_LETTERS;
}

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const matchCase = (model: string, ch: string) => (model !== model.toLowerCase() ? ch.toUpperCase() : ch);

/**
 * One keying error in a name: a letter substituted, dropped, doubled or swapped with its
 * neighbour. The first character stays a letter so the result is still a valid name part.
 */
export function typo(rng: Random, text: string): string {
  const chars = Array.from(text);
  const letters = chars.map((c, i) => (isLetter(c) ? i : -1)).filter((i) => i >= 0);
  if (letters.length < 2) return text;
  for (let attempt = 0; attempt < 8; attempt++) {
    const i = rng.pick(letters);
    const ch = chars[i] as string;
    const out = chars.slice();
    const op = rng.weighted([
      ['sub', 4],
      ['del', 3],
      ['ins', 2],
      ['swap', 3],
    ] as const);
    if (op === 'sub') {
      out[i] = matchCase(ch, rng.pick(Array.from(alphabetOf(ch))));
    } else if (op === 'del' && letters.length > 3 && i > 0) {
      out.splice(i, 1);
    } else if (op === 'ins') {
      out.splice(i, 0, ch.toLowerCase());
    } else if (op === 'swap' && isLetter(chars[i + 1] ?? '')) {
      out[i] = matchCase(ch, (chars[i + 1] as string).toLowerCase());
      out[i + 1] = ch.toLowerCase();
    }
    const result = out.join('');
    if (result !== text && isLetter(result.charAt(0))) return result;
  }
  return text;
}

/* ---------- identifiers: plates and serials ---------- */

const CYR_TO_LAT: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
};
const LAT_TO_CYR: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CYR_TO_LAT).map(([c, l]) => [l, c]));

/** Reads the identifier with look-alike letters swapped to the other script (as keyed on the wrong layout). */
const swapScript = (text: string) => {
  const hasCyr = /[АВЕКМНОРСТУХ]/.test(text);
  return Array.from(text)
    .map((ch) => (hasCyr ? (CYR_TO_LAT[ch] ?? ch) : (LAT_TO_CYR[ch] ?? ch)))
    .join('');
};

function swapZero(rng: Random, text: string): string {
  const positions = Array.from(text)
    .map((c, i) => ('OО0'.includes(c) ? i : -1))
    .filter((i) => i >= 0);
  if (positions.length === 0) return text;
  const i = rng.pick(positions);
  const chars = Array.from(text);
  chars[i] = chars[i] === '0' ? 'O' : '0';
  return chars.join('');
}

function respace(rng: Random, text: string): string {
  const compact = text.replace(/[\s-]+/g, '');
  if (compact !== text && rng.chance(0.6)) return compact;
  // Split letter and digit groups the way people retype plates: "A 123 BC 77", "TO-1234".
  const sep = rng.pick([' ', '-']);
  const spaced = compact.replace(/(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu, `$1$2${sep}`);
  if (spaced !== text) return spaced;
  if (compact !== text) return compact;
  // A bare number: split it where a clerk would pause.
  const mid = Math.floor(compact.length / 2);
  return compact.length > 3 ? `${compact.slice(0, mid)} ${compact.slice(mid)}` : compact;
}

/** A plate or serial retyped: look-alike letters, O/0, or different spacing. Never the same string. */
export function lookAlike(rng: Random, text: string): string {
  for (let attempt = 0; attempt < 6; attempt++) {
    const op = rng.weighted([
      ['script', 4],
      ['zero', 2],
      ['space', 3],
    ] as const);
    const out = op === 'script' ? swapScript(text) : op === 'zero' ? swapZero(rng, text) : respace(rng, text);
    if (out !== text && /^[\p{L}\p{N}]/u.test(out)) return out;
  }
  return text;
}

/* ---------- applying the kinds ---------- */

/** The whole word on the other layout more often than its beginning: typists notice late. */
function pickSlip(rng: Random, options: readonly string[]): string {
  return rng.chance(0.6) ? (options[0] as string) : rng.pick(options);
}

/** Draws corruption kinds at their rates and records the ones applied. */
export class Corruptor {
  constructor(
    private readonly rng: Random,
    private readonly rates: CorruptionRates,
  ) {}

  /** Whether to apply `kind` to a record where it can apply. */
  draw(kind: CorruptionKind): boolean {
    return this.rng.chance(this.rates[kind]);
  }

  /**
   * The person-level kinds that act on a finished record: dropped patronymic, swapped name
   * parts, a typo, layout and OCR slips, the name in one field, birth-date errors (missing, a
   * wrong year digit, transposed, year only), a wrong document digit, a different height.
   * The kinds that change the name itself (double surname, second given name, Belarusian and
   * Ukrainian forms, unrelated alias) are decided before rendering, in person-part.ts.
   * `valid` re-checks the record's date rules after a birth-date change.
   */
  person(record: GeneratedRecord, valid: (r: GeneratedRecord) => boolean): void {
    const person = record.person;
    if (!person) return;
    const rng = this.rng;
    const names = person.names ?? [];
    const applied = record.corruptions;

    if (names.some((n) => n.patronymic) && this.draw('patronymicMissing')) {
      for (const n of names) delete n.patronymic;
      applied.push('patronymicMissing');
    }
    if (names.some((n) => n.surname && n.given) && this.draw('swappedNameParts')) {
      for (const n of names) {
        if (n.surname && n.given) [n.surname, n.given] = [n.given, n.surname];
      }
      applied.push('swappedNameParts');
    }
    const typoTargets = names.filter((n) => n.kind === 'primary' || n.kind === 'latin');
    if (typoTargets.length > 0 && this.draw('typo')) {
      const target = rng.chance(0.75) ? (typoTargets[0] as PersonName) : rng.pick(typoTargets);
      const part = rng.weighted([
        ['surname', 6],
        ['given', 3],
        ['patronymic', 1],
      ] as const);
      const key = target[part] ? part : target.surname ? 'surname' : 'given';
      const value = target[key];
      if (value) {
        const changed = typo(rng, value);
        if (changed !== value) {
          target[key] = changed;
          applied.push('typo');
        }
      }
    }

    this.nameErrors(record);

    if ((person.birthDate !== undefined || person.birthDateRange !== undefined) && this.draw('birthDateMissing')) {
      delete person.birthDate;
      delete person.birthDateRange;
      applied.push('birthDateMissing');
    }
    if (person.birthDate !== undefined && this.draw('birthYearDigit')) {
      const changed = this.wrongYearDigit(record, valid);
      if (changed) applied.push('birthYearDigit');
    }

    const birth = person.birthDate;
    const full = birth !== undefined ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birth) : null;
    if (full && Number(full[3]) <= 12 && full[3] !== full[2]) {
      const swapped = `${full[1]}-${full[3]}-${full[2]}`;
      person.birthDate = swapped;
      const ok = valid(record);
      person.birthDate = birth;
      if (ok && this.draw('dayMonthTransposed')) {
        person.birthDate = swapped;
        applied.push('dayMonthTransposed');
      }
    }
    const current = person.birthDate;
    if (current !== undefined && current.length > 4 && this.draw('yearOnlyDate')) {
      person.birthDate = current.length === 10 && rng.chance(0.3) ? current.slice(0, 7) : current.slice(0, 4);
      applied.push('yearOnlyDate');
    }

    if (person.birthDate !== undefined && this.draw('birthDateEstimated')) {
      if (this.estimatedBirth(record, valid)) applied.push('birthDateEstimated');
    }

    const docs = person.documents ?? [];
    if (docs.length > 0 && this.draw('documentDigit')) {
      const doc = rng.pick(docs);
      const chars = Array.from(doc.number);
      const digits = chars.map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
      if (digits.length > 0) {
        const i = rng.pick(digits);
        const old = Number(chars[i]);
        chars[i] = String((old + rng.int(1, 9)) % 10);
        doc.number = chars.join('');
        applied.push('documentDigit');
      }
    }

    const description = person.description;
    if (description?.heightCm !== undefined && this.draw('heightOff')) {
      const delta = rng.int(1, 5) * (rng.chance(0.5) ? 1 : -1);
      description.heightCm = Math.min(250, Math.max(40, description.heightCm + delta));
      applied.push('heightOff');
    }
  }

  /** Wrong keyboard layout, OCR look-alikes and the whole name in one field, each where it can apply. */
  private nameErrors(record: GeneratedRecord): void {
    const names = record.person?.names ?? [];
    const rng = this.rng;
    const applied = record.corruptions;
    const parts = ['surname', 'given', 'patronymic'] as const;
    const primary = names.find((n) => n.kind === 'primary' && n.script !== 'Armn');

    const slips = primary
      ? parts.flatMap((part) => {
          const value = primary[part];
          const options = value ? layoutSlips(value) : [];
          return options.length > 0 ? [{ part, options }] : [];
        })
      : [];
    if (primary && slips.length > 0 && this.draw('keyboardLayout')) {
      const { part, options } = slips.find((s) => s.part === 'surname' && rng.chance(0.6)) ?? rng.pick(slips);
      primary[part] = pickSlip(rng, options);
      applied.push('keyboardLayout');
    }

    const misreads = names
      .filter((n) => n.kind === 'primary' || n.kind === 'latin')
      .flatMap((name) =>
        parts.flatMap((part) => {
          const value = name[part];
          const variants = value ? ocrVariants(value) : [];
          return variants.length > 0 ? [{ name, part, variants }] : [];
        }),
      );
    if (misreads.length > 0 && this.draw('ocrLookAlike')) {
      const { name, part, variants } = rng.pick(misreads);
      name[part] = rng.pick(variants);
      applied.push('ocrLookAlike');
    }

    const whole = names.find((n) => n.kind === 'primary');
    if (whole && fitsOneField(whole) && this.draw('nameInOneField')) {
      const text = nameInOneField(whole);
      const field = rng.chance(0.85) ? 'surname' : 'given';
      delete whole.surname;
      delete whole.given;
      delete whole.patronymic;
      whole[field] = text;
      applied.push('nameInOneField');
    }
  }

  /**
   * One digit of the birth year changed the way it is misread or mistyped: the last digit by one
   * (1984 → 1985), else the decade digit (1984 → 1964, 1934). False when no such year keeps the record valid.
   */
  private wrongYearDigit(record: GeneratedRecord, valid: (r: GeneratedRecord) => boolean): boolean {
    const person = record.person;
    const birth = person?.birthDate;
    if (!person || birth === undefined) return false;
    const digits = Array.from(birth.slice(0, 4));
    for (let attempt = 0; attempt < 6; attempt++) {
      const out = digits.slice();
      if (this.rng.chance(0.6)) {
        // A neighbouring key or a misread last digit: 1984 → 1985, 1983 (wrapping 9 → 0 stays one digit).
        out[3] = String((Number(digits[3]) + (this.rng.chance(0.5) ? 1 : 9)) % 10);
      } else {
        out[2] = String((Number(digits[2]) + this.rng.int(1, 9)) % 10);
      }
      person.birthDate = `${out.join('')}${birth.slice(4)}`;
      if (valid(record)) return true;
    }
    person.birthDate = birth;
    return false;
  }

  /**
   * The birth date replaced by a range of two to five years that holds its year, not always
   * centred on it: one state knows the date, another only the person's age.
   */
  private estimatedBirth(record: GeneratedRecord, valid: (r: GeneratedRecord) => boolean): boolean {
    const person = record.person;
    const birth = person?.birthDate;
    if (!person || birth === undefined) return false;
    const year = Number(birth.slice(0, 4));
    for (let attempt = 0; attempt < 4; attempt++) {
      const span = this.rng.int(1, 4);
      const from = year - this.rng.int(0, span);
      delete person.birthDate;
      person.birthDateRange = { from: String(from), to: String(from + span) };
      if (valid(record)) return true;
    }
    delete person.birthDateRange;
    person.birthDate = birth;
    return false;
  }

  /** Retypes an identifier when the look-alike kind is drawn; returns it unchanged otherwise. */
  identifier(record: GeneratedRecord, text: string): string {
    if (!this.draw('lookAlike')) return text;
    const out = lookAlike(this.rng, text);
    if (out !== text) record.corruptions.push('lookAlike');
    return out;
  }
}
