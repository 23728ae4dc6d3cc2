import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isAbort } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { isRequestType, type RequestView } from '../../domain.ts';
import { setAt, type Draft } from '../../forms/draft.ts';
import { FormContext, type FormState } from '../../forms/fields.tsx';
import { navigate } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import { requestPath, requestsPath } from '../../router/routes.ts';
import { useSession } from '../../session.ts';
import { CommonFields, LinkFields } from './CommonFields.tsx';
import { draftOfView, newRequestDraft, requestBody, withType } from './draft.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { useIdempotencyKey } from './idempotency.ts';
import { useRequestsApi } from './requests-api.ts';
import { TypeFields } from './TypeFields.tsx';
import { type DraftIssue, missingFields } from './validate.ts';

/**
 * The bank's messages by the field they name. An edit sends the draft as `content`, so its
 * errors name `/content/…`: the prefix is taken off to meet the inputs' paths.
 */
function serverErrors(failure: unknown, prefix: string): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  if (!(failure instanceof ApiError)) return byPath;
  for (const issue of failure.errors) {
    const path = prefix && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) || '/' : issue.path;
    byPath.set(path, [...(byPath.get(path) ?? []), issue.message]);
  }
  return byPath;
}

/**
 * Drafting a request, or editing a draft: the fields every request has and those of its type,
 * what is plainly missing caught before sending, and the bank's refusals shown at their fields
 * and listed above the form. A saved draft opens on its own page, to be signed and sent.
 */
export function RequestFormPage({ id, search = '' }: { id?: string; search?: string }) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const requests = useRequestsApi();
  const keyFor = useIdempotencyKey();
  const titleId = useId();
  const isNew = id === undefined;
  const [base, setBase] = useState<RequestView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(() => (isNew ? newRequestDraft(search, actor.participant) : null));
  const [generation, setGeneration] = useState(0);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [missing, setMissing] = useState<DraftIssue[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const replaceDraft = useCallback((next: Draft) => {
    setDraft(next);
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    if (isNew) return;
    const controller = new AbortController();
    requests
      .get(id, controller.signal)
      .then((view) => {
        setBase(view);
        replaceDraft(draftOfView(view));
      })
      .catch((error: unknown) => !isAbort(error) && setLoadError(error));
    return () => controller.abort();
  }, [requests, id, isNew, replaceDraft]);

  const errors = useMemo(() => {
    if (missing.length === 0) return serverErrors(failure, isNew ? '' : '/content');
    const byPath = new Map<string, string[]>();
    for (const issue of missing) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), t(`requests.form.issues.${issue.kind}`)]);
    return byPath;
  }, [missing, failure, isNew, t]);

  const form: FormState | null = useMemo(
    () =>
      draft === null
        ? null
        : {
            draft,
            set: (path, value) => {
              if (path === '/type' && isRequestType(value)) replaceDraft(withType(draft, value));
              else setDraft((d) => setAt(d ?? {}, path, value));
            },
            errors,
            generation,
          },
    [draft, errors, generation, replaceDraft],
  );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!draft) return;
    const issues = missingFields(draft);
    setMissing(issues);
    setFailure(null);
    if (issues.length > 0) return;
    const content = requestBody(draft);
    setSaving(true);
    try {
      const saved = isNew
        ? await requests.create(content, keyFor(content))
        : await requests.transition(id, { action: 'edit', content }, keyFor({ action: 'edit', content }));
      navigate(requestPath(saved.id));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const back = (
    <Link to={isNew ? requestsPath('?box=outbox') : requestPath(id)} className="back-link">
      <span aria-hidden="true">←</span> {isNew ? t('requests.form.back') : t('requests.form.backToRequest')}
    </Link>
  );

  if (loadError !== null) {
    return (
      <main className="page" id="main">
        {back}
        <ErrorMessage error={loadError} />
      </main>
    );
  }
  if (!form || !draft) {
    return (
      <main className="page" id="main">
        {back}
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      </main>
    );
  }
  if (base && !base.allowedActions.includes('edit')) {
    return (
      <main className="page" id="main">
        {back}
        <div className="alert alert--info" role="alert">
          <p className="alert__title">{t('requests.form.notEditable')}</p>
        </div>
      </main>
    );
  }

  return (
    <main className="page" id="main">
      {back}
      <div className="page__heading">
        <h1 id={titleId} className="page__title">
          {isNew ? t('requests.form.newTitle') : t('requests.form.editTitle')}
        </h1>
      </div>
      {errors.size > 0 && <ErrorSummary title={missing.length > 0 ? t('requests.form.incomplete') : t('requests.form.invalid')} errors={errors} />}
      {failure !== null && errors.size === 0 && <ErrorMessage error={failure} />}
      <FormContext.Provider value={form}>
        <form className="record-form" onSubmit={(event) => void submit(event)} aria-labelledby={titleId} noValidate>
          <CommonFields />
          {isRequestType(draft.type) && <TypeFields type={draft.type} />}
          <LinkFields />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('requests.form.saving') : isNew ? t('requests.form.create') : t('requests.form.save')}
            </button>
          </div>
        </form>
      </FormContext.Provider>
    </main>
  );
}
