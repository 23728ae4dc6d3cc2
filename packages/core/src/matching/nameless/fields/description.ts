import { dice, otherScripts, sharedCount } from '../text.ts';
import type { MarkWords } from '../types.ts';
import { bitsOf, type Comparer, type Outcome, unknown } from './comparer.ts';

/**
 * Distinguishing marks. Two marks of one kind (or one of them `other`) whose words mostly agree
 * once scripts are folded (Dice ≥ 0.5), not on opposite sides, are the same mark; a quarter of
 * the words shared is `similar`; the kind alone (a description in another language, or another
 * scar) is `kind`. Of true pairs with marks on both records, 45 % show the same mark, 15 % a
 * similar one, 30 % the kind only (decay and language hide the rest). u is the share of unrelated
 * pairs at the level, by kind (`MARK_U`): an army or prison tattoo design recurs in about one
 * pair in 70 (+4.9 bits), a described scar or birthmark in one in 20 (+3.2), an earlobe piercing
 * in one in 4 (+0.8); an amputation is rare even as a kind. A level never counts against; both
 * described with no kind in common does (m 0.3, u 0.6: −1 bit). Each further same mark adds a
 * bit, at most two.
 */
type MarkLevel = 'same' | 'similar' | 'kind';
const MARK_M: Record<MarkLevel, number> = { same: 0.45, similar: 0.15, kind: 0.3 };
const MARK_U: Record<string, Record<MarkLevel, number>> = {
  tattoo: { same: 0.015, similar: 0.04, kind: 0.25 },
  amputation: { same: 0.02, similar: 0.04, kind: 0.1 },
  scar: { same: 0.05, similar: 0.1, kind: 0.35 },
  birthmark: { same: 0.05, similar: 0.1, kind: 0.3 },
  piercing: { same: 0.25, similar: 0.4, kind: 0.5 },
  other: { same: 0.05, similar: 0.1, kind: 0.35 },
};
const MARKS_NONE_BITS = bitsOf(0.3, 0.6);
const markBits = (level: MarkLevel, kind: string) => Math.max(0, bitsOf(MARK_M[level], (MARK_U[kind] ?? MARK_U.other!)[level]));
function markLevel(a: MarkWords, b: MarkWords): MarkLevel | undefined {
  if (a.kind !== b.kind && a.kind !== 'other' && b.kind !== 'other') return undefined;
  const similarity = dice(a.words, b.words);
  const otherSide = a.side !== undefined && b.side !== undefined && a.side !== b.side;
  if (similarity >= 0.5 && !otherSide) return 'same';
  if (similarity >= 0.25) return 'similar';
  return 'kind';
}
export const compareMarks: Comparer = (m, f, out, explain) => {
  if (!m.marks || !f.marks) return unknown(out);
  let best: { level: MarkLevel; bits: number; a: MarkWords; b: MarkWords } | undefined;
  let sameMarks = 0;
  for (const a of m.marks) {
    let sameHere = false;
    for (const b of f.marks) {
      const level = markLevel(a, b);
      if (!level) continue;
      sameHere ||= level === 'same';
      const bits = markBits(level, a.kind === 'other' ? b.kind : a.kind);
      if (!best || bits > best.bits) best = { level, bits, a, b };
    }
    if (sameHere) sameMarks++;
  }
  out.level = best?.level ?? 'none';
  out.bits = best ? best.bits + Math.min(2, Math.max(0, sameMarks - 1)) : MARKS_NONE_BITS;
  out.detail = explain && best ? `${best.a.text} / ${best.b.text}` : undefined;
};

/**
 * Clothing: what the person wore when last seen against what the body or the living person wore.
 * Weaker than marks: people change, bodies are found undressed. No word shared counts against
 * (m 0.4, u 0.85: −1.1 bits) only when both are written in one script: in two, the records are
 * mostly in two languages and nothing could be shared (`other_script`, 0). Most words shared
 * (Dice ≥ 0.5) is strong only when there are several — three garments and colours alike happen
 * by chance about once in thirty pairs (m 0.35: +3.4 bits, held to +3 so that clothing never
 * outweighs a shared tattoo), a "black jacket" alone once in eight (+1.5). A few words shared
 * (Dice ≥ 0.3) says little (m 0.15, u 0.12).
 */
const CLOTHING_BITS = { most: 3, most_few: 1.5, some: bitsOf(0.15, 0.12), none: bitsOf(0.4, 0.85), other_script: 0 };
/** Shared words below which `most` is a common pair of garments rather than an outfit. */
const CLOTHING_OUTFIT_WORDS = 3;
export const compareClothing: Comparer = (m, f, out, explain) => {
  if (!m.clothing || !f.clothing) return unknown(out);
  const shared = sharedCount(m.clothing, f.clothing);
  const similarity = (2 * shared) / (m.clothing.length + f.clothing.length);
  const level = similarity >= 0.5 ? 'most' : similarity >= 0.3 ? 'some' : otherScripts(m.clothingScript, f.clothingScript) ? 'other_script' : 'none';
  out.level = level;
  out.bits = level === 'most' && shared < CLOTHING_OUTFIT_WORDS ? CLOTHING_BITS.most_few : CLOTHING_BITS[level];
  out.detail = explain ? `${shared} words shared, ${Math.round(similarity * 100)} %` : undefined;
};

/**
 * Hair and eye colour, as written. Different words are weak evidence against — hair greys and is
 * dyed, eyes cloud after death — and none when the two are written in two scripts, and so most
 * likely in two languages (`other_script`, 0). Hair: the same words m 0.42 (same language 0.7 ×
 * same colour written 0.6) against u 0.15 (0.6 × one colour in four), +1.5 bits; other words
 * m 0.58 against u 0.85, −0.55. Eyes: m 0.45 against u 0.2, +1.2; other m 0.55 against u 0.8, −0.54.
 */
const HAIR_BITS = { same: bitsOf(0.42, 0.15), other: bitsOf(0.58, 0.85), other_script: 0 };
const EYES_BITS = { same: bitsOf(0.45, 0.2), other: bitsOf(0.55, 0.8), other_script: 0 };
function compareColour(out: Outcome, a: number | undefined, b: number | undefined, scripts: boolean, bits: typeof HAIR_BITS): boolean {
  if (!a || !b) {
    unknown(out);
    return false;
  }
  const level = a === b ? 'same' : scripts ? 'other_script' : 'other';
  out.level = level;
  out.bits = bits[level];
  return true;
}
export const compareHair: Comparer = (m, f, out, explain) => {
  const known = compareColour(out, m.hairKey, f.hairKey, m.hairKey !== f.hairKey && otherScripts(m.hairScript, f.hairScript), HAIR_BITS);
  out.detail = known && explain ? `${m.hair} / ${f.hair}` : undefined;
};
export const compareEyes: Comparer = (m, f, out, explain) => {
  const known = compareColour(out, m.eyesKey, f.eyesKey, m.eyesKey !== f.eyesKey && otherScripts(m.eyesScript, f.eyesScript), EYES_BITS);
  out.detail = known && explain ? `${m.eyes} / ${f.eyes}` : undefined;
};
