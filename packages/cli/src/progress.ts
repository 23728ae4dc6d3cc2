import cliProgress from 'cli-progress';
import type { Translate } from './i18n.ts';

export interface Progress {
  update: (done: number) => void;
  stop: () => void;
}

/**
 * A progress bar on a terminal; elsewhere (CI, pipes) a plain line every few seconds,
 * so long operations always show they are alive. Always on stderr: stdout may carry data.
 */
export function startProgress(t: Translate, label: string, total?: number): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: total ? `${label} [{bar}] {percentage}% {value}/{total} {eta_formatted}` : `${label} {value}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total ?? 0, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let last = 0;
  let latest = 0;
  return {
    update: (done) => {
      latest = done;
      if (Date.now() - last > 2000) {
        last = Date.now();
        process.stderr.write(`${label}: ${done}${total ? `/${total}` : ''}\n`);
      }
    },
    stop: () => process.stderr.write(`${label}: ${latest}${total ? `/${total}` : ''} ${t('progress.done')}\n`),
  };
}
