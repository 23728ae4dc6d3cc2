import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbort, type CrossmatchProgress as Progress } from '../../api/client.ts';
import { useApi } from '../../api/context.ts';
import { useFormat } from '../../format/use-format.ts';

/** How often the count is asked again while records wait: a bulk import drains in minutes, not seconds. */
const POLL_MS = 3_000;

/**
 * How far the bank has come cross-matching the agency's records — after a bulk import, the
 * thousands still waiting, counting down as the background matcher works through them. Shows
 * nothing when none wait.
 */
export function CrossmatchProgress() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [progress, setProgress] = useState<Progress | null>(null);
  /** The most seen waiting at once: the bar's whole length. */
  const [peak, setPeak] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      api
        .crossmatchProgress(controller.signal)
        .then((next) => {
          setProgress(next);
          setPeak((before) => Math.max(before, next.waiting));
          if (next.waiting > 0) timer = setTimeout(ask, POLL_MS);
        })
        // A count that cannot be had is left out rather than shown as an error: nothing depends on it.
        .catch((failure: unknown) => {
          if (!isAbort(failure)) setProgress(null);
        });
    void ask();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [api]);

  if (!progress || progress.waiting === 0) return null;
  return (
    <section className="card crossmatch-progress" aria-label={t('crossmatchProgress.title')}>
      <h2 className="section__title">{t('crossmatchProgress.title')}</h2>
      <progress max={peak} value={peak - progress.waiting} aria-label={t('crossmatchProgress.title')} />
      <p role="status">{t('crossmatchProgress.waiting', { waiting: format.number(progress.waiting), backlog: format.number(progress.backlog) })}</p>
    </section>
  );
}
