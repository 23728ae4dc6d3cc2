import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useApi } from './api/context.ts';
import { AppHeader } from './components/AppHeader/AppHeader.tsx';
import { ErrorMessage } from './components/ErrorMessage/ErrorMessage.tsx';
import type { Actor } from './domain.ts';
import { AdminPage } from './pages/admin/AdminPage.tsx';
import { AgreementsPage } from './pages/agreements/AgreementsPage.tsx';
import { CheckPage } from './pages/CheckPage.tsx';
import { GroupPage } from './pages/groups/GroupPage.tsx';
import { GroupsPage } from './pages/groups/GroupsPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MatchesPage } from './pages/MatchesPage.tsx';
import { HitsPage } from './pages/HitsPage.tsx';
import { HitAlerts } from './components/HitAlerts/HitAlerts.tsx';
import { EventsProvider } from './events/events.tsx';
import { RecordFormPage } from './pages/RecordFormPage.tsx';
import { RecordPage } from './pages/RecordPage.tsx';
import { RecordsPage } from './pages/RecordsPage.tsx';
import { RequestAlerts } from './pages/requests/RequestAlerts.tsx';
import { RequestFormPage } from './pages/requests/RequestFormPage.tsx';
import { RequestPage } from './pages/requests/RequestPage.tsx';
import { RequestsPage } from './pages/requests/RequestsPage.tsx';
import { useLocation } from './router/history.ts';
import { Link } from './router/Link.tsx';
import { matchRoute, recordsPath, type Route } from './router/routes.ts';
import { SessionContext, type Session } from './session.ts';

// Reconciling arrays is a few people's work: its screens load when first opened, not with the console.
const ReconcilePage = lazy(() => import('./pages/reconcile/ReconcilePage.tsx').then((m) => ({ default: m.ReconcilePage })));
// The statistics draw with the charting library, most of the console's weight: loaded when opened.
const StatisticsPage = lazy(() => import('./pages/statistics/StatisticsPage.tsx').then((m) => ({ default: m.StatisticsPage })));

type Auth =
  | { status: 'checking' }
  | { status: 'unavailable'; error: unknown }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'signed-in'; session: Session };

/** Decides between the login page and the console, and which page of the console the URL names. */
export function App() {
  const { t } = useTranslation();
  const api = useApi();
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const [auth, setAuth] = useState<Auth>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const [loggingOut, setLoggingOut] = useState(false);

  const startSession = useCallback(
    async (actor: Actor) => {
      // Without the participant list the console still works: it shows codes instead of names.
      const participants = await api.participants().catch(() => []);
      setAuth({ status: 'signed-in', session: { actor, participants } });
    },
    [api],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry button's trigger to ask again
  useEffect(() => {
    const controller = new AbortController();
    api
      .me(controller.signal)
      .then((actor) => (actor ? startSession(actor) : setAuth({ status: 'anonymous', expired: false })))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setAuth({ status: 'unavailable', error });
      });
    return () => controller.abort();
  }, [api, startSession, attempt]);

  useEffect(() => api.onUnauthenticated(() => setAuth({ status: 'anonymous', expired: true })), [api]);

  const title = `${pageTitle(route, auth, t)}${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);

  const logout = async () => {
    setLoggingOut(true);
    try {
      await api.logout();
    } catch {
      // the session ends on the server anyway when it expires; the page forgets it now
    } finally {
      setLoggingOut(false);
      setAuth({ status: 'anonymous', expired: false });
    }
  };

  if (auth.status === 'checking') {
    return (
      <p className="boot muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (auth.status === 'unavailable') {
    return (
      <main className="page page--narrow" id="main">
        <ErrorMessage error={auth.error}>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </ErrorMessage>
      </main>
    );
  }
  if (auth.status === 'anonymous') {
    return <LoginPage onLoggedIn={(actor) => void startSession(actor)} notice={auth.expired ? t('errors.sessionExpired') : undefined} />;
  }

  return (
    <SessionContext.Provider value={auth.session}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <EventsProvider>
        <AppHeader onLogout={() => void logout()} loggingOut={loggingOut} />
        <HitAlerts />
        <RequestAlerts />
        {route.page === 'home' && <HomePage />}
        {route.page === 'records' && <RecordsPage />}
        {route.page === 'record' && <RecordPage key={route.id} id={route.id} />}
        {route.page === 'new-record' && <RecordFormPage category={new URLSearchParams(location.search).get('category') ?? undefined} />}
        {route.page === 'edit-record' && <RecordFormPage key={route.id} id={route.id} />}
        {route.page === 'check' && <CheckPage />}
        {route.page === 'admin' && <AdminPage />}
        {route.page === 'matches' && <MatchesPage />}
        {route.page === 'hits' && <HitsPage />}
        {route.page === 'requests' && <RequestsPage />}
        {route.page === 'new-request' && <RequestFormPage key={location.search} search={location.search} />}
        {route.page === 'request' && <RequestPage key={route.id} id={route.id} />}
        {route.page === 'edit-request' && <RequestFormPage key={route.id} id={route.id} />}
        {route.page === 'agreements' && <AgreementsPage />}
        {route.page === 'groups' && <GroupsPage />}
        {route.page === 'group' && <GroupPage key={route.id} id={route.id} />}
        {route.page === 'reconcile' && (
          <Suspense
            fallback={
              <p className="boot muted" role="status">
                {t('common.loading')}
              </p>
            }
          >
            <ReconcilePage id={route.id} />
          </Suspense>
        )}
        {route.page === 'statistics' && (
          <Suspense
            fallback={
              <p className="boot muted" role="status">
                {t('common.loading')}
              </p>
            }
          >
            <StatisticsPage search={location.search} />
          </Suspense>
        )}
        {route.page === 'not-found' && (
          <main className="page" id="main">
            <div className="alert alert--info" role="alert">
              <p className="alert__title">{t('errors.pageNotFound')}</p>
              <Link to={recordsPath()}>{t('errors.toRecords')}</Link>
            </div>
          </main>
        )}
      </EventsProvider>
    </SessionContext.Provider>
  );
}

function pageTitle(route: Route, auth: Auth, t: TFunction): string {
  if (auth.status !== 'signed-in') return auth.status === 'anonymous' ? `${t('login.title')} — ` : '';
  if (route.page === 'records') return `${t('records.title')} — `;
  if (route.page === 'check') return `${t('check.title')} — `;
  if (route.page === 'new-record') return `${t('form.newTitle')} — `;
  if (route.page === 'admin') return `${t('admin.title')} — `;
  if (route.page === 'matches') return `${t('matches.title')} — `;
  if (route.page === 'hits') return `${t('hits.title')} — `;
  if (route.page === 'reconcile') return `${t('reconcile.title')} — `;
  if (route.page === 'requests' || route.page === 'request') return `${t('requests.title')} — `;
  if (route.page === 'new-request') return `${t('requests.form.newTitle')} — `;
  if (route.page === 'edit-request') return `${t('requests.form.editTitle')} — `;
  if (route.page === 'agreements') return `${t('agreements.title')} — `;
  if (route.page === 'statistics') return `${t('statistics.title')} — `;
  if (route.page === 'groups' || route.page === 'group') return `${t('groups.title')} — `;
  return '';
}
