import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementInput, AgreementView } from '@svod/core';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/context.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { CATEGORY_VALUES, REQUEST_TYPES } from '../../domain.ts';
import { ChoiceList, listAt } from '../../forms/ChoiceList.tsx';
import { getAt, setAt, type Draft } from '../../forms/draft.ts';
import { DateField, errorsByPath, FormContext, inputId, SelectField, TextField, type FormState } from '../../forms/fields.tsx';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';

/** The agreement's fields: each one's label, and the first step of the error paths that name it. */
const FIELDS = ['title', 'documentRef', 'parties', 'coordinator', 'categories', 'requestTypes', 'inForceFrom', 'inForceTo'] as const;
type Field = (typeof FIELDS)[number];
const fieldOf = (path: string): Field | undefined => FIELDS.find((field) => path === `/${field}` || path.startsWith(`/${field}/`));

/** The draft holds the API's own fields, so that the bank's error paths (`/inForceTo`) meet the inputs. */
function draftOf(agreement: AgreementView | undefined): Draft {
  if (!agreement) return { title: '', documentRef: '', parties: [], categories: [], requestTypes: [] };
  const { title, documentRef, parties, coordinator, categories, requestTypes, inForceFrom, inForceTo } = agreement;
  return {
    title,
    documentRef,
    parties,
    coordinator: coordinator ?? undefined,
    categories,
    requestTypes,
    inForceFrom,
    inForceTo: inForceTo ?? undefined,
  };
}

/** What is sent: blanks as blanks, for the bank to name them; an open end and no coordinator left out. */
function bodyOf(draft: Draft): AgreementInput {
  const text = (path: string) => String(getAt(draft, path) ?? '').trim();
  const coordinator = text('/coordinator');
  const inForceTo = text('/inForceTo');
  return {
    title: text('/title'),
    documentRef: text('/documentRef'),
    parties: listAt(draft, '/parties'),
    ...(coordinator ? { coordinator } : {}),
    categories: listAt(draft, '/categories') as AgreementInput['categories'],
    requestTypes: listAt(draft, '/requestTypes') as AgreementInput['requestTypes'],
    inForceFrom: text('/inForceFrom'),
    ...(inForceTo ? { inForceTo } : {}),
  };
}

/**
 * Entering an agreement in the register, or changing one (the whole of it, at the version read):
 * the bank's refusals at their fields and listed above them, a change someone saved meanwhile
 * told apart, since only reading the register again resolves it.
 */
export function AgreementForm({
  agreement,
  onSaved,
  onCancel,
  onReload,
}: {
  agreement?: AgreementView;
  onSaved: (saved: AgreementView) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { participants } = useSession();
  const titleId = useId();
  const [draft, setDraft] = useState(() => draftOf(agreement));
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  // The form may open below the fold (an edit from the end of the list): the user is taken to it.
  useEffect(() => document.getElementById(inputId('/title'))?.focus(), []);

  const set = useCallback((path: string, value: unknown) => {
    setDraft((d) => {
      const next = setAt(d, path, value);
      // A coordinator is one of the parties: unticking it as a party unsets it.
      const coordinator = getAt(next, '/coordinator');
      return typeof coordinator === 'string' && !listAt(next, '/parties').includes(coordinator) ? setAt(next, '/coordinator', undefined) : next;
    });
  }, []);
  const errors = useMemo(() => errorsByPath(failure), [failure]);
  const form: FormState = useMemo(() => ({ draft, set, errors, generation: 0 }), [draft, set, errors]);

  const label = (field: Field) => t(`agreements.form.fields.${field}`);
  const partyName = (code: string) => `${participantName(participants, code, format.lang)} (${code})`;
  const chosenParties = listAt(draft, '/parties');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    setSaving(true);
    try {
      const body = bodyOf(draft);
      onSaved(
        agreement
          ? await api.call<AgreementView>('PUT', `/agreements/${encodeURIComponent(agreement.id)}`, { body: { ...body, version: agreement.version } })
          : await api.call<AgreementView>('POST', '/agreements', { body }),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card section" aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId}>
        {agreement ? t('agreements.form.editTitle') : t('agreements.form.newTitle')}
      </h2>
      {failure instanceof ApiError && failure.status === 409 ? (
        <div className="alert alert--warning" role="alert">
          <p className="alert__title">{t('agreements.form.conflict')}</p>
          <button type="button" className="button button--secondary" onClick={onReload}>
            {t('agreements.form.reload')}
          </button>
        </div>
      ) : errors.size > 0 ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">{t('agreements.form.invalid')}</p>
          <ul className="alert__issues">
            {[...errors].map(([path, messages]) => {
              const field = fieldOf(path);
              return (
                <li key={path}>
                  {/* The whole item is the link: told apart from text by being all of it, not by colour alone. */}
                  <a href={`#${inputId(field ? `/${field}` : path)}`}>
                    {field ? label(field) : path}: {messages.join(' ')}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        failure !== null && <ErrorMessage error={failure} />
      )}
      <FormContext.Provider value={form}>
        <form className="record-form" onSubmit={(event) => void submit(event)} aria-labelledby={titleId} noValidate>
          <div className="form-grid">
            <div className="form-grid__wide">
              <TextField path="/title" label={label('title')} required maxLength={300} />
            </div>
            <TextField path="/documentRef" label={label('documentRef')} hint={t('agreements.form.documentRefHint')} required maxLength={200} />
            <ChoiceList path="/parties" legend={label('parties')} options={participants.map((p) => ({ value: p.code, label: partyName(p.code) }))} />
            <SelectField
              path="/coordinator"
              label={label('coordinator')}
              options={chosenParties.map((code) => ({ value: code, label: partyName(code) }))}
            />
            <ChoiceList
              path="/categories"
              legend={label('categories')}
              options={CATEGORY_VALUES.map((value) => ({ value, label: t(`categories.${value}`) }))}
            />
            <ChoiceList
              path="/requestTypes"
              legend={label('requestTypes')}
              options={REQUEST_TYPES.map((value) => ({ value, label: t(`requests.types.${value}`) }))}
            />
            <DateField path="/inForceFrom" label={label('inForceFrom')} required />
            <DateField path="/inForceTo" label={label('inForceTo')} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('agreements.form.saving') : agreement ? t('agreements.form.save') : t('agreements.form.create')}
            </button>
            <button type="button" className="button button--secondary" onClick={onCancel} disabled={saving}>
              {t('agreements.form.cancel')}
            </button>
          </div>
        </form>
      </FormContext.Provider>
    </section>
  );
}
