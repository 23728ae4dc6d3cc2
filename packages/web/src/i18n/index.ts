import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../domain.ts';
import { en } from './en.ts';
import { ru, type Messages } from './ru.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LANGUAGES: readonly Language[] = ['ru', 'en'];
/** Russian is the working language of the bank: the default until the user picks another. */
export const DEFAULT_LANGUAGE: Language = 'ru';
/** Where the chosen interface language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'svod.language';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** The language remembered in `storage`, or Russian. */
export function rememberedLanguage(storage: Pick<Storage, 'getItem'> | undefined): Language {
  try {
    const stored = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage disabled by policy: fall back silently
  }
}

/** The language an i18next instance currently shows. */
export const languageOf = (i18n: Pick<I18n, 'resolvedLanguage' | 'language'>): Language => {
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
};

/**
 * Creates the console's i18next instance with both languages bundled (no network loading),
 * starting in the remembered language and remembering every later switch.
 */
export async function createI18n(storage?: Pick<Storage, 'getItem' | 'setItem'>): Promise<I18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({
    resources: { ru: { translation: ru }, en: { translation: en } },
    lng: rememberedLanguage(storage),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  instance.on('languageChanged', (lng) => {
    if (!isLanguage(lng)) return;
    try {
      storage?.setItem(LANGUAGE_STORAGE_KEY, lng);
    } catch {
      // storage full or disabled: the choice lasts for this page only
    }
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  if (typeof document !== 'undefined') document.documentElement.lang = languageOf(instance);
  return instance;
}
