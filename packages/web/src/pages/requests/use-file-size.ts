import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format.ts';

/** A file's size as people read it: bytes, kilobytes or megabytes, in the interface language. */
export function useFileSize(): (bytes: number) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (bytes) =>
    bytes < 1024
      ? t('units.bytes', { value: format.number(bytes) })
      : bytes < 1024 * 1024
        ? t('units.kilobytes', { value: format.number(bytes / 1024) })
        : t('units.megabytes', { value: format.number(bytes / (1024 * 1024)) });
}
