import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '../i18n/index.ts';
import type { Language, PlaceView } from '../domain.ts';
import { formatPartialDate, formatTimestamp, localeOf } from './dates.ts';
import { countryName, formatPlace } from './place.ts';

export interface Formatters {
  lang: Language;
  date: (value: string) => string;
  timestamp: (value: string) => string;
  place: (place: PlaceView) => string;
  country: (code: string) => string;
  number: (value: number) => string;
  /** A match probability as a percentage to a tenth, never rounded up to a certain 100 %. */
  percent: (probability: number) => string;
}

/** Formatting bound to the interface language; changes with it. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const lang = languageOf(i18n);
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 });
    return {
      lang,
      date: (value) => formatPartialDate(value, lang),
      timestamp: (value) => formatTimestamp(value, lang),
      place: (place) => formatPlace(place, lang),
      country: (code) => countryName(code, lang),
      number: (value) => numbers.format(value),
      percent: (probability) => numbers.format(Math.floor(probability * 1000) / 10),
    };
  }, [lang]);
}
