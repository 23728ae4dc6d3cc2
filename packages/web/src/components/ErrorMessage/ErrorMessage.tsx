import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { languageOf } from '../../i18n/index.ts';
import { errorText } from './error-text.ts';

/** An error for the user, with the field messages of a problem document when there are any. */
export function ErrorMessage({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const issues = error instanceof ApiError ? error.errors : [];
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{errorText(error, t, languageOf(i18n))}</p>
      {issues.length > 0 && (
        <ul className="alert__issues">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.code}`}>{issue.message}</li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
