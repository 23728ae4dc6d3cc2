import { Type, type Static } from 'typebox';
import { MAPPABLE_FIELDS } from '../reconcile/mapping.ts';
import { CATEGORIES } from './record.ts';

/** The groups of a reconciliation's report, in the order a reader meets them. */
export const RECONCILIATION_GROUPS = ['new', 'changed', 'unchanged', 'stale', 'duplicates', 'conflicts', 'crossMatches', 'invalid'] as const;
export type ReconciliationGroup = (typeof RECONCILIATION_GROUPS)[number];
/** The groups applying can write: the rest are for a person to read. */
export const APPLICABLE_GROUPS = ['new', 'changed', 'conflicts', 'stale'] as const;
export type ApplicableGroup = (typeof APPLICABLE_GROUPS)[number];
export const RECONCILIATION_STATUSES = ['uploaded', 'reading', 'compared', 'applied', 'failed'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];
/** Where a run is: reading the file (and comparing its rows as they come), finishing the comparison, matching with other states' records, storing the report. */
export const RECONCILE_STAGES = ['reading', 'comparing', 'matching', 'storing'] as const;
export type ReconcileStage = (typeof RECONCILE_STAGES)[number];

export const ReconciliationSummary = Type.Object(
  Object.fromEntries([...RECONCILIATION_GROUPS, 'rows'].map((group) => [group, Type.Integer({ minimum: 0 })])) as Record<
    ReconciliationGroup | 'rows',
    ReturnType<typeof Type.Integer>
  >,
);
export type ReconciliationSummary = Static<typeof ReconciliationSummary>;

export const AppliedChange = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  expired: Type.Integer(),
  skipped: Type.Integer({ description: 'Conflicts with a record the bank has cancelled: a cancelled record is closed for good' }),
});
export type AppliedChange = Static<typeof AppliedChange>;

/**
 * A reconciliation of a national array with the bank, as it stands. Shared by the server, which
 * answers with it, and the console, which shows it.
 */
export const ReconciliationView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  participant: Type.String(),
  category: Type.Enum(CATEGORIES),
  fileName: Type.String(),
  fileBytes: Type.Integer(),
  format: Type.Union([Type.String(), Type.Null()]),
  encoding: Type.Union([Type.String(), Type.Null()]),
  headers: Type.Union([Type.Array(Type.String()), Type.Null()], { description: "The file's columns in their order" }),
  mapping: Type.Union([Type.Record(Type.String(), Type.Union([Type.Enum(MAPPABLE_FIELDS), Type.Null()])), Type.Null()], {
    description: "Each column's field, in the file's order; null for a column left unused",
  }),
  status: Type.Enum(RECONCILIATION_STATUSES),
  stage: Type.Union([Type.Enum(RECONCILE_STAGES), Type.Null()], { description: 'Where a run is' }),
  rowsRead: Type.Integer({ description: 'Rows read so far: the progress of a run, whose total is not known until it ends' }),
  summary: Type.Union([ReconciliationSummary, Type.Null()]),
  error: Type.Union([
    Type.Object({ code: Type.String(), message: Type.String(), row: Type.Optional(Type.Integer()), column: Type.Optional(Type.String()) }),
    Type.Null(),
  ]),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  appliedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  applied: Type.Union([AppliedChange, Type.Null()]),
});
export type ReconciliationView = Static<typeof ReconciliationView>;

/** One entry of a report group; what `payload` holds depends on the group. */
export const ReconciliationItem = Type.Object({
  group: Type.Enum(RECONCILIATION_GROUPS),
  seq: Type.Integer({ description: "The item's place in its group: the `after` of the next page" }),
  row: Type.Union([Type.Integer(), Type.Null()]),
  recordId: Type.Union([Type.String(), Type.Null()]),
  recordVersion: Type.Union([Type.Integer(), Type.Null()]),
  payload: Type.Record(Type.String(), Type.Unknown()),
});
export type ReconciliationItem = Static<typeof ReconciliationItem>;
