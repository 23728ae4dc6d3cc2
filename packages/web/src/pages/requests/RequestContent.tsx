import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Fields, Section } from '../../components/Section/Section.tsx';
import type { BiometricReference, RequestView } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { Link } from '../../router/Link.tsx';
import { recordPath } from '../../router/routes.ts';
import { useRequestFieldLabel } from './field-labels.ts';

/** Every filled field of an object as `[JSON Pointer, value]`, nested objects walked into. */
function leaves(value: unknown, path: string): [string, unknown][] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, `${path}/${key}`));
  }
  return value === undefined || value === null || value === '' ? [] : [[path, value]];
}

const DATE_FIELDS = new Set(['/form/subject/birthDate', '/form/warrant/date']);
const COUNTRY_FIELDS = new Set(['/form/subject/citizenship', '/form/plate/state']);
const RECORD_FIELDS = new Set(['/form/recordId', '/form/candidateRecordIds']);

/** A record in the bank, opened from the request. */
const RecordLink = ({ id }: { id: string }) => (
  <Link to={recordPath(id)} className="mono">
    {id}
  </Link>
);

/** The fields of the request's own type, each as its form labels it. */
function FormFacts({ view }: { view: RequestView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useRequestFieldLabel();
  const shown = (path: string, value: unknown): ReactNode => {
    if (RECORD_FIELDS.has(path)) {
      const ids = Array.isArray(value) ? (value as string[]) : [String(value)];
      return (
        <span className="flags">
          {ids.map((id) => (
            <RecordLink key={id} id={id} />
          ))}
        </span>
      );
    }
    if (path === '/form/biometrics') return (value as BiometricReference[]).map((b) => t(`requests.biometrics.${b}`)).join(', ');
    if (path === '/form/documents')
      return (
        <ol>
          {(value as string[]).map((document, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is shown as sent, in its order
            <li key={i}>{document}</li>
          ))}
        </ol>
      );
    if (typeof value === 'boolean') return value ? t('requests.page.yes') : t('requests.page.no');
    if (DATE_FIELDS.has(path)) return format.date(String(value));
    if (COUNTRY_FIELDS.has(path)) return `${format.country(String(value))} (${String(value)})`;
    return String(value);
  };
  const facts = leaves(view.form, '/form');
  return (
    <Section title={t('requests.page.content')} wide>
      <Fields>
        {facts.map(([path, value]) => (
          <Field key={path} label={label(path)} identifier={path === '/form/hitId' || path === '/form/vin' || path === '/form/serialNumber'}>
            {shown(path, value)}
          </Field>
        ))}
      </Fields>
    </Section>
  );
}

/** What the request asks and on what basis; the records and hits it concerns. */
export function RequestContent({ view }: { view: RequestView }) {
  const { t } = useTranslation();
  const { recordIds, hitIds } = view.links;
  return (
    <>
      <Section title={t('requests.page.request')} wide>
        <Fields>
          <Field label={t('requests.fields.priority')}>{t(`requests.priorities.${view.priority}`)}</Field>
          <Field label={t('requests.fields.agreement')}>{view.legalBasis.agreement}</Field>
          <Field label={t('requests.fields.article')}>{view.legalBasis.article}</Field>
          <Field label={t('requests.fields.body')}>
            <span className="prewrap">{view.body}</span>
          </Field>
        </Fields>
      </Section>
      <FormFacts view={view} />
      {(recordIds.length > 0 || hitIds.length > 0) && (
        <Section title={t('requests.form.links')} wide>
          <Fields>
            <Field label={t('requests.fields.linkedRecords')}>
              {recordIds.length > 0 && (
                <span className="flags">
                  {recordIds.map((id) => (
                    <RecordLink key={id} id={id} />
                  ))}
                </span>
              )}
            </Field>
            <Field label={t('requests.fields.linkedHits')} identifier>
              {hitIds.join(', ')}
            </Field>
          </Fields>
        </Section>
      )}
    </>
  );
}
