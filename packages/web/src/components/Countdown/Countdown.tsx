import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const pad = (n: number) => String(n).padStart(2, '0');

/** `1:05:09`, `4:07`: what is left, to the second. */
function remaining(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** Time left to a deadline, ticking each second; past it, how long overdue, in the alarm colour. */
export function Countdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Date.parse(deadline) - now;
  return (
    <time dateTime={deadline} className={`countdown${left < 0 ? ' countdown--overdue' : ''}`}>
      {left >= 0 ? t('hits.left', { time: remaining(left) }) : t('hits.overdue', { time: remaining(left) })}
    </time>
  );
}
