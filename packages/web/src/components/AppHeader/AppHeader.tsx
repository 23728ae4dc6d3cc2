import { useTranslation } from 'react-i18next';
import { languageOf } from '../../i18n/index.ts';
import { useLocation } from '../../router/history.ts';
import { Link } from '../../router/Link.tsx';
import {
  adminPath,
  agreementsPath,
  hitsPath,
  matchesPath,
  checkPath,
  groupsPath,
  homePath,
  matchRoute,
  reconcilePath,
  recordsPath,
  requestsPath,
  statisticsPath,
} from '../../router/routes.ts';
import { mayAdminister, mayImport, participantName, useSession } from '../../session.ts';
import { LanguageSwitch } from '../LanguageSwitch/LanguageSwitch.tsx';

export function Brand() {
  const { t } = useTranslation();
  return (
    <span className="brand">
      <span className="brand__mark" aria-hidden="true">
        {t('app.name').slice(0, 1)}
      </span>
      <span className="brand__text">
        <span className="brand__name">{t('app.name')}</span>
        <span className="brand__tagline">{t('app.tagline')}</span>
      </span>
    </span>
  );
}

/** The bar on every page after login: the bank, where to go, who is working, language, sign-out. */
export function AppHeader({ onLogout, loggingOut }: { onLogout: () => void; loggingOut: boolean }) {
  const { t, i18n } = useTranslation();
  const { actor, participants } = useSession();
  const route = matchRoute(useLocation().pathname);
  const current = route.page;
  const onList = current === 'records';
  const inRecords = onList || current === 'record';
  const inRequests = current === 'requests' || current === 'request' || current === 'new-request' || current === 'edit-request';
  const inGroups = current === 'groups' || current === 'group';
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to={homePath()} className="app-header__home">
          <Brand />
        </Link>
        <nav className="app-header__nav" aria-label={t('header.navigation')}>
          <Link to={recordsPath()} className={`app-header__nav-link${inRecords ? ' is-active' : ''}`} aria-current={onList ? 'page' : undefined}>
            {t('header.records')}
          </Link>
          <Link
            to={checkPath()}
            className={`app-header__nav-link${current === 'check' ? ' is-active' : ''}`}
            aria-current={current === 'check' ? 'page' : undefined}
          >
            {t('header.check')}
          </Link>
          {actor.role !== 'administrator' && (
            <Link
              to={hitsPath()}
              className={`app-header__nav-link${current === 'hits' ? ' is-active' : ''}`}
              aria-current={current === 'hits' ? 'page' : undefined}
            >
              {t('header.hits')}
            </Link>
          )}
          {actor.role !== 'administrator' && (
            <Link
              to={requestsPath()}
              className={`app-header__nav-link${inRequests ? ' is-active' : ''}`}
              aria-current={current === 'requests' ? 'page' : undefined}
            >
              {t('header.requests')}
            </Link>
          )}
          {actor.role !== 'administrator' && (
            <Link
              to={matchesPath()}
              className={`app-header__nav-link${current === 'matches' ? ' is-active' : ''}`}
              aria-current={current === 'matches' ? 'page' : undefined}
            >
              {t('header.matches')}
            </Link>
          )}
          {actor.role !== 'administrator' && (
            <Link
              to={groupsPath()}
              className={`app-header__nav-link${inGroups ? ' is-active' : ''}`}
              aria-current={current === 'groups' ? 'page' : undefined}
            >
              {t('header.groups')}
            </Link>
          )}
          <Link
            to={agreementsPath()}
            className={`app-header__nav-link${current === 'agreements' ? ' is-active' : ''}`}
            aria-current={current === 'agreements' ? 'page' : undefined}
          >
            {t('header.agreements')}
          </Link>
          <Link
            to={statisticsPath()}
            className={`app-header__nav-link${current === 'statistics' ? ' is-active' : ''}`}
            aria-current={current === 'statistics' ? 'page' : undefined}
          >
            {t('header.statistics')}
          </Link>
          {mayImport(actor) && (
            <Link
              to={reconcilePath()}
              className={`app-header__nav-link${current === 'reconcile' ? ' is-active' : ''}`}
              aria-current={route.page === 'reconcile' && !route.id ? 'page' : undefined}
            >
              {t('header.reconcile')}
            </Link>
          )}
          {mayAdminister(actor) && (
            <Link
              to={adminPath()}
              className={`app-header__nav-link${current === 'admin' ? ' is-active' : ''}`}
              aria-current={current === 'admin' ? 'page' : undefined}
            >
              {t('header.admin')}
            </Link>
          )}
        </nav>
        <div className="app-header__user">
          <span className="visually-hidden">{t('header.user')}: </span>
          <span className="app-header__user-name">{actor.name}</span>
          <span className="app-header__user-meta">
            <span title={actor.participant}>{participantName(participants, actor.participant, languageOf(i18n))}</span>
            <span aria-hidden="true"> · </span>
            <span className="app-header__role">{t(`roles.${actor.role}`)}</span>
          </span>
        </div>
        <LanguageSwitch tone="dark" />
        <button type="button" className="button button--ghost-dark" onClick={onLogout} disabled={loggingOut}>
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}
