import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { ACCEPTED_EXTENSIONS, ACCEPTED_TYPES, acceptedType, MAX_FILE_BYTES } from './file-types.ts';
import { useRequestsApi } from './requests-api.ts';

/**
 * Adding a document to a request or its answer: the limits stated up front, a file that cannot
 * pass refused here before anything is sent, the bank's own refusal (413, 415) shown as it says.
 */
export function FileUpload({ requestId, onUploaded }: { requestId: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const requests = useRequestsApi();
  const id = useId();
  const [file, setFile] = useState<{ file: File; type: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const choose = (chosen: File | null) => {
    setError(null);
    setFile(null);
    setProblem(null);
    if (!chosen) return;
    const type = acceptedType(chosen);
    if (!type) return setProblem(t('requests.upload.wrongType'));
    if (chosen.size > MAX_FILE_BYTES) return setProblem(t('requests.upload.tooLarge'));
    setFile({ file: chosen, type });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    const form = event.currentTarget;
    setUploading(true);
    setError(null);
    try {
      await requests.upload(requestId, file.file, file.type);
      setFile(null);
      form.reset();
      onUploaded();
    } catch (failure) {
      setError(failure);
    } finally {
      setUploading(false);
    }
  };

  return (
    <form className="upload" onSubmit={(event) => void submit(event)}>
      <div className={`form-field${problem ? ' form-field--invalid' : ''}`}>
        <label htmlFor={`${id}-file`}>{t('requests.upload.label')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={[...ACCEPTED_TYPES, ...ACCEPTED_EXTENSIONS].join(',')}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
        <span id={`${id}-hint`} className="form-field__hint">
          {t('requests.upload.limits')}
        </span>
        {problem && (
          <span id={`${id}-problem`} className="form-field__error">
            {problem}
          </span>
        )}
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button button--secondary" disabled={!file || uploading}>
        {uploading ? t('requests.upload.uploading') : t('requests.upload.submit')}
      </button>
    </form>
  );
}
