import type { Place } from '../../schemas/common.ts';
import { consonantKey } from '../names/index.ts';
import { STEM_LENGTH, skeletonWords, stemOf, stems } from './text.ts';

/**
 * A place as numbers that compare without reading text: the country and up to two name keys of
 * the locality and of the region (consonant keys of the distinctive words, see `placeCodes`),
 * 0 where there is none.
 */
export interface PlaceCodes {
  country: number;
  locality1: number;
  locality2: number;
  region1: number;
  region2: number;
}

/** Words that say what kind of place it is, not which: `область`, `viloyati`, `г.`, `raionul`, `şəhəri`, `մարզ`. */
const PLACE_STOP_STEMS = stems([
  'область облысы обл край республика республикасы район г город пгт село посёлок станица округ автономный',
  'viloyati viloyat shahri tumani şəhəri rayonu respublikasi raionul municipiul orașul satul comuna marz մարզ քաղաք',
]);

/** A consonant key (letters a–z, at most four) as a number. */
const keyNumber = (key: string): number => {
  let n = 0;
  for (let i = 0; i < key.length; i++) n = n * 27 + (key.charCodeAt(i) - 96);
  return n;
};
const countryNumber = (code: string): number => (code.charCodeAt(0) - 64) * 27 + (code.charCodeAt(1) - 64);

/**
 * Up to two name keys of a place name's distinctive words, four consonants long: `Қарағанды`
 * and `Карагандинская`, `Toshkent` and `Ташкентская` agree; vowels differ between the Russian
 * and the national spelling far more than consonants do.
 */
function placeNameKeys(text: string | undefined): [number, number] {
  const keys: number[] = [];
  for (const word of text ? skeletonWords(text) : []) {
    if (word.length < 2) continue;
    const stem = stemOf(word, 40);
    if (PLACE_STOP_STEMS.has(stem.slice(0, STEM_LENGTH))) continue;
    const key = consonantKey(stem).slice(0, 4);
    if (key.length >= 2 && !keys.includes(keyNumber(key))) keys.push(keyNumber(key));
    if (keys.length === 2) break;
  }
  return [keys[0] ?? 0, keys[1] ?? 0];
}

/** The codes of a place; a place of no country (none given) has country 0. */
export function placeCodes(place: Place | undefined): PlaceCodes {
  if (!place) return { country: 0, locality1: 0, locality2: 0, region1: 0, region2: 0 };
  const [locality1, locality2] = placeNameKeys(place.locality);
  const [region1, region2] = placeNameKeys(place.region);
  return { country: countryNumber(place.country), locality1, locality2, region1, region2 };
}

export const placeLabel = (place: Place): string => [place.locality, place.region, place.country].filter(Boolean).join(', ');

/**
 * Member states that share a land border: people cross them on foot, by bus, for seasonal work.
 * Georgia and Ukraine are not members but border several, and their records may still arrive.
 */
export const NEIGHBOURS = new Set(
  [
    'RU-BY',
    'RU-KZ',
    'RU-AZ',
    'RU-UA',
    'RU-GE',
    'BY-UA',
    'KZ-KG',
    'KZ-UZ',
    'KZ-TM',
    'KG-UZ',
    'KG-TJ',
    'TJ-UZ',
    'UZ-TM',
    'AZ-AM',
    'AZ-GE',
    'AM-GE',
    'MD-UA',
  ].flatMap((pair) => {
    const a = countryNumber(pair.slice(0, 2));
    const b = countryNumber(pair.slice(3));
    return [a * 1000 + b, b * 1000 + a];
  }),
);
