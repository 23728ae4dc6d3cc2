import type { ReactNode } from 'react';
import { inputId, useForm } from '../../forms/fields.tsx';

/**
 * A card of the request form with its legend, and the bank's messages about the group as a
 * whole (`/form`: "give one of these identifiers") where no single input can show them.
 */
export function FormGroup({ title, paths = [], hint, children }: { title: string; paths?: readonly string[]; hint?: string; children: ReactNode }) {
  const { errors } = useForm();
  const messages = paths.flatMap((path) => errors.get(path) ?? []);
  return (
    <fieldset className="card form-section" id={paths[0] ? inputId(paths[0]) : undefined}>
      <legend className="section__title">{title}</legend>
      {hint && <p className="form-field__hint">{hint}</p>}
      {messages.length > 0 && <p className="form-field__error">{messages.join(' ')}</p>}
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}
