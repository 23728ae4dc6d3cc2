import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/context.ts';
import type { RecordView } from '../../domain.ts';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage.tsx';

interface CancelDialogProps {
  record: RecordView;
  open: boolean;
  onClose: () => void;
  onCancelled: (record: RecordView) => void;
  /** Read the record again after a version conflict. */
  onReload: () => void;
}

const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

/** Asks for the reason and cancels the record at the version the user is looking at. */
export function CancelDialog({ record, open, onClose, onCancelled, onReload }: CancelDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const titleId = useId();
  const reasonId = useId();
  const hintId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setReason('');
      setError(null);
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) return;
    setSubmitting(true);
    setError(null);
    try {
      onCancelled(await api.cancelRecord(record.id, record.version, text));
    } catch (failure) {
      setError(failure);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!submitting) onClose();
      }}
    >
      <form className="dialog__body" onSubmit={submit}>
        <h2 id={titleId} className="dialog__title">
          {t('cancel.title')}
        </h2>
        <p className="dialog__text">{t('cancel.explanation')}</p>
        {error !== null &&
          (isConflict(error) ? (
            <div className="alert alert--warning" role="alert">
              <p className="alert__title">{t('cancel.conflict')}</p>
              <button type="button" className="button button--secondary" onClick={onReload}>
                {t('cancel.reload')}
              </button>
            </div>
          ) : (
            <ErrorMessage error={error} />
          ))}
        <div className="form-field">
          <label htmlFor={reasonId}>{t('cancel.reason')}</label>
          <input
            id={reasonId}
            type="text"
            required
            maxLength={500}
            aria-describedby={hintId}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
          <p id={hintId} className="form-field__hint">
            {t('cancel.reasonHint')}
          </p>
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={submitting}>
            {t('cancel.dismiss')}
          </button>
          <button type="submit" className="button button--danger" disabled={submitting || reason.trim() === ''}>
            {submitting ? t('cancel.submitting') : t('cancel.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
