import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/context.ts';
import type { RecordView } from '../../domain.ts';
import { ErrorMessage } from '../ErrorMessage/ErrorMessage.tsx';

/** The status changes an owner makes from the record's page: cancellation is final, the others are not. */
export type Transition = 'cancel' | 'located' | 'expired' | 'reactivate';

interface StatusDialogProps {
  record: RecordView;
  /** The change being asked for; null while the dialog is closed. */
  transition: Transition | null;
  onClose: () => void;
  onChanged: (record: RecordView) => void;
  /** Read the record again after a version conflict. */
  onReload: () => void;
}

const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;

/**
 * Asks for the reason (or where and when the subject was located) and changes the record's
 * status at the version the user is looking at.
 */
export function StatusDialog({ record, transition, onClose, onChanged, onReload }: StatusDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const titleId = useId();
  const reasonId = useId();
  const hintId = useId();
  const open = transition !== null;
  // The texts of the last change asked for, kept while the dialog closes.
  const [shown, setShown] = useState<Transition>('cancel');
  if (transition !== null && transition !== shown) setShown(transition);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // Cleared as it closes, not as it opens: a reset after showModal() could wipe what the user
    // has already begun to type.
    if (open && !element.open) {
      element.showModal();
    } else if (!open && element.open) {
      element.close();
      setReason('');
      setError(null);
    }
  }, [open]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) return;
    setSubmitting(true);
    setError(null);
    try {
      onChanged(
        shown === 'cancel'
          ? await api.cancelRecord(record.id, record.version, text)
          : await api.changeStatus(record.id, record.version, shown === 'reactivate' ? 'active' : shown, text),
      );
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
          {t(`${shown}.title`)}
        </h2>
        <p className="dialog__text">{t(`${shown}.explanation`)}</p>
        {error !== null &&
          (isConflict(error) ? (
            <div className="alert alert--warning" role="alert">
              <p className="alert__title">{t(`${shown}.conflict`)}</p>
              <button type="button" className="button button--secondary" onClick={onReload}>
                {t(`${shown}.reload`)}
              </button>
            </div>
          ) : (
            <ErrorMessage error={error} />
          ))}
        <div className="form-field">
          <label htmlFor={reasonId}>{t(`${shown}.reason`)}</label>
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
            {t(`${shown}.reasonHint`)}
          </p>
        </div>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={submitting}>
            {t(`${shown}.dismiss`)}
          </button>
          <button
            type="submit"
            className={`button ${shown === 'cancel' ? 'button--danger' : 'button--primary'}`}
            disabled={submitting || reason.trim() === ''}
          >
            {submitting ? t(`${shown}.submitting`) : t(`${shown}.confirm`)}
          </button>
        </div>
      </form>
    </dialog>
  );
}
