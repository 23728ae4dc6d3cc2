import { useMemo, useSyncExternalStore } from 'react';

/** Fired on `window` after the console itself changes the URL (the History API has no event for that). */
const NAVIGATED = 'svod:navigated';

export interface AppLocation {
  pathname: string;
  search: string;
}

/** Shows another page of the console without reloading. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) {
    window.history.replaceState(null, '', to);
  } else {
    window.history.pushState(null, '', to);
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new Event(NAVIGATED));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

const currentHref = () => window.location.pathname + window.location.search;

/** The current path and query; re-renders on navigation and on the browser's back/forward. */
export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, currentHref);
  return useMemo(() => {
    const url = new URL(href, window.location.origin);
    return { pathname: url.pathname, search: url.search };
  }, [href]);
}
