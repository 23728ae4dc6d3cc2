/**
 * `parsePersonName`: a person's name, structured or free text in any order, into normalized
 * parts with skeletons.
 */
import { isKnownGivenName } from './given-names.ts';
import { foldDiacritics, prepare } from './normalize.ts';
import { patronymicInfo, patronymicMarker, patronymicSuffix, plainStem, type Sex } from './patronymic.ts';
import { otherLayout, otherLayoutWords, repairNameText, type NameRepair } from './repair.ts';
import { langContext, romanizeWord, type LangContext } from './romanize.ts';
import { consonantKey, phoneticSkeleton, skeletonOfWord } from './skeleton.ts';
import { masculineSurname, surnameBase } from './surname.ts';
import type { NamePart, ParsedName, PersonNameInput } from './types.ts';

interface Word {
  norm: string;
  rom: string;
  skel: string;
  /** Skeletons of the parts of a hyphenated word (Петрова-Водкина), which documents may write alone. */
  halves?: string[];
}

function analyzeWord(w: string, ctx: LangContext): Word {
  const rom = romanizeWord(w, ctx);
  const word: Word = { norm: foldDiacritics(w), rom, skel: skeletonOfWord(w, ctx, rom) };
  const hyphenated = w.split('-');
  const romHalves = rom.split('-');
  if (hyphenated.length > 1 && romHalves.length === hyphenated.length) {
    word.halves = hyphenated.map((half, i) => skeletonOfWord(half, ctx, romHalves[i]));
  }
  return word;
}

/** The words of a prepared text (single spaces, no edge spaces), analysed. */
function analyze(prepared: string, ctx: LangContext): Word[] {
  if (prepared.length === 0) return [];
  if (prepared.indexOf(' ') === -1) return [analyzeWord(prepared, ctx)];
  return prepared.split(' ').map((w) => analyzeWord(w, ctx));
}

/** A part before it becomes a `NamePart`: the text as received and its analysed words. */
interface Draft {
  raw: string;
  words: Word[];
}

function wordSkeletons(words: readonly Word[]): string[] {
  const out: string[] = [];
  for (const w of words) out.push(w.skel);
  return out;
}

/** The forms every part has; surname and patronymic stems are set by `assemble`. */
function buildPart(draft: Draft): NamePart {
  const words = draft.words;
  let normalized = words[0]!.norm;
  let romanized = words[0]!.rom;
  let skeleton = words[0]!.skel;
  for (let i = 1; i < words.length; i++) {
    normalized += ` ${words[i]!.norm}`;
    romanized += ` ${words[i]!.rom}`;
    skeleton += words[i]!.skel;
  }
  const part: NamePart = { raw: draft.raw, normalized, romanized, skeleton, consonants: consonantKey(skeleton), stem: skeleton };
  if (words.length > 1 || words[0]!.halves) part.words = words.flatMap((w) => w.halves ?? [w.skel]);
  return part;
}

function surnameSex(skeleton: string): Sex | undefined {
  if (/(ova|eva|ina|aia)$/.test(skeleton)) return 'female';
  if (/(ov|ev|in|ski|oi)$/.test(skeleton)) return 'male';
  return undefined;
}

function assemble(surname: Draft | undefined, given: Draft | undefined, patronymic: Draft | undefined): ParsedName {
  const name: ParsedName = {};
  let sex: Sex | undefined;
  if (surname && surname.words.length > 0) {
    const part = buildPart(surname);
    part.masculine = masculineSurname(part.skeleton);
    part.stem = surnameBase(part.skeleton, part.masculine);
    name.surname = part;
  }
  if (given && given.words.length > 0) name.given = buildPart(given);
  if (patronymic && patronymic.words.length > 0) {
    const part = buildPart(patronymic);
    const info = patronymicInfo(wordSkeletons(patronymic.words));
    part.stem = info?.stem ?? plainStem(part.skeleton);
    sex = info?.sex;
    name.patronymic = part;
  }
  sex ??= name.surname && surnameSex(name.surname.skeleton);
  if (sex) name.sex = sex;
  return name;
}

/** True when the last word of a part is a Turkic patronymic marker (`Mamadali uulu`). */
function endsWithMarker(words: readonly Word[]): boolean {
  return words.length > 1 && patronymicMarker(words[words.length - 1]!.skel) !== undefined;
}

function parseStructured(input: PersonNameInput, lang: string | undefined, layoutRead = false): ParsedName {
  const repairs = new Set<NameRepair>();
  const surname = repairNameText(input.surname ?? '', repairs).text;
  const given = repairNameText(input.given ?? '', repairs).text;
  const patronymic = repairNameText(input.patronymic ?? '', repairs).text;
  // The whole name typed into the surname or the given-name field alone ("Иванов Иван Иванович"
  // as the surname) is read as free text, so that its parts are found as in a document's name line.
  const alone = patronymic.trim() !== '' ? undefined : surname.trim() === '' ? given : given.trim() === '' ? surname : undefined;
  const name = alone && wholeNameInOneField(alone) ? parseFree(alone, lang) : parseParts({ surname, given, patronymic }, input, lang);
  if (layoutRead) return name;
  return withLayoutRepair(
    name,
    (swap) => parseStructured({ surname: swap(surname), given: swap(given), patronymic: swap(patronymic) }, lang, true),
    repairs,
  );
}

/** Two or more words that are not one surname (`Ter Petrosyan`) or one patronymic (`Mamadali uulu`). */
function wholeNameInOneField(text: string): boolean {
  const ctx = langContext(prepare(text), undefined);
  const units: Unit[] = [];
  splitUnits(text, ctx, units);
  return units.length >= 2;
}

function parseParts(prepared: PersonNameInput, input: PersonNameInput, lang: string | undefined): ParsedName {
  const surname = prepare(prepared.surname ?? '');
  const given = prepare(prepared.given ?? '');
  const patronymic = prepare(prepared.patronymic ?? '');
  const ctx = langContext([surname, given, patronymic], lang);
  const s: Draft = { raw: input.surname?.trim() ?? '', words: analyze(surname, ctx) };
  const g: Draft = { raw: input.given?.trim() ?? '', words: analyze(given, ctx) };
  const p: Draft = { raw: input.patronymic?.trim() ?? '', words: analyze(patronymic, ctx) };
  // A Kyrgyz/Kazakh "Mamadali uulu" recorded as the surname is the father's name: matching
  // treats it as a patronymic so that it meets the same name recorded in the patronymic field.
  if (p.words.length === 0 && endsWithMarker(s.words)) return assemble(undefined, g, s);
  return assemble(s, g, p);
}

/**
 * A name typed with the keyboard on the other layout shows no stray key when every key hit was
 * a letter (`Bdfyjd Bdfy` for Иванов Иван). Given names are a closed class: when the given name
 * is unknown but reads as a known one on the other layout, the whole name is read that way
 * (`reparse` parses the texts with every key read on the other layout).
 */
const layoutVerdicts = new Map<string, boolean>();
const MAX_LAYOUT_VERDICTS = 50_000;

/** Whether a given name unknown as typed is a known one on the other layout; names repeat, so verdicts are kept. */
function knownOnOtherLayout(given: string): boolean {
  let verdict = layoutVerdicts.get(given);
  if (verdict === undefined) {
    const converted = otherLayout(given);
    verdict = converted !== undefined && isKnownGivenName(phoneticSkeleton(converted));
    if (layoutVerdicts.size >= MAX_LAYOUT_VERDICTS) layoutVerdicts.clear();
    layoutVerdicts.set(given, verdict);
  }
  return verdict;
}

function withLayoutRepair(name: ParsedName, reparse: (swap: (text: string) => string) => ParsedName, repairs: Set<NameRepair>): ParsedName {
  if (name.given && !isKnownGivenName(name.given.skeleton) && knownOnOtherLayout(name.given.raw)) {
    repairs.add('keyboard_layout');
    const typedOnOtherLayout = name.given.raw;
    name = reparse((text) => otherLayoutWords(text, typedOnOtherLayout));
  }
  if (repairs.size > 0) name.repairs = [...repairs];
  return name;
}

// ---------------------------------------------------------------------------------------------
// Free text: units, features, the most plausible order.

interface Unit {
  raw: string;
  words: Word[];
  /** Father's name followed by a separate marker word. */
  marker: boolean;
}

/** Skeleton endings typical of surnames, with how strongly each says "surname". */
const SURNAME_ENDINGS: readonly (readonly [string, number])[] = [
  ['skaia', 3],
  ['ski', 3],
  ['enko', 3],
  ['ova', 3],
  ['eva', 3],
  ['ov', 3],
  ['ev', 3],
  ['iants', 3],
  ['ian', 3],
  ['dze', 3],
  ['xvili', 3],
  ['zoda', 3],
  ['zade', 3],
  ['zada', 3],
  ['esku', 3],
  ['iuk', 3],
  ['cuk', 3],
  ['ina', 2],
  ['in', 2],
  ['anu', 2],
  ['uk', 2],
  ['ih', 2],
  ['aia', 2],
  ['li', 1],
  ['ko', 1],
  ['ets', 1],
  ['ik', 1],
  ['ic', 1],
  // Belarusian, Ukrainian, Polish and Serbian surnames (Лукашевич, Карпович, Dashkevich) end like
  // a patronymic: only the position in the name tells them apart.
  ['ovic', 2],
  ['evic', 2],
];

function surnameScore(skeleton: string): number {
  let best = 0;
  for (const [ending, score] of SURNAME_ENDINGS) {
    if (score > best && skeleton.length > ending.length + 1 && skeleton.endsWith(ending)) best = score;
  }
  return best;
}

const S = 0;
const G = 1;
const P = 2;
type Order = readonly number[];
/** Orders of surname (S), given (G), patronymic (P) with log-prior weights: official SGP first. */
const ORDERS: Record<number, readonly (readonly [Order, number])[]> = {
  1: [
    [[S], 1],
    [[G], 0.3],
    [[P], 0],
  ],
  2: [
    [[S, G], 1],
    [[G, S], 0.6],
    [[G, P], 0.6],
    // Nobody writes a patronymic before the given name without a surname: a leading -ович is one.
    [[P, G], -3],
    [[S, P], 0],
    [[P, S], -0.5],
  ],
  3: [
    [[S, G, P], 2],
    [[G, P, S], 1.2],
    [[G, S, P], 0.8],
    [[S, P, G], 0],
    [[P, G, S], -1],
    [[P, S, G], -1],
  ],
};

function roleScores(u: Unit): [number, number, number] {
  const skeleton = u.words.map((w) => w.skel).join('');
  const known = u.words.length === 1 && isKnownGivenName(skeleton);
  const surnamey = surnameScore(skeleton);
  const p = u.marker ? 8 : u.words.length === 1 ? (patronymicSuffix(skeleton)?.strength ?? -20) : -20;
  // Only a feminine or Turkic patronymic form (-овна, qizi) is never a surname; -ович often is.
  const s = surnamey - (known ? 3 : 0) - (p >= 6 ? 2 : 0);
  const g = (known ? 5 : 0) - (!known && surnamey >= 2 ? 3 : 0) - (p >= 4 ? 6 : 0);
  return [s, g, p];
}

function splitUnits(text: string, ctx: LangContext, units: Unit[]): void {
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    const words = analyze(prepare(token), ctx);
    if (words.length === 0) continue;
    const last = units[units.length - 1];
    if (words.length === 1 && last && !last.marker && patronymicMarker(words[0]!.skel)) {
      last.raw += ` ${token}`;
      last.words.push(words[0]!);
      last.marker = true;
    } else if (last && last.words.length === 1 && !last.marker && last.words[0]!.skel === 'ter') {
      // Armenian Ter- written apart: Ter Petrosyan
      last.raw += ` ${token}`;
      last.words.push(...words);
    } else units.push({ raw: token, words, marker: false });
  }
}

function parseFree(input: string, lang: string | undefined): ParsedName {
  const ctx = langContext(prepare(input), lang);
  const units: Unit[] = [];
  const comma = input.indexOf(',');
  // "Surname, Given Patronymic": what stands before the comma is the surname.
  if (comma !== -1) {
    const head = input.slice(0, comma).trim();
    const words = analyze(prepare(head), ctx);
    if (words.length > 0) units.push({ raw: head.replace(/\s+/g, ' '), words, marker: false });
  }
  const surnameFirst = units.length === 1;
  splitUnits(comma === -1 ? input : input.slice(comma + 1).replace(/,/g, ' '), ctx, units);
  if (units.length === 0) return {};
  const roles = units.length <= 3 ? bestOrder(units, surnameFirst) : fallbackOrder(units, surnameFirst);
  const pick = (role: number): Draft | undefined => {
    const chosen = units.filter((_, i) => roles[i] === role);
    if (chosen.length === 0) return undefined;
    return { raw: chosen.map((u) => u.raw).join(' '), words: chosen.flatMap((u) => u.words) };
  };
  return assemble(pick(S), pick(G), pick(P));
}

function bestOrder(units: readonly Unit[], surnameFirst: boolean): Order {
  const scores = units.map(roleScores);
  let best: Order = ORDERS[units.length]![0]![0];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const [order, prior] of ORDERS[units.length]!) {
    if (surnameFirst && order[0] !== S) continue;
    let score = prior;
    for (let i = 0; i < order.length; i++) score += scores[i]![order[i]!]!;
    if (score > bestScore) {
      bestScore = score;
      best = order;
    }
  }
  return best;
}

/** More than three units: the last patronymic-like unit, the most surname-like unit, the rest is the given name. */
function fallbackOrder(units: readonly Unit[], surnameFirst: boolean): Order {
  const scores = units.map(roleScores);
  const roles: number[] = units.map(() => G);
  let p = -1;
  for (let i = units.length - 1; i >= 0 && p === -1; i--) if (scores[i]![P] >= 4) p = i;
  if (p !== -1) roles[p] = P;
  let s = surnameFirst ? 0 : -1;
  for (let i = 0; i < units.length && !surnameFirst; i++) {
    if (i !== p && (s === -1 || scores[i]![S] > scores[s]![S])) s = i;
  }
  if (s !== -1) roles[s] = S;
  return roles;
}

/**
 * Splits a person's name into surname, given name and patronymic and computes, for each part,
 * the normalized, romanized, skeleton, consonant-key and stem forms matching compares.
 *
 * A free string may come in any order (`Иванов Иван Иванович`, `Ivan Ivanovich Ivanov`,
 * `Alisher Karimov Bahodir o'g'li`, `Mamadali uulu Bakyt`, `Ivanov, Ivan`): the parts are
 * recognised by patronymic forms (-ovich/-ovna/-ichna, separate uly/uulu/kyzy/o'g'li/qizi/
 * oğlu/оглы/qızı, attached -ұлы/-қызы), surname endings (-ov/-ova/-in/-skaya/-enko/-yan/
 * -zoda/-li…), a list of frequent given names, and the prior that official documents write
 * surname, given name, patronymic.
 *
 * @example parsePersonName('Aliyev Elchin Vaqif oğlu').patronymic?.stem // "vahif"
 * @example parsePersonName({ surname: 'Иванова', given: 'Анна' }).surname?.masculine // "ivanov"
 */
export function parsePersonName(input: PersonNameInput | string, hints?: { lang?: string }): ParsedName {
  if (typeof input !== 'string') return parseStructured(input, hints?.lang);
  const repairs = new Set<NameRepair>();
  const text = repairNameText(input, repairs).text;
  return withLayoutRepair(parseFree(text, hints?.lang), (swap) => parseFree(swap(text), hints?.lang), repairs);
}
