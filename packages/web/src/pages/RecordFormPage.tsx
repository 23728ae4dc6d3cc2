import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recordDifferences } from '@svod/core';
import { ApiError, isAbort } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import { ErrorMessage } from '../components/ErrorMessage/ErrorMessage.tsx';
import { isCategory, type Category, type RecordDifference, type RecordView } from '../domain.ts';
import { useFieldPathLabel } from '../format/field-path.ts';
import { pruned, setAt, type Draft } from '../forms/draft.ts';
import { errorsByPath, FormContext, inputId, SelectField, type FormState } from '../forms/fields.tsx';
import { CategoryFields, GeneralFields, PERSON_CATEGORIES } from '../forms/record-sections.tsx';
import { navigate } from '../router/history.ts';
import { Link } from '../router/Link.tsx';
import { recordPath, recordsPath } from '../router/routes.ts';
import { useSession } from '../session.ts';

/** The parts of a record its owner edits; the rest (identity, status, dates, files, notes) the bank keeps. */
const EDITABLE = [
  'legalBasis',
  'actionOnHit',
  'reviewBy',
  'distribution',
  'links',
  'remarks',
  'person',
  'wanted',
  'missing',
  'unidentifiedCorpse',
  'unidentifiedPerson',
  'vehicle',
  'firearm',
] as const satisfies readonly (keyof RecordView)[];

/** The editable content of a record, as a PUT takes it back. */
function editableOf(record: RecordView): Draft {
  return Object.fromEntries(EDITABLE.filter((key) => record[key] !== undefined).map((key) => [key, record[key]]));
}

const ACTION_OF: Record<Category, string> = {
  wanted_person: 'arrest',
  missing_person: 'locate_and_inform',
  unidentified_corpse: 'identify',
  unidentified_person: 'identify',
  vehicle: 'seize',
  firearm: 'seize',
};

/** A new record's starting point: what nearly every record of the category says. */
function newDraft(category: Category): Draft {
  const named = category === 'wanted_person' || category === 'missing_person';
  return {
    category,
    actionOnHit: ACTION_OF[category],
    distribution: { kind: 'all' },
    ...(PERSON_CATEGORIES.includes(category) ? { person: named ? { names: [{ kind: 'primary', script: 'Cyrl' }] } : {} } : {}),
  };
}

const shown = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** What a new record keeps when its category changes: the envelope, not the sections. */
const envelopeOf = ({ nationalRef, legalBasis, reviewBy, distribution, remarks }: Draft): Draft => ({
  nationalRef,
  legalBasis,
  reviewBy,
  distribution,
  remarks,
});

type Conflict = { current: RecordView; theirs: RecordDifference[] };

/**
 * Creating a record, or editing one the user's agency owns: every section of its category, dates
 * as people type them, the server's refusals shown at their fields in the user's language, and a
 * change someone else saved meanwhile shown plainly, to be reloaded or overwritten.
 */
export function RecordFormPage({ id, category: initialCategory }: { id?: string; category?: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { actor, participants } = useSession();
  const titleId = useId();
  const fieldLabel = useFieldPathLabel();
  const isNew = id === undefined;
  const [base, setBase] = useState<RecordView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(() => (isNew ? newDraft(isCategory(initialCategory) ? initialCategory : 'wanted_person') : null));
  const [generation, setGeneration] = useState(0);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiError | Error | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const replaceDraft = useCallback((next: Draft) => {
    setDraft(next);
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    if (isNew) return;
    const controller = new AbortController();
    api
      .getRecord(id, controller.signal)
      .then((record) => {
        setBase(record);
        replaceDraft(editableOf(record));
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoadError(error);
      });
    return () => controller.abort();
  }, [api, id, isNew, replaceDraft]);

  const errors = useMemo(() => errorsByPath(failure), [failure]);

  const form: FormState | null = useMemo(
    () =>
      draft === null
        ? null
        : {
            draft,
            set: (path, value) => {
              if (path === '/category' && isCategory(value)) replaceDraft({ ...newDraft(value), ...envelopeOf(draft) });
              else setDraft((d) => setAt(d ?? {}, path, value));
            },
            errors,
            generation,
          },
    [draft, errors, generation, replaceDraft],
  );

  const save = async (version?: number) => {
    if (!draft) return;
    setSaving(true);
    setFailure(null);
    try {
      const body = (pruned(draft) ?? {}) as Draft;
      const saved = isNew ? await api.createRecord(body) : await api.updateRecord(id, { ...body, version: version ?? base!.version });
      navigate(recordPath(saved.id));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict' && !isNew) {
        const current = await api.getRecord(id);
        setConflict({ current, theirs: recordDifferences(editableOf(base!), editableOf(current)) });
      } else {
        setFailure(error instanceof Error ? error : new Error(String(error)));
      }
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save();
  };

  if (loadError) {
    return (
      <main className="page" id="main">
        <ErrorMessage error={loadError} />
      </main>
    );
  }
  if (!form || !draft) {
    return (
      <main className="page" id="main">
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      </main>
    );
  }
  const category = (isNew ? draft.category : base?.category) as Category;

  return (
    <main className="page" id="main">
      <Link to={isNew ? recordsPath() : recordPath(id)} className="back-link">
        <span aria-hidden="true">←</span> {isNew ? t('record.back') : t('form.backToRecord')}
      </Link>
      <div className="page__heading">
        <h1 id={titleId} className="page__title">
          {isNew ? t('form.newTitle') : t('form.editTitle', { ref: base?.nationalRef })}
        </h1>
      </div>

      {conflict && (
        <div className="alert alert--warning" role="alert">
          <p className="alert__title">{t('form.conflict')}</p>
          {conflict.theirs.length > 0 && (
            <ul className="form-conflict">
              {conflict.theirs.map((d) => (
                <li key={d.path}>
                  {fieldLabel(d.path)}: {shown(d.before)} → {shown(d.after)}
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setBase(conflict.current);
                replaceDraft(editableOf(conflict.current));
                setConflict(null);
              }}
            >
              {t('form.reloadTheirs')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                const current = conflict.current;
                setBase(current);
                setConflict(null);
                void save(current.version);
              }}
            >
              {t('form.overwrite')}
            </button>
          </div>
        </div>
      )}

      {failure && errors.size === 0 && <ErrorMessage error={failure} />}
      {failure && errors.size > 0 && (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">{t('form.invalid')}</p>
          <ul className="alert__issues">
            {[...errors].map(([path, messages]) => (
              <li key={path}>
                <a href={`#${inputId(path)}`}>{fieldLabel(path)}</a>: {messages.join(' ')}
              </li>
            ))}
          </ul>
        </div>
      )}

      <FormContext.Provider value={form}>
        <form className="record-form" onSubmit={submit} aria-labelledby={titleId} noValidate>
          {isNew && (
            <div className="card form-section">
              <div className="form-grid">
                <SelectField
                  path="/category"
                  label={t('record.fields.category')}
                  options={Object.entries(t('categories', { returnObjects: true }) as Record<string, string>).map(([value, label]) => ({
                    value,
                    label,
                  }))}
                  required
                />
              </div>
            </div>
          )}
          <GeneralFields isNew={isNew} participants={participants} own={actor.participant} />
          <CategoryFields category={category} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('form.saving') : isNew ? t('form.create') : t('form.save')}
            </button>
          </div>
        </form>
      </FormContext.Provider>
    </main>
  );
}
