import { useTranslation } from 'react-i18next';
import { getAt } from '../../forms/draft.ts';
import { TextField, useForm } from '../../forms/fields.tsx';

const PATH = '/form/documents';

/** The documents or copies asked for, one per line of the list; the first line is there from the start. */
export function DocumentsField() {
  const { t } = useTranslation();
  const { draft, set } = useForm();
  const items = (getAt(draft, PATH) as string[] | undefined) ?? [];
  const rows = items.length === 0 ? [''] : items;
  return (
    <div className="form-grid__wide">
      <p className="section__subtitle">{t('requests.fields.documents')}</p>
      {rows.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: each row's input reads the draft at its position; none keeps state of its own
        <div key={i} className="form-grid">
          <TextField path={`${PATH}/${i}`} label={t('requests.form.document', { n: i + 1 })} maxLength={300} />
          {items.length > 1 ? (
            <button
              type="button"
              className="button button--link"
              aria-label={t('requests.form.removeDocument', { n: i + 1 })}
              onClick={() =>
                set(
                  PATH,
                  items.filter((__, j) => j !== i),
                )
              }
            >
              {t('form.remove')}
            </button>
          ) : (
            <span />
          )}
        </div>
      ))}
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={() => set(PATH, [...rows, ''])}>
          {t('requests.form.addDocument')}
        </button>
      </div>
    </div>
  );
}
