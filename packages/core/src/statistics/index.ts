import { Type, type Static } from 'typebox';
import { CATEGORIES, type Category } from '../schemas/record.ts';

const Month = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$', description: 'UTC month, YYYY-MM' });
const Count = Type.Integer({ minimum: 0 });
const Agency = Type.String();
const Array_ = Type.Enum(CATEGORIES);
const Hours = Type.Union([Type.Number(), Type.Null()]);

/**
 * The statistics of cooperation: flat rows, one measure each, by agency (and so by state) and by
 * UTC month, so that a chart, a table and a spreadsheet read the same thing. Every figure is
 * counted from the bank's own tables, whole, at most a minute before; none is a counter kept on the side.
 */
export const CooperationStatistics = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  countedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description:
      'When records, checks, hits and requests were last counted by day (a running server counts them every minute); answer times and reconciliations are read at each call',
  }),
  recordsAdded: Type.Array(Type.Object({ owner: Agency, category: Array_, month: Month, count: Count }), {
    description: 'Records entered in the period, by owner, array and month',
  }),
  recordsActive: Type.Array(Type.Object({ owner: Agency, category: Array_, count: Count }), {
    description: 'Records in force now, by owner and array',
  }),
  outcomes: Type.Array(Type.Object({ owner: Agency, category: Array_, month: Month, count: Count }), {
    description:
      'Records that reached their end in the period (status located): a wanted person detained, a missing person found, a body or a living person identified, a firearm identified, a vehicle recovered',
  }),
  checks: Type.Array(Type.Object({ participant: Agency, month: Month, count: Count }), {
    description: 'Field checks made, by the checking agency and month, from the audit trail',
  }),
  hits: Type.Array(Type.Object({ owner: Agency, requester: Agency, month: Month, count: Count, confirmed: Count }), {
    description: "Hits opened, by the record's owner, the checking agency and month",
  }),
  requests: Type.Array(Type.Object({ sender: Agency, recipient: Agency, month: Month, sent: Count, answered: Count, overdue: Count }), {
    description: 'Requests sent, by sender, recipient and month',
  }),
  answerTimes: Type.Array(Type.Object({ recipient: Type.Union([Agency, Type.Null()]), answered: Count, medianHours: Hours, p90Hours: Hours }), {
    description: 'Hours from sending to the answer, by recipient, and over all (recipient null)',
  }),
  reconciliations: Type.Array(Type.Object({ participant: Agency, month: Month, runs: Count, new: Count, changed: Count, stale: Count }), {
    description: 'Reconciliations run, by agency and month, with what they found',
  }),
});
export type CooperationStatistics = Static<typeof CooperationStatistics>;

/** The tables of the statistics, each exportable on its own (CSV, XLSX). */
export const STATISTICS_TABLES = [
  'recordsAdded',
  'recordsActive',
  'outcomes',
  'checks',
  'hits',
  'requests',
  'answerTimes',
  'reconciliations',
] as const;
export type StatisticsTable = (typeof STATISTICS_TABLES)[number];

/** What a located record means in each array, for labels: detained, found, identified, recovered. */
export const OUTCOME_OF_CATEGORY: Record<Category, 'detained' | 'found' | 'identified' | 'recovered'> = {
  wanted_person: 'detained',
  missing_person: 'found',
  unidentified_corpse: 'identified',
  unidentified_person: 'identified',
  firearm: 'identified',
  vehicle: 'recovered',
};
