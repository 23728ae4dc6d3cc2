/**
 * Free text in any member's script folded to one Latin skeleton, then lightly stemmed, so that
 * descriptions written in Cyrillic, Latin or Armenian letters compare as numbers.
 */
import { phoneticSkeleton } from '../names/index.ts';
import { sharedSorted } from '../comparisons.ts';

export type Script = 'Cyrl' | 'Latn' | 'Armn';

/**
 * Inflection endings as they read in the skeleton (`й ы → i`, `я → ia`): Russian cases and
 * adjective endings (`левом/левое/левая → lev`, `предплечье/предплечья → predplec`), Romanian
 * articles (`stâng/stângă`), Turkic possessives (`viloyati`). Only the longest one is cut, and a
 * stem keeps at least three letters, so short words stay apart.
 */
const ENDINGS = [
  'iami',
  'aia',
  'oho',
  'eho',
  'omu',
  'emu',
  'ami',
  'iah',
  'ah',
  'ih',
  'im',
  'om',
  'em',
  'oi',
  'ei',
  'ii',
  'ie',
  'oe',
  'ee',
  'ia',
  'iu',
  'a',
  'e',
  'i',
  'o',
  'u',
];
/** Descriptions are compared on stems of this length: enough to keep `predpl` from `predme`, short enough for compounds. */
export const STEM_LENGTH = 6;
const MIN_STEM = 3;

export function stemOf(word: string, length = STEM_LENGTH): string {
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) {
      word = word.slice(0, -ending.length);
      break;
    }
  }
  return word.slice(0, length);
}

/** The skeleton words of a text in any member's script: `якорь на левом` and `yakor levom` give the same. */
export const skeletonWords = (text: string): string[] => phoneticSkeleton(text.slice(0, 1000)).split(' ');

export const stems = (words: readonly string[]): Set<string> => new Set(words.flatMap(skeletonWords).map((w) => stemOf(w)));

/**
 * Words that say nothing about which person it is: prepositions and conjunctions of the
 * members' languages, "colour" (`цвета`, `de culoare`), and the words naming a mark's kind
 * (`татуировка`, `döymə`, `шрам`), since the kind is compared on its own.
 */
const STOP_STEMS = stems([
  'на в во и с со по из у под над около',
  'va bilan ve və ilə de pe la și cu din în sau',
  'цвета цвет culoare rangli rəngli',
  'татуировка татуировки наколка тату tatuirovka tatuaj tatuaje döymə döymələr դաջվածք դաջվածքներ',
  'шрам рубец chandiq çapıq cicatrice սպի',
]);

/** The distinct stems of a free text, stop words aside. */
export function foldedWords(text: string | undefined): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const word of skeletonWords(text)) {
    if (word.length < 2 || /^\d+$/.test(word)) continue;
    const stem = stemOf(word);
    if (!STOP_STEMS.has(stem)) out.add(stem);
  }
  return [...out];
}

/** Stems as sorted numbers: ranking compares thousands of descriptions, and numbers compare without reading text. */
export const stemKeys = (stems: readonly string[]): number[] => [...new Set(stems.map(textKey))].sort((a, b) => a - b);

/** The script most of a text's letters are in. */
export function scriptOf(text: string | undefined): Script | undefined {
  if (!text) return undefined;
  let cyrillic = 0;
  let armenian = 0;
  let latin = 0;
  for (let i = 0; i < text.length && i < 200; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c < 0x530) cyrillic++;
    else if (c >= 0x531 && c < 0x590) armenian++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c < 0x250)) latin++;
  }
  if (cyrillic + armenian + latin === 0) return undefined;
  return cyrillic >= latin && cyrillic >= armenian ? 'Cyrl' : armenian > latin ? 'Armn' : 'Latn';
}

/** Whether two texts are written in different scripts, and so most likely in different languages. */
export const otherScripts = (a: Script | undefined, b: Script | undefined): boolean => a !== undefined && b !== undefined && a !== b;

/** A number for a short text (FNV-1a), 0 for none: colour words compare without reading the text. */
export function textKey(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0 || 1;
}

/** How many words two sorted lists of stem keys share. */
export const sharedCount = (a: readonly number[], b: readonly number[]): number => sharedSorted(a, b);

/** Share of words two sorted lists of stem keys have in common (Dice): 1 when the same, 0 when none. */
export const dice = (a: readonly number[], b: readonly number[]): number =>
  a.length + b.length === 0 ? 0 : (2 * sharedCount(a, b)) / (a.length + b.length);
