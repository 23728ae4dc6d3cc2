import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../domain.ts';
import { RECONCILIATION_GROUPS, type ReconciliationGroup } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';
import { GroupItems } from './GroupItems.tsx';

/** Rows the array has as the bank does are counted, not kept: there is nothing of them to list. */
const LISTED = RECONCILIATION_GROUPS.filter((group) => group !== 'unchanged');

/** The report's groups as tabs, each listing its entries a page at a time. */
export function ReportGroups({ view, summary }: { view: ReconciliationView; summary: NonNullable<ReconciliationView['summary']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [group, setGroup] = useState<ReconciliationGroup>(() => LISTED.find((g) => summary[g] > 0) ?? 'new');

  return (
    <section className="card reconcile-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section__title">
        {t('reconcile.report.items')}
      </h2>
      <div className="tabs tabs--wrap" role="tablist" aria-labelledby={`${id}-title`}>
        {LISTED.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${id}-${name}`}
            aria-selected={group === name}
            aria-controls={`${id}-${name}-panel`}
            className={`tabs__tab${group === name ? ' is-selected' : ''}`}
            onClick={() => setGroup(name)}
          >
            {t(`reconcile.report.groups.${name}`)} <span className="reconcile-tab__count">{format.number(summary[name])}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${group}-panel`} aria-labelledby={`${id}-${group}`} className="reconcile-panel">
        <GroupItems key={group} view={view} group={group} total={summary[group]} />
      </div>
    </section>
  );
}
