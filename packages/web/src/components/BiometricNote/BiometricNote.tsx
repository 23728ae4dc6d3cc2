import { useTranslation } from 'react-i18next';

/** Which biometric comparison a missing ~ unidentified pair allows: what the reviewer can order next. */
export function BiometricNote({ biometrics }: { biometrics: { both: readonly string[] } }) {
  const { t } = useTranslation();
  if (biometrics.both.length === 0) return <p className="muted">{t('nameless.noCommonReference')}</p>;
  const kinds = biometrics.both.map((k) => t(`nameless.biometrics.${k as 'dna'}`)).join(', ');
  return <p className="strong">{t('nameless.compare', { kinds })}</p>;
}
