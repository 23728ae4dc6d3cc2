import { useCallback, useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CooperationStatistics } from '@svod/core';
import { useFormat } from '../../format/use-format.ts';
import { useSession } from '../../session.ts';
import { Chart, type ChartOption } from './Chart.tsx';
import { ChartTable, type TableData } from './DataTable.tsx';
import { bySide, flows, isState, MEASURES, monthly, monthsOf, outcomesByCategory, type Flow } from './figures.ts';

/** A state by its name in the language; an agency of no state (BKBOP) by its code. */
function useSideName(): (side: string) => string {
  const { participants } = useSession();
  const format = useFormat();
  return useCallback((side: string) => (isState(participants, side) ? format.country(side) : side), [participants, format]);
}

function ChartSection(props: {
  title: string;
  label: string;
  option: Omit<ChartOption, 'tooltip'>;
  tooltip: 'axis' | 'item';
  table: TableData;
  /** False when there is nothing to draw: the words above the table say so instead. */
  drawn?: boolean;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card section stat-chart" aria-labelledby={id}>
      <h2 className="section__title" id={id}>
        {props.title}
      </h2>
      {props.children}
      {props.drawn !== false && <Chart option={props.option} tooltip={props.tooltip} label={props.label} />}
      <ChartTable label={props.title} data={props.table} />
    </section>
  );
}

/** The four pictures of the period: month by month, state by state, who asks whom, what was found. */
export function StatisticsCharts({ stats }: { stats: CooperationStatistics }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { participants } = useSession();
  const sideName = useSideName();
  const measureNames = MEASURES.map((m) => t(`statistics.measures.${m}`));

  const trends = useMemo(() => {
    const months = monthsOf(stats);
    const values = monthly(stats, months);
    const labels = months.map(format.date);
    const option: Omit<ChartOption, 'tooltip'> = {
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: labels, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: MEASURES.map((m) => ({ type: 'line', name: t(`statistics.measures.${m}`), data: values[m] })),
    };
    const table: TableData = {
      head: [t('statistics.trends.month'), ...MEASURES.map((m) => t(`statistics.measures.${m}`))],
      rows: months.map((month, i) => ({ key: month, cells: [labels[i]!, ...MEASURES.map((m) => format.number(values[m][i] ?? 0))] })),
    };
    return { option, table };
  }, [stats, format, t]);

  const sides = useMemo(() => {
    const { sides, values } = bySide(stats, participants);
    const names = sides.map(sideName);
    const option: Omit<ChartOption, 'tooltip'> = {
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: MEASURES.map((m) => ({ type: 'bar', name: t(`statistics.measures.${m}`), data: values[m], barMaxWidth: 24 })),
    };
    const table: TableData = {
      head: [t('statistics.states.state'), ...MEASURES.map((m) => t(`statistics.measures.${m}`))],
      rows: sides.map((side, i) => ({ key: side, cells: [names[i]!, ...MEASURES.map((m) => format.number(values[m][i] ?? 0))] })),
    };
    return { option, table };
  }, [stats, participants, sideName, format, t]);

  const requestFlows = useMemo(() => {
    const { between, within } = flows(stats, participants);
    // A Sankey allows no cycles: the recipients are nodes of their own, marked with an arrow.
    const target = (side: string) => `→ ${sideName(side)}`;
    const nodes = [...new Set(between.map((f) => sideName(f.sender)))].concat([...new Set(between.map((f) => target(f.recipient)))]);
    const option: Omit<ChartOption, 'tooltip'> = {
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 160,
          top: 16,
          bottom: 16,
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'gradient', opacity: 0.4 },
          data: nodes.map((name) => ({ name })),
          links: between.map((f) => ({ source: sideName(f.sender), target: target(f.recipient), value: f.sent })),
        },
      ],
    };
    const row = (f: Flow) => ({ key: `${f.sender}→${f.recipient}`, cells: [sideName(f.sender), sideName(f.recipient), format.number(f.sent)] });
    const table: TableData = {
      head: [t('statistics.flows.sender'), t('statistics.flows.recipient'), t('statistics.flows.sent')],
      rows: [...between, ...within].map(row),
    };
    return { option, table, between, within };
  }, [stats, participants, sideName, format, t]);

  const outcomes = useMemo(() => {
    const rows = outcomesByCategory(stats);
    const labels = rows.map((r) => `${t(`categories.${r.category}`)}: ${t(`statistics.outcomes.${r.outcome}`)}`);
    const option: Omit<ChartOption, 'tooltip'> = {
      grid: { left: 16, right: 32, top: 16, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: [{ type: 'bar', name: t('statistics.outcomesChart.count'), data: rows.map((r) => r.count), barMaxWidth: 24 }],
    };
    const table: TableData = {
      head: [t('statistics.outcomesChart.array'), t('statistics.outcomesChart.count')],
      rows: rows.map((r, i) => ({ key: r.category, cells: [labels[i]!, format.number(r.count)] })),
    };
    return { option, table };
  }, [stats, format, t]);

  return (
    <div className="stat-charts">
      <ChartSection
        title={t('statistics.trends.title')}
        label={t('statistics.trends.label', { measures: measureNames.join(', ') })}
        option={trends.option}
        tooltip="axis"
        table={trends.table}
      />
      <ChartSection
        title={t('statistics.states.title')}
        label={t('statistics.states.label', { measures: measureNames.join(', ') })}
        option={sides.option}
        tooltip="axis"
        table={sides.table}
      >
        <p className="muted">{t('statistics.states.note')}</p>
      </ChartSection>
      <ChartSection
        title={t('statistics.flows.title')}
        label={t('statistics.flows.label')}
        option={requestFlows.option}
        tooltip="item"
        table={requestFlows.table}
        drawn={requestFlows.between.length > 0}
      >
        {requestFlows.between.length === 0 && <p className="muted">{t('statistics.flows.empty')}</p>}
        {requestFlows.within.length > 0 && <p className="muted">{t('statistics.flows.within')}</p>}
      </ChartSection>
      <ChartSection
        title={t('statistics.outcomesChart.title')}
        label={t('statistics.outcomesChart.label')}
        option={outcomes.option}
        tooltip="axis"
        table={outcomes.table}
      />
    </div>
  );
}
