import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BIOMETRIC_REFERENCES, type BiometricReference } from '../../domain.ts';
import { getAt } from '../../forms/draft.ts';
import { inputId, useForm } from '../../forms/fields.tsx';

const PATH = '/form/biometrics';

/** Which biometric material the sender holds and can send for comparison: at least one. */
export function BiometricsField() {
  const { t } = useTranslation();
  const { draft, set, errors } = useForm();
  const errorId = useId();
  const chosen = (getAt(draft, PATH) as BiometricReference[] | undefined) ?? [];
  const messages = [...errors].filter(([p]) => p === PATH || p.startsWith(`${PATH}/`)).flatMap(([, m]) => m);
  const toggle = (reference: BiometricReference, on: boolean) =>
    // Kept in the schema's order, whatever the order of the clicks.
    set(
      PATH,
      BIOMETRIC_REFERENCES.filter((r) => (r === reference ? on : chosen.includes(r))),
    );
  return (
    <fieldset
      className={`form-choice form-grid__wide${messages.length > 0 ? ' form-field--invalid' : ''}`}
      aria-describedby={messages.length > 0 ? errorId : undefined}
    >
      <legend>{t('requests.fields.biometrics')}</legend>
      {BIOMETRIC_REFERENCES.map((reference, i) => (
        <label key={reference} className="form-check">
          <input
            type="checkbox"
            id={i === 0 ? inputId(PATH) : undefined}
            checked={chosen.includes(reference)}
            onChange={(e) => toggle(reference, e.target.checked)}
          />
          {t(`requests.biometrics.${reference}`)}
        </label>
      ))}
      {messages.length > 0 && (
        <span id={errorId} className="form-field__error">
          {messages.join(' ')}
        </span>
      )}
    </fieldset>
  );
}
