import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { Section } from '../../components/Section/Section.tsx';
import type { GroupMessageView } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { useGroupsApi } from './groups-api.ts';
import { useAdditionKey } from './idempotency.ts';
import { useChange } from './use-change.ts';
import type { PagedList } from './use-paged.ts';

/** Writing to the thread: the message goes to every member at once. */
function PostBox({ groupId, onPosted, onStale }: { groupId: string; onPosted: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const groups = useGroupsApi();
  const id = useId();
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const change = useChange(onStale);
  const key = useAdditionKey();
  const problem = missing ? t('groups.messages.required') : (change.errors.get('/body') ?? []).join(' ') || null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = body.trim();
    setMissing(text === '');
    if (text === '') return;
    if (await change.run(() => groups.postMessage(groupId, text, key.keyFor({ groupId, text })))) {
      key.added();
      setBody('');
      onPosted();
    }
  };

  return (
    <form className="record-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className={`form-field${problem ? ' form-field--invalid' : ''}`}>
        <label htmlFor={`${id}-body`}>{t('groups.messages.label')}</label>
        <textarea
          id={`${id}-body`}
          value={body}
          rows={3}
          maxLength={4000}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setBody(e.target.value)}
        />
        {problem && (
          <span id={`${id}-problem`} className="form-field__error">
            {problem}
          </span>
        )}
      </div>
      {change.failure !== null && <ErrorMessage error={change.failure} />}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={change.busy}>
          {change.busy ? t('groups.sending') : t('groups.messages.send')}
        </button>
      </div>
    </form>
  );
}

/** The members' thread, newest first, a page at a time; the post box while the group works. */
export function GroupMessages({
  groupId,
  list,
  writes,
  onLoadOlder,
  onPosted,
  onStale,
}: {
  groupId: string;
  list: PagedList<GroupMessageView>;
  writes: boolean;
  onLoadOlder: () => void;
  onPosted: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  return (
    <Section title={t('groups.messages.title')}>
      {writes && <PostBox groupId={groupId} onPosted={onPosted} onStale={onStale} />}
      {list.error !== null && <ErrorMessage error={list.error} />}
      {list.loading && list.items.length === 0 ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : list.items.length === 0 ? (
        <p className="muted">{t('groups.messages.empty')}</p>
      ) : (
        <ol className="history" aria-label={t('groups.messages.list')}>
          {list.items.map((message) => (
            <li key={message.id} className="history__version">
              <p className="history__heading">
                <span className="strong">{message.author}</span>{' '}
                <span className="muted">({participantName(participants, message.participant, format.lang)})</span> ·{' '}
                <time dateTime={message.createdAt}>{format.timestamp(message.createdAt)}</time>
              </p>
              <p className="prewrap">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
      {list.next !== null && (
        <button type="button" className="button button--secondary" onClick={onLoadOlder} disabled={list.loadingOlder}>
          {list.loadingOlder ? t('common.loading') : t('groups.messages.older')}
        </button>
      )}
    </Section>
  );
}
