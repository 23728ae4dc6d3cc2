import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError, CooperationStatistics, STATISTICS_TABLES, type StatisticsTable } from '@svod/core';
import { TABLE_FORMATS, csvTable, xlsxTable } from '../export/spreadsheets.ts';
import { contextOf } from '../plugins/auth.ts';
import { cooperationStatistics } from '../store/statistics.ts';
import type { RouteDeps } from './deps.ts';
import { problems } from './schemas.ts';

/** The longest period asked at once: ten years of months is already more than a chart can show. */
const MAX_DAYS = 3_660;

const Period = {
  from: Type.String({ format: 'date', description: 'First UTC day, inclusive' }),
  to: Type.String({ format: 'date', description: 'Last UTC day, inclusive' }),
};

function assertPeriod(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0) throw new AppError('validation_failed', { issues: [{ path: '/query/to', code: 'date_order', params: { before: from } }] });
  if (days > MAX_DAYS)
    throw new AppError('validation_failed', {
      issues: [{ path: '/query/to', code: 'out_of_range', params: { range: `≤ ${MAX_DAYS} days after from` } }],
    });
}

/** One table of the statistics as text cells, its columns as its schema names them. */
function tableOf(statistics: CooperationStatistics, table: StatisticsTable): { columns: string[]; rows: Record<string, string>[] } {
  const columns = Object.keys(CooperationStatistics.properties[table].items.properties);
  const rows = (statistics[table] as Record<string, unknown>[]).map((row) =>
    Object.fromEntries(columns.map((column) => [column, row[column] === null ? '' : String(row[column])])),
  );
  return { columns, rows };
}

/** The statistics of cooperation: counted from the bank's tables for the period asked. */
export const statisticsRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, { db }) => {
  app.get(
    '/statistics',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Records, checks, hits, outcomes, requests and reconciliations by agency and month',
        description:
          'BKBOP, which coordinates, reads every agency’s rows; an agency the rows it is a party to. Counted when asked, from the tables themselves.',
        querystring: Type.Object(Period, { additionalProperties: false }),
        response: { 200: CooperationStatistics, ...problems(400) },
      },
    },
    async (request) => {
      assertPeriod(request.query.from, request.query.to);
      return cooperationStatistics(contextOf(db, request), request.query.from, request.query.to);
    },
  );

  app.get(
    '/statistics/export',
    {
      schema: {
        tags: ['statistics'],
        summary: 'One table of the statistics as CSV or XLSX; always a download',
        querystring: Type.Object(
          { ...Period, table: Type.Enum(STATISTICS_TABLES), format: Type.Enum(['csv', 'xlsx'] as const, { default: 'csv' }) },
          { additionalProperties: false },
        ),
        response: { ...problems(400) },
      },
    },
    async (request, reply) => {
      const { from, to, table, format } = request.query;
      assertPeriod(from, to);
      const { columns, rows } = tableOf(await cooperationStatistics(contextOf(db, request), from, to), table);
      const cells = (async function* () {
        yield* rows;
      })();
      return reply
        .type(TABLE_FORMATS[format].contentType)
        .header('content-disposition', `attachment; filename="svod-statistics-${table}-${from}-${to}.${TABLE_FORMATS[format].extension}"`)
        .send(format === 'csv' ? csvTable(columns, cells) : xlsxTable(columns, cells, table));
    },
  );
};
