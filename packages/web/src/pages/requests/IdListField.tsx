import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getAt } from '../../forms/draft.ts';
import { inputId, useForm } from '../../forms/fields.tsx';

const idsOf = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);

/**
 * Identifiers of records or hits typed or pasted as a list (commas, spaces or one per line);
 * the bank's messages about any item of the list are shown under it.
 */
export function IdListField({ path, label }: { path: string; label: string }) {
  const { t } = useTranslation();
  const { draft, set, errors, generation } = useForm();
  const stored = getAt(draft, path);
  const [text, setText] = useState(() => (Array.isArray(stored) ? stored.join(', ') : ''));
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a whole new draft (a reload) replaces what is typed
  useEffect(() => setText(Array.isArray(stored) ? stored.join(', ') : ''), [generation]);
  const hintId = useId();
  const errorId = useId();
  const messages = [...errors].filter(([p]) => p === path || p.startsWith(`${path}/`)).flatMap(([, m]) => m);
  return (
    <div className={`form-field form-grid__wide${messages.length > 0 ? ' form-field--invalid' : ''}`}>
      <label htmlFor={inputId(path)}>{label}</label>
      <input
        id={inputId(path)}
        type="text"
        className="mono"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-describedby={messages.length > 0 ? `${hintId} ${errorId}` : hintId}
        aria-invalid={messages.length > 0 ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          set(path, idsOf(e.target.value));
        }}
      />
      <span id={hintId} className="form-field__hint">
        {t('requests.form.idsHint')}
      </span>
      {messages.length > 0 && (
        <span id={errorId} className="form-field__error">
          {messages.join(' ')}
        </span>
      )}
    </div>
  );
}
