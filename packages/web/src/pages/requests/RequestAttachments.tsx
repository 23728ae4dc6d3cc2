import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section/Section.tsx';
import type { RequestView } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { participantName, useSession } from '../../session.ts';
import { FileUpload } from './FileUpload.tsx';
import { useRequestsApi } from './requests-api.ts';
import { useFileSize } from './use-file-size.ts';

/** The files sent with the request and its answer, each a download, and (to its officers) the upload. */
export function RequestAttachments({ view, onUploaded }: { view: RequestView; onUploaded?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const size = useFileSize();
  const requests = useRequestsApi();
  const { participants } = useSession();
  return (
    <Section title={t('requests.page.attachments')} wide>
      {view.attachments.length === 0 ? (
        <p className="muted">{t('requests.page.noAttachments')}</p>
      ) : (
        <ul className="files">
          {view.attachments.map((file) => (
            <li key={file.id}>
              <a href={requests.attachmentUrl(view.id, file.id)} download={file.filename}>
                {file.filename}
              </a>
              <span className="muted">
                {' · '}
                {size(file.size)} · {participantName(participants, file.addedBy, format.lang)} ·{' '}
                <time dateTime={file.createdAt}>{format.timestamp(file.createdAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      {onUploaded && <FileUpload requestId={view.id} onUploaded={onUploaded} />}
    </Section>
  );
}
