import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../domain.ts';
import { Link } from '../../router/Link.tsx';
import { recordPath } from '../../router/routes.ts';
import { Section } from '../Section/Section.tsx';

/** Other records this one points to (same subject, accomplice, the person's car or gun). */
export function LinksSection({ links }: { links: NonNullable<RecordView['links']> }) {
  const { t } = useTranslation();
  return (
    <Section title={t('record.sections.links')}>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t('record.fields.relation')}</th>
            <th scope="col">{t('record.fields.linkedRecord')}</th>
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={`${link.relation}:${link.recordId}`}>
              <td>{t(`linkRelations.${link.relation}`)}</td>
              <td>
                <Link to={recordPath(link.recordId)} className="mono">
                  {link.recordId}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
