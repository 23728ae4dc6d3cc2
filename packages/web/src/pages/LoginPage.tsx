import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.ts';
import { Brand } from '../components/AppHeader/AppHeader.tsx';
import { ErrorMessage } from '../components/ErrorMessage/ErrorMessage.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch/LanguageSwitch.tsx';
import type { Actor } from '../domain.ts';

/** Username and password; the server sets the session cookie on success. */
export function LoginPage({ onLoggedIn, notice }: { onLoggedIn: (actor: Actor) => void; notice?: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const usernameId = useId();
  const passwordId = useId();
  const titleId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const result = await api.login(username.trim(), password);
      onLoggedIn(result.actor);
    } catch (failure) {
      setError(failure);
      setPassword('');
      setSubmitting(false);
    }
  };

  return (
    <div className="login">
      <div className="login__top">
        <LanguageSwitch />
      </div>
      <main className="login__main" id="main">
        <div className="login__brand">
          <Brand />
        </div>
        <form className="card login__card" onSubmit={submit} aria-labelledby={titleId}>
          <h1 id={titleId} className="login__title">
            {t('login.title')}
          </h1>
          <p className="login__intro">{t('login.intro')}</p>
          {notice && !error && (
            <div className="alert alert--info" role="status">
              {notice}
            </div>
          )}
          {error !== null && <ErrorMessage error={error} />}
          <div className="form-field">
            <label htmlFor={usernameId}>{t('login.username')}</label>
            <input
              id={usernameId}
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              maxLength={100}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              // biome-ignore lint/a11y/noAutofocus: the login page has one task, and the username is where it starts
              autoFocus
            />
          </div>
          <div className="form-field">
            <label htmlFor={passwordId}>{t('login.password')}</label>
            <input
              id={passwordId}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              maxLength={200}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary button--block" disabled={submitting}>
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
          <p className="login__notice">{t('login.notice')}</p>
        </form>
      </main>
    </div>
  );
}
