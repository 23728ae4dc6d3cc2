import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { Section } from '../../components/Section/Section.tsx';
import type { GroupView } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { ACCEPTED_EXTENSIONS, ACCEPTED_TYPES, acceptedType, MAX_FILE_BYTES } from '../requests/file-types.ts';
import { useFileSize } from '../requests/use-file-size.ts';
import { useGroupsApi } from './groups-api.ts';
import { useAdditionKey } from './idempotency.ts';
import { allows } from './permissions.ts';
import { useChange } from './use-change.ts';

/**
 * Adding a document for the members: the limits stated up front, a file that cannot pass refused
 * here before anything is sent, the bank's own refusal (413, 415) shown as it says.
 */
function DocumentUpload({ groupId, onUploaded, onStale }: { groupId: string; onUploaded: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const groups = useGroupsApi();
  const id = useId();
  const [file, setFile] = useState<{ file: File; type: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const change = useChange(onStale);
  const key = useAdditionKey();

  const choose = (chosen: File | null) => {
    change.clear();
    setFile(null);
    setProblem(null);
    if (!chosen) return;
    const type = acceptedType(chosen);
    if (!type) return setProblem(t('groups.documents.wrongType'));
    if (chosen.size > MAX_FILE_BYTES) return setProblem(t('groups.documents.tooLarge'));
    setFile({ file: chosen, type });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    const form = event.currentTarget;
    const { name, size, lastModified } = file.file;
    const done = await change.run(() =>
      groups.upload(groupId, file.file, file.type, key.keyFor({ groupId, name, size, lastModified, type: file.type })),
    );
    if (done) {
      key.added();
      setFile(null);
      form.reset();
      onUploaded();
    }
  };

  return (
    <form className="upload" onSubmit={(event) => void submit(event)}>
      <div className={`form-field${problem ? ' form-field--invalid' : ''}`}>
        <label htmlFor={`${id}-file`}>{t('groups.documents.label')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={[...ACCEPTED_TYPES, ...ACCEPTED_EXTENSIONS].join(',')}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
        <span id={`${id}-hint`} className="form-field__hint">
          {t('groups.documents.limits')}
        </span>
        {problem && (
          <span id={`${id}-problem`} className="form-field__error">
            {problem}
          </span>
        )}
      </div>
      {change.failure !== null && <ErrorMessage error={change.failure} />}
      <button type="submit" className="button button--secondary" disabled={!file || change.busy}>
        {change.busy ? t('groups.documents.uploading') : t('groups.documents.submit')}
      </button>
    </form>
  );
}

/** The group's documents, each a download (ended groups keep them readable), and the upload while it works. */
export function GroupDocuments({ view, onUploaded, onStale }: { view: GroupView; onUploaded: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const size = useFileSize();
  const groups = useGroupsApi();
  const { participants } = useSession();
  return (
    <Section title={t('groups.documents.title')}>
      {view.documents.length === 0 ? (
        <p className="muted">{t('groups.documents.empty')}</p>
      ) : (
        <ul className="files" aria-label={t('groups.documents.title')}>
          {view.documents.map((document) => (
            <li key={document.id}>
              {/* The link alone on its line: told apart from the text about it by place, not by colour alone. */}
              <div>
                <a href={groups.documentUrl(view.id, document.id)} download={document.filename}>
                  {document.filename}
                </a>
              </div>
              <div className="muted">
                {size(document.size)} · {document.addedBy} ({participantName(participants, document.participant, format.lang)}) ·{' '}
                <time dateTime={document.createdAt}>{format.timestamp(document.createdAt)}</time>
              </div>
            </li>
          ))}
        </ul>
      )}
      {allows(view, 'write') && <DocumentUpload groupId={view.id} onUploaded={onUploaded} onStale={onStale} />}
    </Section>
  );
}
