import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.ts';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage.tsx';

/** What the bank takes (it checks each file's first bytes too): stated before anything is sent. */
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Adding a photo or a document to a record: the limits stated up front, the chosen file previewed
 * (a photo as it will be shown, a document by name), refused here when it cannot pass.
 */
export function AttachmentUpload({ recordId, onUploaded }: { recordId: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!file?.type.startsWith('image/')) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const choose = (chosen: File | null) => {
    setError(null);
    setFile(null);
    if (!chosen) return setProblem(null);
    if (!ACCEPTED.includes(chosen.type)) return setProblem(t('upload.wrongType'));
    if (chosen.size > MAX_BYTES) return setProblem(t('upload.tooLarge'));
    setProblem(null);
    setFile(chosen);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      await api.uploadAttachment(recordId, file);
      setFile(null);
      (event.target as HTMLFormElement).reset();
      onUploaded();
    } catch (failure) {
      setError(failure);
    } finally {
      setUploading(false);
    }
  };

  return (
    <form className="upload" onSubmit={submit}>
      <div className={`form-field${problem ? ' form-field--invalid' : ''}`}>
        <label htmlFor={`${id}-file`}>{t('upload.label')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={ACCEPTED.join(',')}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
        <span id={`${id}-hint`} className="form-field__hint">
          {t('upload.limits')}
        </span>
        {problem && (
          <span id={`${id}-problem`} className="form-field__error">
            {problem}
          </span>
        )}
      </div>
      {preview && <img className="upload__preview" src={preview} alt={t('upload.preview')} />}
      {file && !preview && <p className="muted">{file.name}</p>}
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" className="button button--secondary" disabled={!file || uploading}>
        {uploading ? t('upload.uploading') : t('upload.submit')}
      </button>
    </form>
  );
}
