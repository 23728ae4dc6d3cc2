import { useTranslation } from 'react-i18next';
import type { CheckContribution } from '../../api/client.ts';
import type { TFunction } from 'i18next';
import { isCheckField, isCheckLevel, isNamelessField } from '../../domain.ts';
import { useFormat } from '../../format/use-format.ts';

/** Bits at which a field's bar is drawn full: a passport number agreeing is worth about this. */
const FULL_BAR_BITS = 16;

/** A field's name in words: a check's field (names, identifiers) or a description's (a nameless pair's). */
const fieldName = (t: TFunction, field: string) =>
  isCheckField(field) ? t(`check.fields.${field}`) : isNamelessField(field) ? t(`nameless.fields.${field}`) : field;

/** The fields that speak for and against, strongest first: the reason in plain words. */
export function Reason({ explanation }: { explanation: readonly CheckContribution[] }) {
  const { t } = useTranslation();
  const name = (c: CheckContribution) => fieldName(t, c.field);
  const byStrength = [...explanation].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const agree = byStrength.filter((c) => c.weight >= 1).map(name);
  const differ = byStrength.filter((c) => c.weight <= -1).map(name);
  return (
    <p className="check-candidate__reason">
      {agree.length > 0 && t('check.reason.agree', { fields: agree.join(', ') })}
      {agree.length > 0 && differ.length > 0 && ' '}
      {differ.length > 0 && t('check.reason.differ', { fields: differ.join(', ') })}
    </p>
  );
}

/** Each field's comparison and its weight in bits, with a bar for how much it speaks for or against. */
export function ExplanationTable({ explanation }: { explanation: readonly CheckContribution[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (explanation.length === 0) return null;
  return (
    <table className="table table--compact check-explanation">
      <caption className="check-explanation__caption">{t('check.explanation.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('check.explanation.field')}</th>
          <th scope="col">{t('check.explanation.level')}</th>
          <th scope="col" className="table__right">
            {t('check.explanation.weight')}
          </th>
          <th scope="col" className="explanation-bar__head">
            <span className="visually-hidden">{t('check.explanation.bar')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {explanation.map((c) => {
          const sign = c.weight > 0 ? '+' : c.weight < 0 ? '−' : '';
          const tone = c.weight > 0 ? ' check-weight--plus' : c.weight < 0 ? ' check-weight--minus' : '';
          return (
            <tr key={c.field}>
              <td className="strong">{fieldName(t, c.field)}</td>
              <td>{isCheckLevel(c.level) ? t(`check.levels.${c.level}`) : c.level}</td>
              <td className={`table__right check-weight${tone}`}>{t('check.weight', { value: `${sign}${format.number(Math.abs(c.weight))}` })}</td>
              <td className="explanation-bar" aria-hidden="true">
                <span className={`explanation-bar__fill${tone}`} style={{ width: `${Math.min(100, (Math.abs(c.weight) / FULL_BAR_BITS) * 100)}%` }} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
