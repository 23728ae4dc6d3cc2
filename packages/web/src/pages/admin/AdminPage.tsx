import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COORDINATING_BODY } from '@svod/core';
import { useApi } from '../../api/context.ts';
import { useReloadable } from '../../api/use-reloadable.ts';
import { mayAdminister, useSession } from '../../session.ts';
import { ApiKeysPanel } from './ApiKeysPanel.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { FederationPanel } from './FederationPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import { WebhooksPanel } from './WebhooksPanel.tsx';

const TABS = ['users', 'keys', 'webhooks', 'audit', 'federation'] as const;
type Tab = (typeof TABS)[number];

/** An administrator's screens: the agency's users, its national systems' API keys and webhooks, the audit trail; for BKBOP's, and at a national node, the federation. */
export function AdminPage() {
  const { t } = useTranslation();
  const { actor } = useSession();
  const api = useApi();
  const [tab, setTab] = useState<Tab>('users');
  const id = useId();
  // A national node's own administrators watch its link with the bank; BKBOP's watch every node.
  const { data: health } = useReloadable(
    useCallback((signal: AbortSignal) => api.call<{ federation?: { role: string } }>('GET', '/health', { signal }), [api]),
  );
  const seesFederation = actor.participant === COORDINATING_BODY || health?.federation?.role === 'national';
  if (!mayAdminister(actor)) {
    return (
      <main className="page" id="main">
        <div className="alert alert--info" role="alert">
          <p className="alert__title">{t('admin.forbidden')}</p>
        </div>
      </main>
    );
  }
  return (
    <main className="page" id="main">
      <div className="page__heading">
        <h1 className="page__title">{t('admin.title')}</h1>
      </div>
      <div className="tabs" role="tablist" aria-label={t('admin.title')}>
        {TABS.filter((name) => name !== 'federation' || seesFederation).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${id}-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-${name}-panel`}
            className={`tabs__tab${tab === name ? ' is-selected' : ''}`}
            onClick={() => setTab(name)}
          >
            {t(`admin.${name}.title`)}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}`} className="card admin-card">
        {tab === 'users' && <UsersPanel />}
        {tab === 'keys' && <ApiKeysPanel />}
        {tab === 'webhooks' && <WebhooksPanel />}
        {tab === 'audit' && <AuditPanel />}
        {tab === 'federation' && <FederationPanel />}
      </section>
    </main>
  );
}
