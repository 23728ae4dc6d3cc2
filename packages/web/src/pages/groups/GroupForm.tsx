import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { GROUP_KINDS, type GroupInput, type GroupView } from '../../domain.ts';
import { ChoiceList, listAt } from '../../forms/ChoiceList.tsx';
import { getAt, setAt, type Draft } from '../../forms/draft.ts';
import { DateField, errorsByPath, FormContext, inputId, SelectField, TextField, type FormState } from '../../forms/fields.tsx';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { useGroupsApi } from './groups-api.ts';

/** The group's terms: each one's label, and the first step of the error paths that name it. */
const FIELDS = ['kind', 'title', 'purpose', 'legalBasis', 'participants', 'startsOn', 'endsOn'] as const;
type Field = (typeof FIELDS)[number];
const fieldOf = (path: string): Field | undefined => FIELDS.find((field) => path === `/${field}` || path.startsWith(`/${field}/`));

/** The draft holds the API's own fields, so that the bank's error paths (`/endsOn`) meet the inputs. */
function draftOf(group: GroupView | undefined, lead: string): Draft {
  if (!group) return { kind: 'investigative', title: '', purpose: '', legalBasis: '', participants: [lead] };
  const { kind, title, purpose, legalBasis, participants, startsOn, endsOn } = group;
  return { kind, title, purpose, legalBasis, participants, startsOn, endsOn };
}

/** What is sent: blanks as blanks, for the bank to name them at their fields. */
function bodyOf(draft: Draft): GroupInput {
  const text = (path: string) => String(getAt(draft, path) ?? '').trim();
  return {
    kind: text('/kind') as GroupInput['kind'],
    title: text('/title'),
    purpose: text('/purpose'),
    legalBasis: text('/legalBasis'),
    participants: listAt(draft, '/participants'),
    startsOn: text('/startsOn'),
    endsOn: text('/endsOn'),
  };
}

/**
 * Forming a group (a supervisor, for their agency to lead), or changing its terms (a leader: the
 * whole of them, at the version read): the bank's refusals at their fields and listed above them,
 * a change someone saved meanwhile told apart, since only reading the group again resolves it.
 */
export function GroupForm({
  group,
  onSaved,
  onCancel,
  onReload,
}: {
  group?: GroupView;
  onSaved: (saved: GroupView) => void;
  onCancel: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const groups = useGroupsApi();
  const { actor, participants } = useSession();
  const format = useFormat();
  const titleId = useId();
  const lead = group ? group.lead : actor.participant;
  const [draft, setDraft] = useState(() => draftOf(group, lead));
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  // The form may open below the fold: the user is taken to it.
  useEffect(() => document.getElementById(inputId('/title'))?.focus(), []);

  const set = useCallback((path: string, value: unknown) => setDraft((d) => setAt(d, path, value)), []);
  const errors = useMemo(() => errorsByPath(failure), [failure]);
  const form: FormState = useMemo(() => ({ draft, set, errors, generation: 0 }), [draft, set, errors]);
  const label = (field: Field) => t(`groups.form.fields.${field}`);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    setSaving(true);
    try {
      const body = bodyOf(draft);
      // The lead agency is always a participant: its box cannot be unticked.
      if (!body.participants.includes(lead)) body.participants = [lead, ...body.participants];
      onSaved(group ? await groups.update(group.id, { ...body, version: group.version }) : await groups.create(body));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const conflict = failure instanceof ApiError && failure.code === 'version_conflict';
  return (
    <section className="card section" aria-labelledby={titleId}>
      <h2 className="section__title" id={titleId}>
        {group ? t('groups.form.editTitle') : t('groups.form.newTitle')}
      </h2>
      {conflict ? (
        <div className="alert alert--warning" role="alert">
          <p className="alert__title">{t('groups.form.conflict')}</p>
          {onReload && (
            <button type="button" className="button button--secondary" onClick={onReload}>
              {t('groups.form.reload')}
            </button>
          )}
        </div>
      ) : errors.size > 0 ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">{group ? t('groups.form.invalidEdit') : t('groups.form.invalid')}</p>
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
            <SelectField
              path="/kind"
              label={label('kind')}
              options={GROUP_KINDS.map((kind) => ({ value: kind, label: t(`groups.kinds.${kind}`) }))}
              required
            />
            <div className="form-grid__wide">
              <TextField path="/title" label={label('title')} required maxLength={300} />
            </div>
            <div className="form-grid__wide">
              <TextField path="/purpose" label={label('purpose')} hint={t('groups.form.purposeHint')} required multiline maxLength={4000} />
            </div>
            <div className="form-grid__wide">
              <TextField path="/legalBasis" label={label('legalBasis')} hint={t('groups.form.legalBasisHint')} required maxLength={500} />
            </div>
            <ChoiceList
              path="/participants"
              legend={label('participants')}
              hint={t('groups.form.participantsHint')}
              locked={lead}
              options={participants.map((p) => ({ value: p.code, label: `${participantName(participants, p.code, format.lang)} (${p.code})` }))}
            />
            <DateField path="/startsOn" label={label('startsOn')} required />
            <DateField path="/endsOn" label={label('endsOn')} required />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? t('groups.form.saving') : group ? t('groups.form.save') : t('groups.form.create')}
            </button>
            <button type="button" className="button button--secondary" onClick={onCancel} disabled={saving}>
              {t('groups.form.cancel')}
            </button>
          </div>
        </form>
      </FormContext.Provider>
    </section>
  );
}
