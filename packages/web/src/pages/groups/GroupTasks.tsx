import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { Section } from '../../components/Section/Section.tsx';
import type { GroupTaskView, GroupView } from '../../domain.ts';
import { getAt, setAt, type Draft } from '../../forms/draft.ts';
import { DateField, FormContext, SelectField, TextField, type FormState } from '../../forms/fields.tsx';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { useGroupsApi, type TaskInput } from './groups-api.ts';
import { useAdditionKey } from './idempotency.ts';
import { allows } from './permissions.ts';
import { useChange } from './use-change.ts';

/** Setting a task, for a member if assigned, with a due day if any. */
function TaskForm({ view, onChanged, onStale }: { view: GroupView; onChanged: (view: GroupView) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useGroupsApi();
  const { participants } = useSession();
  const titleId = useId();
  const [draft, setDraft] = useState<Draft>({});
  const [generation, setGeneration] = useState(0);
  const change = useChange(onStale);
  const key = useAdditionKey();
  const form: FormState = { draft, set: (path, value) => setDraft((d) => setAt(d, path, value)), errors: change.errors, generation };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = (path: string) => String(getAt(draft, path) ?? '').trim();
    const task: TaskInput = {
      title: text('/title'),
      ...(text('/detail') ? { detail: text('/detail') } : {}),
      ...(text('/assignee') ? { assignee: text('/assignee') } : {}),
      ...(text('/dueOn') ? { dueOn: text('/dueOn') } : {}),
    };
    const done = await change.run(async () => onChanged(await groups.createTask(view.id, task, key.keyFor({ group: view.id, ...task }))));
    if (done) {
      key.added();
      setDraft({});
      setGeneration((n) => n + 1);
    }
  };

  return (
    <FormContext.Provider value={form}>
      <form className="record-form" onSubmit={(event) => void submit(event)} aria-labelledby={titleId} noValidate>
        <h3 id={titleId} className="section__subtitle">
          {t('groups.tasks.new')}
        </h3>
        {change.failure !== null && <ErrorMessage error={change.failure} />}
        <div className="form-grid">
          <div className="form-grid__wide">
            <TextField path="/title" label={t('groups.tasks.fields.title')} required maxLength={300} />
          </div>
          <div className="form-grid__wide">
            <TextField path="/detail" label={t('groups.tasks.fields.detail')} multiline maxLength={4000} />
          </div>
          <SelectField
            path="/assignee"
            label={t('groups.tasks.fields.assignee')}
            options={view.members.map((m) => ({
              value: m.userId,
              label: `${m.displayName} (${participantName(participants, m.participant, format.lang)})`,
            }))}
          />
          <DateField path="/dueOn" label={t('groups.tasks.fields.dueOn')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--secondary" disabled={change.busy}>
            {change.busy ? t('groups.sending') : t('groups.tasks.create')}
          </button>
        </div>
      </form>
    </FormContext.Provider>
  );
}

/** One task's row: what, for whom, by when (overdue in words), done or open, and its move for those who may. */
function TaskRow({
  view,
  task,
  onChanged,
  onStale,
}: {
  view: GroupView;
  task: GroupTaskView;
  onChanged: (view: GroupView) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useGroupsApi();
  const change = useChange(onStale);
  const done = task.state === 'done';
  const toggle = () =>
    change.run(async () =>
      onChanged(
        await groups.updateTask(view.id, task.id, {
          state: done ? 'open' : 'done',
          assignee: task.assignee,
          dueOn: task.dueOn,
          version: task.version,
        }),
      ),
    );
  return (
    <tr className={task.overdue ? 'request-row--overdue' : undefined}>
      <td>
        <div className="strong">{task.title}</div>
        {task.detail && <div className="summary__secondary prewrap">{task.detail}</div>}
        <div className="summary__secondary">{t('groups.tasks.setBy', { name: task.createdBy })}</div>
      </td>
      <td>{task.assigneeName ?? <span className="muted">{t('groups.tasks.unassigned')}</span>}</td>
      <td className="table__date">
        {task.dueOn ? (
          <span className="flags">
            <time dateTime={task.dueOn}>{format.date(task.dueOn)}</time>
            {task.overdue && <span className="badge badge--danger">{t('groups.tasks.overdue')}</span>}
          </span>
        ) : (
          <span className="muted">{t('common.empty')}</span>
        )}
      </td>
      <td>
        <span className={`badge ${done ? 'badge--status-active' : 'badge--status-located'}`}>{t(`groups.tasks.states.${task.state}`)}</span>
      </td>
      {allows(view, 'write') && (
        <td>
          {task.mayUpdate && (
            <button type="button" className="button button--link" onClick={() => void toggle()} disabled={change.busy}>
              {done ? t('groups.tasks.reopen') : t('groups.tasks.markDone')}
              <span className="visually-hidden"> «{task.title}»</span>
            </button>
          )}
          {change.failure !== null && <ErrorMessage error={change.failure} />}
        </td>
      )}
    </tr>
  );
}

/** The group's tasks, oldest first, and a new one while the group works. */
export function GroupTasks({ view, onChanged, onStale }: { view: GroupView; onChanged: (view: GroupView) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <Section title={t('groups.tasks.title')} wide>
      {view.tasks.length === 0 ? (
        <p className="muted">{t('groups.tasks.empty')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled from the keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
        <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <table className="table table--compact">
            <caption className="visually-hidden" id={captionId}>
              {t('groups.tasks.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('groups.tasks.columns.title')}</th>
                <th scope="col">{t('groups.tasks.columns.assignee')}</th>
                <th scope="col">{t('groups.tasks.columns.dueOn')}</th>
                <th scope="col">{t('groups.tasks.columns.state')}</th>
                {allows(view, 'write') && (
                  <th scope="col">
                    <span className="visually-hidden">{t('groups.tasks.columns.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {view.tasks.map((task) => (
                <TaskRow key={task.id} view={view} task={task} onChanged={onChanged} onStale={onStale} />
              ))}
            </tbody>
          </table>
        </section>
      )}
      {allows(view, 'write') && <TaskForm view={view} onChanged={onChanged} onStale={onStale} />}
    </Section>
  );
}
