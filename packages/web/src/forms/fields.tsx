import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { languageOf } from '../i18n/index.ts';
import { dateText, getAt, typedDate, type Draft } from './draft.ts';

/** The draft being edited, how to change it, and the server's messages by field path. */
export interface FormState {
  draft: Draft;
  set: (path: string, value: unknown) => void;
  errors: ReadonlyMap<string, readonly string[]>;
  /** Changes whenever the draft is replaced whole (a reload), so inputs with their own text start again. */
  generation: number;
}

export const FormContext = createContext<FormState | null>(null);

export function useForm(): FormState {
  const form = useContext(FormContext);
  if (!form) throw new Error('a form field outside <FormContext.Provider>');
  return form;
}

/** The messages of a refused request by the field path they name, for the form's inputs. */
export function errorsByPath(error: unknown): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  if (error instanceof ApiError) for (const issue of error.errors) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue.message]);
  return byPath;
}

/** The DOM id of the input for a path: error summaries link to it. */
export const inputId = (path: string) => `field${path.replaceAll('/', '-')}`;

/** What an input needs from its field: the ids describing it, and whether the bank refused it. */
interface InputAria {
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

function FieldShell({ path, label, hint, children }: { path: string; label: string; hint?: string; children: (aria: InputAria) => ReactNode }) {
  const { errors } = useForm();
  const messages = errors.get(path) ?? [];
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : '', messages.length > 0 ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field${messages.length > 0 ? ' form-field--invalid' : ''}`}>
      <label htmlFor={inputId(path)}>{label}</label>
      {children({ ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(messages.length > 0 ? { 'aria-invalid': true as const } : {}) })}
      {hint && (
        <span id={hintId} className="form-field__hint">
          {hint}
        </span>
      )}
      {messages.length > 0 && (
        <span id={errorId} className="form-field__error">
          {messages.join(' ')}
        </span>
      )}
    </div>
  );
}

interface TextFieldProps {
  path: string;
  label: string;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
  mono?: boolean;
  /** Whole numbers are sent as numbers; what is not one is sent as typed, for the server to refuse at the field. */
  numeric?: boolean;
  /** A list typed with commas (citizenships: `KZ, RU`), sent as a list. */
  list?: 'upper';
}

export function TextField({ path, label, hint, required, maxLength = 200, multiline, mono, numeric, list }: TextFieldProps) {
  const { draft, set, generation } = useForm();
  const raw = getAt(draft, path);
  // A list is typed as text with its separators ("KZ, "), which the list it becomes cannot hold:
  // the text stays the field's own until a whole new draft replaces it.
  const [listText, setListText] = useState(() => (Array.isArray(raw) ? raw.join(', ') : ''));
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a whole new draft (a reload) replaces what is typed
  useEffect(() => {
    if (list) setListText(Array.isArray(raw) ? raw.join(', ') : '');
  }, [generation]);
  const value = list ? listText : raw === undefined || raw === null ? '' : String(raw);
  const change = (text: string) => {
    if (numeric) set(path, /^\s*\d+\s*$/.test(text) ? Number(text) : text);
    else if (list) {
      setListText(text);
      set(
        path,
        text
          .split(/[,;\s]+/)
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean),
      );
    } else set(path, text);
  };
  return (
    <FieldShell path={path} label={label} hint={hint}>
      {(aria) =>
        multiline ? (
          <textarea
            id={inputId(path)}
            value={value}
            maxLength={maxLength}
            required={required}
            rows={3}
            {...aria}
            onChange={(e) => change(e.target.value)}
          />
        ) : (
          <input
            id={inputId(path)}
            type="text"
            inputMode={numeric ? 'numeric' : undefined}
            autoComplete="off"
            spellCheck={false}
            className={mono ? 'mono' : undefined}
            value={value}
            maxLength={maxLength}
            required={required}
            {...aria}
            onChange={(e) => change(e.target.value)}
          />
        )
      }
    </FieldShell>
  );
}

/** A stored date as the user's language writes it in a form: 15.07.1984 or 15/07/1984. */
/**
 * A date typed as people type it (`15.07.1984`, `1984-07-15`; with `partial`, also `07.1984`
 * and `1984`), kept in the draft in the API's form as it is typed.
 */
export function DateField({ path, label, required, partial = false }: { path: string; label: string; required?: boolean; partial?: boolean }) {
  const { t, i18n } = useTranslation();
  const { draft, set, generation } = useForm();
  const lang = languageOf(i18n);
  const [text, setText] = useState(() => dateText(getAt(draft, path), lang));
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a whole new draft (a reload) replaces what is typed
  useEffect(() => setText(dateText(getAt(draft, path), lang)), [generation]);
  return (
    <FieldShell path={path} label={label} hint={t(partial ? 'form.partialDateHint' : 'form.dateHint')}>
      {(aria) => (
        <input
          id={inputId(path)}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          maxLength={10}
          required={required}
          {...aria}
          onChange={(e) => {
            setText(e.target.value);
            set(path, typedDate(e.target.value, partial));
          }}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  path,
  label,
  options,
  required,
}: {
  path: string;
  label: string;
  options: readonly { value: string; label: string }[];
  required?: boolean;
}) {
  const { t } = useTranslation();
  const { draft, set } = useForm();
  const value = getAt(draft, path);
  return (
    <FieldShell path={path} label={label}>
      {(aria) => (
        <select
          id={inputId(path)}
          value={typeof value === 'string' ? value : ''}
          required={required}
          {...aria}
          onChange={(e) => set(path, e.target.value || undefined)}
        >
          <option value="">{t('form.choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function CheckboxField({ path, label }: { path: string; label: string }) {
  const { draft, set } = useForm();
  return (
    <label className="form-check">
      <input type="checkbox" id={inputId(path)} checked={getAt(draft, path) === true} onChange={(e) => set(path, e.target.checked || undefined)} />
      {label}
    </label>
  );
}

interface RowListProps {
  /** Where the list sits in the record, e.g. `/person/documents`. */
  path: string;
  /** The class of each row's grid. */
  rowClass: string;
  /** The inputs of row `i`, bound below `${path}/${i}`. */
  row: (i: number) => ReactNode;
  /** What a new row starts as. */
  newRow: object;
  addLabel: string;
  removeLabel: (n: number) => string;
  /** Shown even when the list is empty, so that the first item can be typed at once. */
  alwaysOneRow?: boolean;
  /** More buttons beside "add". */
  actions?: ReactNode;
}

/** A list inside the record (names, documents, links) edited row by row: each row removable, one more added. */
export function RowList({ path, rowClass, row, newRow, addLabel, removeLabel, alwaysOneRow = false, actions }: RowListProps) {
  const { t } = useTranslation();
  const { draft, set } = useForm();
  const items = (getAt(draft, path) as unknown[] | undefined) ?? [];
  const rows = alwaysOneRow && items.length === 0 ? [newRow] : items;
  return (
    <>
      {rows.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: each row's inputs read the draft at its position; none keeps state of its own
        <div key={i} className={rowClass}>
          {row(i)}
          {items.length > 0 ? (
            <button
              type="button"
              className="button button--link"
              onClick={() =>
                set(
                  path,
                  items.filter((__, j) => j !== i),
                )
              }
              aria-label={removeLabel(i + 1)}
            >
              {t('form.remove')}
            </button>
          ) : (
            <span />
          )}
        </div>
      ))}
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={() => set(path, [...rows, newRow])}>
          {addLabel}
        </button>
        {actions}
      </div>
    </>
  );
}
