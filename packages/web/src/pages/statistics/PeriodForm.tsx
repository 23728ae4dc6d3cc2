import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField, FormContext, type FormState } from '../../forms/fields.tsx';
import { setAt, type Draft } from '../../forms/draft.ts';
import { isDay, type Period } from './figures.ts';

/** The days the figures are counted over; `onShow` is given a valid period only. */
export function PeriodForm({ period, onShow }: { period: Period; onShow: (period: Period) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>({ ...period });
  const [errors, setErrors] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const form = useMemo<FormState>(
    () => ({ draft, set: (path, value) => setDraft((current) => setAt(current, path, value)), errors, generation: 0 }),
    [draft, errors],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { from, to } = draft;
    const found = new Map<string, string[]>();
    if (!isDay(from)) found.set('/from', [t('statistics.period.invalidDate')]);
    if (!isDay(to)) found.set('/to', [t('statistics.period.invalidDate')]);
    else if (isDay(from) && to < from) found.set('/to', [t('statistics.period.backwards')]);
    setErrors(found);
    if (found.size === 0 && isDay(from) && isDay(to)) onShow({ from, to });
  };

  return (
    <FormContext.Provider value={form}>
      <form className="card stat-period" aria-labelledby={id} onSubmit={submit} noValidate>
        <h2 className="visually-hidden" id={id}>
          {t('statistics.period.title')}
        </h2>
        <DateField path="/from" label={t('statistics.period.from')} required />
        <DateField path="/to" label={t('statistics.period.to')} required />
        <div className="stat-period__actions">
          <button type="submit" className="button button--primary">
            {t('statistics.period.show')}
          </button>
        </div>
      </form>
    </FormContext.Provider>
  );
}
