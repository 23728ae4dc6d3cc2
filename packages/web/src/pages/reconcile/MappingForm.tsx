import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ARRAY_FIELDS, validateMapping, type MappingIssue } from '@svod/core';
import type { ReconciliationMapping } from '../../api/client.ts';
import type { ReconciliationView } from '../../domain.ts';
import { useApi } from '../../api/context.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import type { ArrayField } from '../../domain.ts';

interface MappingFormProps {
  view: ReconciliationView;
  headers: readonly string[];
  /** Whether `headers` are all the file's: after a reload only the mapped ones are known. */
  allHeaders: boolean;
  onStarted: (view: ReconciliationView) => void;
}

/**
 * The file's columns, each with the record field the bank offers for it, to be checked before
 * the run. What the bank would refuse (a needed field without a column, one field for two
 * columns) is said here, with the same rules, before anything runs.
 */
export function MappingForm({ view, headers, allHeaders, onStarted }: MappingFormProps) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const fields = ARRAY_FIELDS[view.category];
  const [mapping, setMapping] = useState<ReconciliationMapping>(() => Object.fromEntries(headers.map((h) => [h, view.mapping?.[h] ?? null])));
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const issues = useMemo(
    () => validateMapping(Object.fromEntries(Object.entries(mapping).map(([header, field]) => [header, field ?? undefined])), view.category),
    [mapping, view.category],
  );

  const label = (field: ArrayField) => t(`reconcile.fields.${field}`);
  const issueText = (issue: MappingIssue) =>
    issue.code === 'required_column'
      ? t('reconcile.mapping.required', { fields: (issue.anyOf ?? [issue.field]).map(label).join(t('reconcile.mapping.or')) })
      : t('reconcile.mapping.duplicate', { field: label(issue.field), columns: (issue.columns ?? []).join(', ') });

  const run = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStarting(true);
    setError(null);
    try {
      onStarted(await api.runReconciliation(view.id, mapping));
    } catch (failure) {
      setError(failure);
      setStarting(false);
    }
  };

  return (
    <section className="card reconcile-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section__title">
        {t('reconcile.mapping.title')}
      </h2>
      <p className="muted">{t('reconcile.mapping.intro')}</p>
      {!allHeaders && <p className="muted">{t('reconcile.mapping.partial')}</p>}
      <form onSubmit={run}>
        <div className="table-scroll">
          <table className="table table--compact reconcile-mapping" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">{t('reconcile.mapping.column')}</th>
                <th scope="col">{t('reconcile.mapping.field')}</th>
              </tr>
            </thead>
            <tbody>
              {headers.map((header, i) => (
                <tr key={header}>
                  <th scope="row">
                    <label htmlFor={`${id}-${i}`}>{header}</label>
                  </th>
                  <td>
                    <select
                      id={`${id}-${i}`}
                      value={mapping[header] ?? ''}
                      onChange={(e) => setMapping({ ...mapping, [header]: fields.find((f) => f === e.target.value) ?? null })}
                    >
                      <option value="">{t('reconcile.mapping.unused')}</option>
                      {fields.map((field) => (
                        <option key={field} value={field}>
                          {label(field)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {issues.length > 0 && (
          <div id={`${id}-issues`} className="alert alert--warning">
            <ul className="alert__issues">
              {issues.map((issue) => (
                <li key={`${issue.code}:${issue.field}`}>{issueText(issue)}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={starting || issues.length > 0}
            aria-describedby={issues.length > 0 ? `${id}-issues` : undefined}
          >
            {starting ? t('reconcile.mapping.starting') : t('reconcile.mapping.run')}
          </button>
        </div>
      </form>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
