import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.ts';
import type { Attachment } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { Section } from '../Section/Section.tsx';
import { AttachmentUpload } from './AttachmentUpload.tsx';

export const isImage = (attachment: Attachment): boolean => attachment.contentType.startsWith('image/');

/** Photos shown in place; other files (PDF) listed for download. */
export function AttachmentsSection({
  recordId,
  attachments,
  onUploaded,
}: {
  recordId: string;
  attachments: readonly Attachment[];
  /** Given to the record's owner: the upload form is shown, and this is called after each upload. */
  onUploaded?: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const images = attachments.filter(isImage);
  const files = attachments.filter((a) => !isImage(a));
  const size = (bytes: number) =>
    bytes < 1024
      ? t('units.bytes', { value: format.number(bytes) })
      : bytes < 1024 * 1024
        ? t('units.kilobytes', { value: format.number(bytes / 1024) })
        : t('units.megabytes', { value: format.number(bytes / (1024 * 1024)) });
  return (
    <Section title={t('record.sections.attachments')} wide>
      {attachments.length === 0 && <p className="muted">{t('record.noAttachments')}</p>}
      {images.length > 0 && (
        <ul className="photos">
          {images.map((image) => (
            <li key={image.id} className="photos__item">
              <figure>
                <a href={api.attachmentUrl(recordId, image.id)} target="_blank" rel="noopener">
                  <img src={api.attachmentUrl(recordId, image.id)} alt={t('record.photo', { name: image.filename })} loading="lazy" />
                </a>
                <figcaption>
                  <span className="photos__name">{image.filename}</span>
                  <span className="muted">{size(image.size)}</span>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="files">
          {files.map((file) => (
            <li key={file.id}>
              <a href={api.attachmentUrl(recordId, file.id)} download={file.filename}>
                {file.filename}
              </a>
              <span className="muted"> · {size(file.size)}</span>
            </li>
          ))}
        </ul>
      )}
      {onUploaded && <AttachmentUpload recordId={recordId} onUploaded={onUploaded} />}
    </Section>
  );
}
