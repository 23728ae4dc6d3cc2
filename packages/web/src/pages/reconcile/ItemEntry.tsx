import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ARRAY_FIELDS, ISSUE_CODES, issueMessage, type IssueCode } from '@svod/core';
import type { ReconciliationItem } from '../../domain.ts';
import { isRowIssueCode, type ArrayField, type ConflictReason, type DuplicateReason, type RecordDifference, type RecordInput } from '../../domain.ts';
import { useFieldPathLabel } from '../../format/field-path.ts';
import { summarizeRecord } from '../../format/summary.ts';
import { useFormat } from '../../format/use-format.ts';
import { Link } from '../../router/Link.tsx';
import { recordPath } from '../../router/routes.ts';
import { participantName, useSession } from '../../session.ts';

/** What an item of each group carries (the server's report payloads). */
interface ItemPayload {
  record?: RecordInput;
  differences?: RecordDifference[];
  reasons?: ConflictReason[];
  nationalRef?: string;
  rows?: number[];
  reason?: DuplicateReason;
  nationalRefs?: string[];
  owner?: string;
  probability?: number;
  /** A row's cell that could not be read (`column`), or a field the record schema refused (`path`). */
  issues?: { column?: string; path?: string; code: string; value?: string; params?: Record<string, string | number> }[];
}

const isIssueCode = (code: string): code is IssueCode => (ISSUE_CODES as readonly string[]).includes(code);
const ARRAY_FIELD_NAMES: ReadonlySet<string> = new Set(Object.values(ARRAY_FIELDS).flat());
const isArrayField = (name: string): name is ArrayField => ARRAY_FIELD_NAMES.has(name);

/** One entry of the report, as its group needs it shown. */
export function ItemEntry({ item }: { item: ReconciliationItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const payload = item.payload as ItemPayload;
  const head = <ItemHead item={item} payload={payload} />;
  const crossMatchText = () =>
    t('reconcile.report.crossMatch', {
      owner: participantName(participants, payload.owner ?? '', format.lang),
      ref: payload.nationalRef ?? '',
      probability: format.percent(payload.probability ?? 0),
    });
  switch (item.group) {
    case 'changed':
      return (
        <>
          {head}
          <Differences differences={payload.differences ?? []} />
        </>
      );
    case 'conflicts':
      return (
        <>
          {head}
          <p className="reconcile-item__reasons">
            {t('reconcile.report.reasons', { reasons: (payload.reasons ?? []).map((r) => t(`reconcile.report.reasonNames.${r}`)).join(', ') })}
          </p>
          <Differences differences={payload.differences ?? []} />
        </>
      );
    case 'duplicates':
      return (
        <>
          {head}
          <p>
            {payload.reason && `${t(`reconcile.report.duplicateReasons.${payload.reason}`)}: `}
            {t('reconcile.report.duplicateRows', { rows: (payload.rows ?? []).join(', ') })}
          </p>
        </>
      );
    case 'crossMatches':
      return (
        <>
          {head}
          <p>{item.recordId ? <Link to={recordPath(item.recordId)}>{crossMatchText()}</Link> : crossMatchText()}</p>
        </>
      );
    case 'invalid':
      return (
        <>
          {head}
          <IssueList issues={payload.issues ?? []} />
        </>
      );
    default:
      return head;
  }
}

/** The row, the reference and the subject in a line; a link to the bank's record where there is one. */
function ItemHead({ item, payload }: { item: ReconciliationItem; payload: ItemPayload }) {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = payload.record ? summarizeRecord(payload.record, t, format.lang) : undefined;
  const ref = payload.record?.nationalRef ?? payload.nationalRef ?? payload.nationalRefs?.join(', ');
  const parts: ReactNode[] = [
    <strong key="row">{item.row !== null ? t('reconcile.report.row', { row: item.row }) : t('reconcile.report.noRow')}</strong>,
  ];
  if (ref && item.group !== 'crossMatches') parts.push(<span key="ref">{t('reconcile.report.ref', { ref })}</span>);
  if (summary) {
    parts.push(
      <span key="subject">
        <span className={summary.identifier ? 'mono' : undefined}>{summary.primary}</span>
        {summary.secondary && <span className="muted"> ({summary.secondary})</span>}
      </span>,
    );
  }
  // A cross-match's record is another state's, linked from its own line.
  if (item.recordId && item.group !== 'crossMatches') {
    parts.push(
      <Link key="record" to={recordPath(item.recordId)}>
        {t('reconcile.report.openRecord')}
      </Link>,
    );
  }
  // The parts are set apart by the stylesheet («·» between them).
  return <p className="reconcile-item__head">{parts}</p>;
}

/** The bank's value beside the array's, field by field; the array's, which applying writes, highlighted. */
function Differences({ differences }: { differences: RecordDifference[] }) {
  const { t } = useTranslation();
  const label = useFieldPathLabel();
  const shown = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));
  return (
    <table className="table table--compact reconcile-diff">
      <caption className="visually-hidden">{t('reconcile.report.differences')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reconcile.report.field')}</th>
          <th scope="col">{t('reconcile.report.bank')}</th>
          <th scope="col">{t('reconcile.report.array')}</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((difference) => (
          <tr key={difference.path}>
            <th scope="row">{label(difference.path)}</th>
            <td>{shown(difference.before)}</td>
            <td className="reconcile-diff__array">
              <mark>{shown(difference.after)}</mark>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What is wrong with a row that made no record: the column (or field) and why, in the interface language. */
function IssueList({ issues }: { issues: NonNullable<ItemPayload['issues']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useFieldPathLabel();
  const reason = ({ column, code, params }: (typeof issues)[number]) => {
    // A cell's issue has a word of its own; a field the schema refused, the bank's message for it.
    if (column !== undefined && isRowIssueCode(code)) return t(`reconcile.report.issueCodes.${code}`);
    if (isIssueCode(code)) return issueMessage(code, format.lang, params);
    return code;
  };
  // A column the file lacks altogether is named by its field.
  const place = ({ column, path }: (typeof issues)[number]) =>
    column !== undefined ? (isArrayField(column) ? t(`reconcile.fields.${column}`) : column) : path ? label(path) : '';
  return (
    <ul className="reconcile-item__issues" aria-label={t('reconcile.report.issues')}>
      {issues.map((issue, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row's issues are fixed and may repeat a column
        <li key={i}>
          <span className="strong">{place(issue)}</span>: {reason(issue)}
          {issue.value !== undefined && <span className="mono"> «{issue.value}»</span>}
        </li>
      ))}
    </ul>
  );
}
