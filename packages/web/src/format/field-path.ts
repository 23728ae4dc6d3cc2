import { useTranslation } from 'react-i18next';

/**
 * A field's JSON Pointer as a person reads it: each step by its label in the language
 * (`/person/names/0/given` → «Личность › №1 › Имя»), a list position counted from one.
 */
export function useFieldPathLabel(): (path: string) => string {
  const { t } = useTranslation();
  const names: Record<string, string> = {
    ...(t('record.sections', { returnObjects: true }) as Record<string, string>),
    ...(t('record.fields', { returnObjects: true }) as Record<string, string>),
  };
  return (path) =>
    path
      .split('/')
      .slice(1)
      .map((segment) => {
        const key = segment.replaceAll('~1', '/').replaceAll('~0', '~');
        if (/^\d+$/.test(key)) return `№${Number(key) + 1}`;
        return names[key] ?? key;
      })
      .join(' › ');
}
