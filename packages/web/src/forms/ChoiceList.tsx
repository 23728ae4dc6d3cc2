import { useId } from 'react';
import { getAt, type Draft } from './draft.ts';
import { inputId, useForm } from './fields.tsx';

export interface Choice {
  value: string;
  label: string;
}

/** The list of strings at `path` in a draft (none yet: empty). */
export const listAt = (draft: Draft, path: string): string[] => (getAt(draft, path) as string[] | undefined) ?? [];

/**
 * Checkboxes for a list field of the form, with the bank's messages about the list or any item of
 * it. `locked` is always chosen and cannot be unticked (a group's lead agency); the list is kept
 * in the options' order, whatever the order of the clicks.
 */
export function ChoiceList({
  path,
  legend,
  options,
  hint,
  locked,
}: {
  path: string;
  legend: string;
  options: readonly Choice[];
  hint?: string;
  locked?: string;
}) {
  const { draft, set, errors } = useForm();
  const errorId = useId();
  const hintId = useId();
  const chosen = listAt(draft, path);
  const messages = [...errors].filter(([p]) => p === path || p.startsWith(`${path}/`)).flatMap(([, m]) => m);
  const toggle = (value: string, on: boolean) =>
    set(
      path,
      options.map((o) => o.value).filter((v) => (v === value ? on : chosen.includes(v))),
    );
  const describedBy = [hint ? hintId : '', messages.length > 0 ? errorId : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      id={inputId(path)}
      className={`form-choice form-grid__wide${messages.length > 0 ? ' form-field--invalid' : ''}`}
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <span id={hintId} className="form-field__hint">
          {hint}
        </span>
      )}
      <div className="form-choice__list">
        {options.map((o) => (
          <label key={o.value} className="form-check">
            <input
              type="checkbox"
              checked={o.value === locked || chosen.includes(o.value)}
              disabled={o.value === locked}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {messages.length > 0 && (
        <span id={errorId} className="form-field__error">
          {messages.join(' ')}
        </span>
      )}
    </fieldset>
  );
}
