import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { Section } from '../../components/Section/Section.tsx';
import type { GroupMember, GroupView } from '../../domain.ts';
import { setAt, type Draft } from '../../forms/draft.ts';
import { CheckboxField, FormContext, TextField, type FormState } from '../../forms/fields.tsx';
import { useFormat } from '../../format/use-format.ts';
import { navigate } from '../../router/history.ts';
import { groupsPath } from '../../router/routes.ts';
import { participantName, useSession } from '../../session.ts';
import { useGroupsApi } from './groups-api.ts';
import { allows } from './permissions.ts';
import { useChange } from './use-change.ts';

/** Adding a person by their login: a leader adds anyone of the group's agencies (as a leader too), a member a colleague. */
function AddMemberForm({ view, onChanged, onStale }: { view: GroupView; onChanged: (view: GroupView) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const groups = useGroupsApi();
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>({});
  const change = useChange(onStale);
  const form: FormState = { draft, set: (path, value) => setDraft((d) => setAt(d, path, value)), errors: change.errors, generation: 0 };
  const leads = allows(view, 'manage');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const username = String(draft.username ?? '').trim();
    const done = await change.run(async () => onChanged(await groups.addMember(view.id, username, leads && draft.leader === true)));
    if (done) setDraft({});
  };

  return (
    <FormContext.Provider value={form}>
      <form className="record-form" onSubmit={(event) => void submit(event)} aria-labelledby={titleId} noValidate>
        <h3 id={titleId} className="section__subtitle">
          {t('groups.members.add')}
        </h3>
        {change.failure !== null && <ErrorMessage error={change.failure} />}
        <TextField
          path="/username"
          label={t('groups.members.username')}
          hint={leads ? t('groups.members.usernameHintLeader') : t('groups.members.usernameHint')}
          required
          maxLength={100}
        />
        {leads && <CheckboxField path="/leader" label={t('groups.members.asLeader')} />}
        <div className="form-actions">
          <button type="submit" className="button button--secondary" disabled={change.busy}>
            {change.busy ? t('groups.sending') : t('groups.members.addSubmit')}
          </button>
        </div>
      </form>
    </FormContext.Provider>
  );
}

/** The people working in the group, by agency, the leaders marked; leaders take members out, anyone may leave. */
export function GroupMembers({ view, onChanged, onStale }: { view: GroupView; onChanged: (view: GroupView) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useGroupsApi();
  const { actor, participants } = useSession();
  const change = useChange(onStale);
  const writes = allows(view, 'write');
  const leads = allows(view, 'manage');

  const remove = (member: GroupMember) =>
    change.run(async () => {
      const after = await groups.removeMember(view.id, member.userId);
      // Who leaves reads the group no more: back to their groups.
      if (after === null) navigate(groupsPath());
      else onChanged(after);
    });

  return (
    <Section title={t('groups.members.title')}>
      {change.failure !== null && <ErrorMessage error={change.failure} />}
      <ul className="files" aria-label={t('groups.members.title')}>
        {view.members.map((member) => {
          const self = member.userId === actor.id;
          return (
            <li key={member.userId}>
              <span className="strong">{member.displayName}</span>
              {self && <span className="muted"> {t('groups.members.you')}</span>}{' '}
              <span className="muted">({participantName(participants, member.participant, format.lang)})</span>
              {member.leader && (
                <>
                  {' '}
                  <span className="badge badge--status-located">{t('groups.members.leader')}</span>
                </>
              )}
              {writes && (self || leads) && (
                <>
                  {' '}
                  <button type="button" className="button button--link" onClick={() => void remove(member)} disabled={change.busy}>
                    {self ? t('groups.members.leave') : t('groups.members.remove')}
                    {!self && <span className="visually-hidden"> {member.displayName}</span>}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {writes && <AddMemberForm view={view} onChanged={onChanged} onStale={onStale} />}
    </Section>
  );
}
