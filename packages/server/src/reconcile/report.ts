import {
  recordTableRow,
  type Language,
  type RecordDifference,
  type RecordInput,
  type ReconciliationGroup,
  type ReconciliationItem,
  type ReconciliationView,
} from '@svod/core';
import { HTML_ITEMS } from '../store/reconciliation-items.ts';

/** The columns of a group's table (CSV, XLSX): the same for every group, empty where a group has nothing. */
export const REPORT_COLUMNS = ['group', 'row', 'nationalRef', 'recordId', 'subject', 'birthDate', 'detail'] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

const LABELS = {
  ru: {
    title: 'Сверка информационного массива',
    participant: 'Участник',
    category: 'Категория',
    file: 'Файл',
    rows: 'Строк в файле',
    status: 'Состояние',
    groups: {
      new: 'Новые',
      changed: 'Изменённые',
      unchanged: 'Без изменений',
      stale: 'Есть в банке, нет в массиве',
      duplicates: 'Дубликаты в массиве',
      conflicts: 'Противоречия',
      crossMatches: 'Совпадения с карточками других государств',
      invalid: 'Строки с ошибками',
    },
    row: 'Строка',
    ref: 'Рег. номер',
    subject: 'Субъект',
    field: 'Поле',
    bank: 'В банке',
    array: 'В массиве',
    reasons: 'Причины',
    more: (n: number) => `Показаны первые ${HTML_ITEMS}; все ${n} — в выгрузке CSV или XLSX этой группы.`,
    partner: 'Карточка другого участника',
    probability: 'Вероятность',
    issues: 'Ошибки',
    reasonNames: {
      birth_date: 'другая дата рождения',
      sex: 'другой пол',
      identifier: 'другой идентификатор',
      cancelled: 'карточка в банке аннулирована',
    },
    dupReasons: { same_reference: 'один рег. номер дважды', same_subject: 'одно лицо под двумя номерами' },
    generated: 'Сформировано',
  },
  en: {
    title: 'Reconciliation of an information array',
    participant: 'Participant',
    category: 'Category',
    file: 'File',
    rows: 'Rows in the file',
    status: 'Status',
    groups: {
      new: 'New',
      changed: 'Changed',
      unchanged: 'Unchanged',
      stale: 'In the bank, not in the array',
      duplicates: 'Duplicates in the array',
      conflicts: 'Conflicts',
      crossMatches: "Matches with other states' records",
      invalid: 'Rows with errors',
    },
    row: 'Row',
    ref: 'National ref.',
    subject: 'Subject',
    field: 'Field',
    bank: 'In the bank',
    array: 'In the array',
    reasons: 'Reasons',
    more: (n: number) => `The first ${HTML_ITEMS} are shown; all ${n} are in this group's CSV or XLSX.`,
    partner: "Another participant's record",
    probability: 'Probability',
    issues: 'Errors',
    reasonNames: {
      birth_date: 'another birth date',
      sex: 'another sex',
      identifier: 'another identifier',
      cancelled: 'the bank’s record is cancelled',
    },
    dupReasons: { same_reference: 'one reference twice', same_subject: 'one subject under two references' },
    generated: 'Generated',
  },
} as const;

const html = (text: unknown): string =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const shown = (value: unknown): string => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** A record in a few words: the name and birth date, the VIN and plate, or the serials. */
export function subjectOf(record: RecordInput | undefined): { subject: string; birthDate: string; nationalRef: string } {
  if (!record) return { subject: '', birthDate: '', nationalRef: '' };
  const row = recordTableRow(record);
  const subject =
    [row.surname, row.given, row.patronymic].filter(Boolean).join(' ') ||
    row.latinName ||
    [row.vin, row.plate].filter(Boolean).join(' ') ||
    row.serials ||
    row.makeModel;
  return { subject, birthDate: row.birthDate, nationalRef: row.nationalRef };
}

const differencesText = (differences: readonly RecordDifference[]) =>
  differences.map((d) => `${d.path}: ${shown(d.before)} → ${shown(d.after)}`).join('; ');

/** An item as a row of the group's table. */
export function reportRow(item: ReconciliationItem): Record<ReportColumn, string> {
  const p = item.payload as {
    record?: RecordInput;
    differences?: RecordDifference[];
    reasons?: string[];
    nationalRefs?: string[];
    rows?: number[];
    reason?: string;
    nationalRef?: string;
    owner?: string;
    probability?: number;
    kind?: string;
    issues?: { path?: string; column?: string; code: string; value?: string }[];
  };
  const { subject, birthDate, nationalRef } = subjectOf(p.record);
  const detail =
    item.group === 'changed'
      ? differencesText(p.differences ?? [])
      : item.group === 'conflicts'
        ? `${(p.reasons ?? []).join(', ')}: ${differencesText(p.differences ?? [])}`
        : item.group === 'duplicates'
          ? `${p.reason}: rows ${(p.rows ?? []).join(', ')}; ${(p.nationalRefs ?? []).join(', ')}`
          : item.group === 'crossMatches'
            ? `${p.owner} ${p.nationalRef} (${Math.round((p.probability ?? 0) * 1000) / 10} %${p.kind === 'nameless' ? ', by description' : ''})`
            : item.group === 'invalid'
              ? (p.issues ?? []).map((i) => `${i.column ?? i.path ?? ''} ${i.code}${i.value ? ` «${i.value}»` : ''}`).join('; ')
              : '';
  return {
    group: item.group,
    row: item.row === null ? '' : String(item.row),
    nationalRef: nationalRef || p.nationalRef || (p.nationalRefs ?? []).join(', '),
    recordId: item.recordId ?? '',
    subject,
    birthDate,
    detail,
  };
}

const COLOURS: Record<ReconciliationGroup, string> = {
  new: '#2f855a',
  changed: '#2b6cb0',
  unchanged: '#a0aec0',
  stale: '#b7791f',
  duplicates: '#6b46c1',
  conflicts: '#c53030',
  crossMatches: '#00838f',
  invalid: '#718096',
};

/** The summary as horizontal bars, drawn in SVG so that the file needs no script and no network. */
function chart(view: ReconciliationView, lang: Language): string {
  const labels = LABELS[lang];
  const summary = view.summary;
  if (!summary) return '';
  const groups = Object.keys(COLOURS) as ReconciliationGroup[];
  const max = Math.max(1, ...groups.map((g) => summary[g]));
  const bar = 22;
  const width = 640;
  const label = 300;
  const rows = groups.map((g, i) => {
    const w = Math.round(((width - label - 80) * summary[g]) / max);
    const y = i * (bar + 8);
    return `<g><text x="0" y="${y + 16}">${html(labels.groups[g])}</text><rect x="${label}" y="${y}" width="${w}" height="${bar}" fill="${COLOURS[g]}"/><text x="${label + w + 6}" y="${y + 16}">${summary[g].toLocaleString(lang)}</text></g>`;
  });
  const height = groups.length * (bar + 8);
  return `<svg role="img" aria-label="${html(labels.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">${rows.join('')}</svg>`;
}

function differencesTable(differences: readonly RecordDifference[], lang: Language): string {
  const labels = LABELS[lang];
  const rows = differences
    .map((d) => `<tr><th scope="row">${html(d.path)}</th><td>${html(shown(d.before))}</td><td class="differs">${html(shown(d.after))}</td></tr>`)
    .join('');
  return `<table class="diff"><thead><tr><th>${labels.field}</th><th>${labels.bank}</th><th>${labels.array}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function groupSection(group: ReconciliationGroup, items: readonly ReconciliationItem[], total: number, lang: Language): string {
  const labels = LABELS[lang];
  const body = items
    .map((item) => {
      const row = reportRow(item);
      const p = item.payload as {
        differences?: RecordDifference[];
        reasons?: (keyof (typeof LABELS)['ru']['reasonNames'])[];
        reason?: keyof (typeof LABELS)['ru']['dupReasons'];
      };
      const head = `<p><strong>${labels.row} ${html(row.row || '—')}</strong> · ${labels.ref} <code>${html(row.nationalRef)}</code> · ${html(row.subject)} ${html(row.birthDate)}</p>`;
      if (group === 'changed') return `<article>${head}${differencesTable(p.differences ?? [], lang)}</article>`;
      if (group === 'conflicts') {
        const reasons = (p.reasons ?? []).map((r) => labels.reasonNames[r] ?? r).join(', ');
        return `<article class="conflict">${head}<p>${labels.reasons}: <strong>${html(reasons)}</strong></p>${differencesTable(p.differences ?? [], lang)}</article>`;
      }
      if (group === 'duplicates') return `<article>${head}<p>${html(p.reason ? labels.dupReasons[p.reason] : '')}: ${html(row.detail)}</p></article>`;
      if (group === 'crossMatches' || group === 'invalid') return `<article>${head}<p>${html(row.detail)}</p></article>`;
      return `<article>${head}</article>`;
    })
    .join('');
  const more = total > items.length ? `<p class="muted">${html(labels.more(total))}</p>` : '';
  return `<section id="${group}"><h2>${html(labels.groups[group])} <span class="count">${total.toLocaleString(lang)}</span></h2>${body}${more}</section>`;
}

/**
 * The report as one self-contained HTML file a person can read and pass on: the summary with a
 * chart, then each group with the records and, where they differ, the bank's value beside the
 * array's, the array's highlighted. No script, no stylesheet or font from elsewhere.
 */
export function reportHtml(
  view: ReconciliationView,
  groups: ReadonlyMap<ReconciliationGroup, readonly ReconciliationItem[]>,
  lang: Language,
): string {
  const labels = LABELS[lang];
  const summary = view.summary;
  const sections = [...groups.entries()]
    .filter(([group]) => group !== 'unchanged')
    .map(([group, items]) => groupSection(group, items, summary?.[group] ?? items.length, lang))
    .join('');
  const facts = [
    [labels.participant, view.participant],
    [labels.category, view.category],
    [labels.file, `${view.fileName} (${view.fileBytes.toLocaleString(lang)} B, ${view.format ?? '?'}, ${view.encoding ?? '?'})`],
    [labels.rows, (summary?.rows ?? view.rowsRead).toLocaleString(lang)],
    [labels.status, view.status],
    [labels.generated, new Date().toISOString()],
  ]
    .map(([k, v]) => `<tr><th scope="row">${html(k)}</th><td>${html(v)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${html(labels.title)} — ${html(view.participant)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1a202c;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.15rem;border-bottom:1px solid #e2e8f0;padding-bottom:.25rem;margin-top:2rem}
.count{color:#4a5568;font-weight:normal}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #e2e8f0;padding:.25rem .5rem;text-align:left;vertical-align:top}
.differs{background:#fefcbf;font-weight:600}article{margin:.75rem 0;padding:.5rem .75rem;border-left:3px solid #cbd5e0}
article.conflict{border-left-color:#c53030}.muted{color:#718096}code{font-size:.9em}
@media print{article{break-inside:avoid}}
</style></head><body>
<h1>${html(labels.title)}</h1>
<table class="facts">${facts}</table>
${chart(view, lang)}
${sections}
</body></html>
`;
}
