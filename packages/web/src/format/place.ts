import type { Language, PlaceView } from '../domain.ts';
import { localeOf } from './dates.ts';

const regionNames = new Map<Language, Intl.DisplayNames | null>();

/** A state's name in the language, from its ISO 3166-1 code; the code itself if unknown. */
export function countryName(code: string, lang: Language): string {
  if (!regionNames.has(lang)) {
    try {
      regionNames.set(lang, new Intl.DisplayNames([localeOf(lang)], { type: 'region', fallback: 'code' }));
    } catch {
      regionNames.set(lang, null);
    }
  }
  try {
    return regionNames.get(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A place on one line, from the most precise part to the state.
 *
 * @example formatPlace({ country: 'KZ', locality: 'Алматы' }, 'ru') // 'Алматы, Казахстан'
 */
export function formatPlace(place: PlaceView, lang: Language): string {
  return [place.address, place.locality, place.region, countryName(place.country, lang)].filter((part): part is string => Boolean(part)).join(', ');
}
