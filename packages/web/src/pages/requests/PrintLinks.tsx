import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/index.ts';
import { useRequestsApi } from './requests-api.ts';

/** The official document of the request as a PDF, in Russian or in English, whatever the interface language. */
export function PrintLinks({ id }: { id: string }) {
  const { t } = useTranslation();
  const requests = useRequestsApi();
  return (
    // biome-ignore lint/a11y/useSemanticElements: two links under one name, not a form's fieldset
    <div className="flags" role="group" aria-label={t('requests.page.print')}>
      <span className="muted">{t('requests.page.print')}:</span>
      {LANGUAGES.map((lang) => (
        <a key={lang} className="button button--secondary" href={requests.pdfUrl(id, lang)} download lang={lang} title={t(`languages.names.${lang}`)}>
          {t(`languages.short.${lang}`)}
        </a>
      ))}
    </div>
  );
}
