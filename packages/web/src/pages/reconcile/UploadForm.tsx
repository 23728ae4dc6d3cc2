import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbort, type UploadedReconciliation } from '../../api/client.ts';
import { useApi } from '../../api/context.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { CATEGORY_VALUES, isCategory, type Category } from '../../domain.ts';

/** The names the server reads as CSV, JSON Lines, XML or XLSX; it checks the bytes as well. */
const ACCEPTED = '.csv,.tsv,.txt,.jsonl,.ndjson,.json,.xml,.xlsx';

/** Choosing the category and the file of a national array, and sending it with a progress bar. */
export function UploadForm({ onUploaded }: { onUploaded: (answer: UploadedReconciliation) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [category, setCategory] = useState<Category | ''>('');
  const [file, setFile] = useState<File | null>(null);
  /** The share sent, 0..1, while the file is on its way. */
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const upload = useRef<AbortController | null>(null);

  // Leaving the page stops an upload nobody will look at.
  useEffect(() => () => upload.current?.abort(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!category || !file) return;
    const controller = new AbortController();
    upload.current = controller;
    setSent(0);
    setError(null);
    try {
      onUploaded(await api.uploadArray(category, file, setSent, controller.signal));
    } catch (failure) {
      if (!isAbort(failure)) setError(failure);
    } finally {
      if (!controller.signal.aborted) setSent(null);
    }
  };

  return (
    <section className="card reconcile-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section__title">
        {t('reconcile.upload.title')}
      </h2>
      <form className="reconcile-upload" onSubmit={submit}>
        <div className="form-field">
          <label htmlFor={`${id}-category`}>{t('reconcile.upload.category')}</label>
          <select id={`${id}-category`} required value={category} onChange={(e) => setCategory(isCategory(e.target.value) ? e.target.value : '')}>
            <option value="">{t('form.choose')}</option>
            {CATEGORY_VALUES.map((value) => (
              <option key={value} value={value}>
                {t(`categories.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-file`}>{t('reconcile.upload.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            required
            accept={ACCEPTED}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <span id={`${id}-hint`} className="form-field__hint">
            {t('reconcile.upload.fileHint')}
          </span>
        </div>
        <div className="reconcile-upload__actions">
          <button type="submit" className="button button--primary" disabled={sent !== null}>
            {sent !== null ? t('reconcile.upload.uploading') : t('reconcile.upload.submit')}
          </button>
          {sent !== null && <progress className="reconcile-progress" max={1} value={sent} aria-label={t('reconcile.upload.progress')} />}
          {/* Present from the start, so that screen readers hear each change of the share sent. */}
          <p role="status" className="muted">
            {sent !== null ? t('reconcile.upload.sent', { percent: Math.round(sent * 100) }) : ''}
          </p>
        </div>
      </form>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
