import { useTranslation } from 'react-i18next';
import { LANGUAGES, languageOf } from '../../i18n/index.ts';

/** Russian / English toggle; the choice is remembered by the i18n setup. */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { t, i18n } = useTranslation();
  const current = languageOf(i18n);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toggle of two buttons, not a form's fieldset
    <div className={`lang-switch lang-switch--${tone}`} role="group" aria-label={t('languages.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="lang-switch__option"
          aria-pressed={current === lang}
          title={t(`languages.names.${lang}`)}
          onClick={() => void i18n.changeLanguage(lang)}
        >
          {t(`languages.short.${lang}`)}
        </button>
      ))}
    </div>
  );
}
