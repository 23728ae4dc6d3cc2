import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReloadable } from '../../api/use-reloadable.ts';
import { useApi } from '../../api/context.ts';
import { ErrorMessage } from '../../components/ErrorMessage/ErrorMessage.tsx';
import { setAt, type Draft } from '../../forms/draft.ts';
import { errorsByPath, FormContext, SelectField, TextField, type FormState } from '../../forms/fields.tsx';

const EMPTY: Draft = { username: '', displayName: '', role: 'operator', password: '' };

/** The agency's users, and a new one added with the password they will change at first use. */
export function UsersPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const { data: users, error: loadError, reload } = useReloadable(useCallback((signal: AbortSignal) => api.users(signal), [api]));
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [failure, setFailure] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);

  const errors = useMemo(() => errorsByPath(failure), [failure]);
  const set = useCallback((path: string, value: unknown) => setDraft((d) => setAt(d, path, value)), []);
  const form: FormState = useMemo(() => ({ draft, set, errors, generation: 0 }), [draft, set, errors]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    setCreated(null);
    try {
      const user = await api.createUser(draft as { username: string; displayName: string; role: string; password: string });
      setCreated(user.username);
      setDraft(EMPTY);
      reload();
    } catch (error) {
      setFailure(error);
    }
  };

  const roles = Object.entries(t('roles', { returnObjects: true }) as Record<string, string>).map(([value, label]) => ({ value, label }));
  return (
    <div className="admin-panel">
      {loadError !== null && <ErrorMessage error={loadError} />}
      {users && (
        <table className="table table--compact" aria-label={t('admin.users.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.username')}</th>
              <th scope="col">{t('admin.users.displayName')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.state')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td className="mono">{user.username}</td>
                <td>{user.displayName}</td>
                <td>{t(`roles.${user.role}`)}</td>
                <td>{user.disabled ? t('admin.users.disabled') : t('admin.users.enabled')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormContext.Provider value={form}>
        <form className="card form-section" onSubmit={submit} noValidate>
          <h3 className="section__subtitle">{t('admin.users.add')}</h3>
          {created && (
            <div className="alert alert--success" role="status">
              <p className="alert__title">{t('admin.users.created', { username: created })}</p>
            </div>
          )}
          {failure !== null && <ErrorMessage error={failure} />}
          <div className="form-grid">
            <TextField path="/username" label={t('admin.users.username')} required maxLength={64} hint={t('admin.users.usernameHint')} mono />
            <TextField path="/displayName" label={t('admin.users.displayName')} required maxLength={200} />
            <SelectField path="/role" label={t('admin.users.role')} options={roles} required />
            <TextField path="/password" label={t('admin.users.password')} required maxLength={200} hint={t('admin.users.passwordHint')} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('admin.users.submit')}
            </button>
          </div>
        </form>
      </FormContext.Provider>
    </div>
  );
}
