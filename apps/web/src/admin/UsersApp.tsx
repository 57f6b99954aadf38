/** /admin/users: the administrator lists users and creates, disables, re-scopes them and resets passwords (Chinese first). */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../i18n/errors.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { Header } from '../common/Header.js';
import { PlanningGate } from '../planning/PlanningGate.js';
import { ApiError, send, whoAmI, type Me } from '../api/client.js';
import { ROLES, checkNewUser, type UserView } from './users-logic.js';

type Township = { code: string; name: string };

export default function UsersApp() {
  const { t, locale } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [users, setUsers] = useState<UserView[]>([]);
  const [townships, setTownships] = useState<Township[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [draft, setDraft] = useState({ username: '', password: '', role: 'planner' as UserView['role'], townshipCode: '' });
  const [draftErrors, setDraftErrors] = useState<Record<string, string>>({});

  useEffect(() => void whoAmI().then(setMe, () => setMe({ role: 'public', user: null })), [attempt]);
  const load = useCallback(async () => {
    const r = await send<{ users: UserView[] }>('GET', '/api/users');
    setUsers(r.users);
  }, []);
  useEffect(() => {
    if (me?.role !== 'admin') return;
    void load().catch((e: unknown) => setError(errorText(e, locale)));
    void send<{ features: { properties: { code: string; name: string } }[] }>('GET', '/api/layers/townships')
      .then((fc) => setTownships(fc.features.map((f) => ({ code: f.properties.code, name: f.properties.name })).sort((a, b) => a.code.localeCompare(b.code))))
      .catch(() => setTownships([]));
  }, [me, load]);

  if (!me) return <div className="boot">{t('loading')}</div>;
  if (me.role !== 'admin') return <PlanningGate me={me} onSignedIn={() => setAttempt((a) => a + 1)} />;

  const act = async (what: () => Promise<unknown>, done: MessageKey) => {
    setError(null);
    setNote(null);
    try {
      await what();
      await load();
      setNote(t(done));
    } catch (e) {
      setError(errorText(e, locale));
    }
  };
  const change = (u: UserView, patch: Partial<{ role: string; townshipCode: string | null; disabled: boolean; password: string }>, done: MessageKey) =>
    act(() => send('PATCH', `/api/users/${u.id}`, patch), done);
  const resetPassword = (u: UserView) => {
    const password = window.prompt(t('admin.users.newPassword').replace('{user}', u.username));
    if (password === null) return;
    if (password.length < 8) return setError(t('admin.users.error.password'));
    void change(u, { password }, 'admin.users.passwordReset');
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    const errs = checkNewUser(draft);
    setDraftErrors(Object.fromEntries(Object.entries(errs).map(([k, v]) => [k, t(v)])));
    if (Object.keys(errs).length) return;
    void act(() => send('POST', '/api/users', { username: draft.username.trim(), password: draft.password, role: draft.role, townshipCode: draft.townshipCode || null }), 'admin.users.created').then(() =>
      setDraft({ username: '', password: '', role: 'planner', townshipCode: '' }),
    );
  };
  const townshipName = (code: string | null) => (code ? `${townships.find((x) => x.code === code)?.name ?? ''}（${code}）` : t('admin.users.wholeCounty'));

  return (
    <div className="planning-app">
      <Header title={t('admin.users.title')} sample={false} />
      <main className="admin-users panel" data-testid="admin-users">
        {error ? <p className="error" role="alert">{error}</p> : null}
        {note ? <p className="ok" role="status">{note}</p> : null}
        <table className="compare-table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t('username')}</th>
              <th>{t('admin.users.role')}</th>
              <th>{t('admin.users.scope')}</th>
              <th>{t('admin.users.state')}</th>
              <th>{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-${u.username}`} className={u.disabled ? 'muted' : undefined}>
                <td>{u.username}</td>
                <td>
                  <select value={u.role} aria-label={t('admin.users.role')} onChange={(e) => void change(u, { role: e.target.value }, 'admin.users.saved')}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`admin.users.role.${r}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select value={u.townshipCode ?? ''} aria-label={t('admin.users.scope')} data-testid={`scope-${u.username}`} onChange={(e) => void change(u, { townshipCode: e.target.value || null }, 'admin.users.saved')}>
                    <option value="">{t('admin.users.wholeCounty')}</option>
                    {townships.map((x) => (
                      <option key={x.code} value={x.code}>
                        {townshipName(x.code)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{u.disabled ? t('admin.users.disabled') : t('admin.users.enabled')}</td>
                <td>
                  <button type="button" data-testid={`toggle-${u.username}`} onClick={() => void change(u, { disabled: !u.disabled }, u.disabled ? 'admin.users.enabledDone' : 'admin.users.disabledDone')}>
                    {u.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                  </button>{' '}
                  <button type="button" onClick={() => resetPassword(u)}>
                    {t('admin.users.resetPassword')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="admin-new-user" onSubmit={create} data-testid="new-user">
          <h2>{t('admin.users.new')}</h2>
          <label className="field">
            {t('username')}
            <input value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} data-testid="new-username" autoComplete="off" />
            {draftErrors.username ? <span className="error">{draftErrors.username}</span> : null}
          </label>
          <label className="field">
            {t('password')}
            <input type="password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} data-testid="new-password" autoComplete="new-password" />
            {draftErrors.password ? <span className="error">{draftErrors.password}</span> : null}
          </label>
          <label className="field">
            {t('admin.users.role')}
            <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as UserView['role'] })} data-testid="new-role">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.users.role.${r}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('admin.users.scope')}
            <select value={draft.townshipCode} onChange={(e) => setDraft({ ...draft, townshipCode: e.target.value })} data-testid="new-scope">
              <option value="">{t('admin.users.wholeCounty')}</option>
              {townships.map((x) => (
                <option key={x.code} value={x.code}>
                  {townshipName(x.code)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" data-testid="new-submit">
            {t('admin.users.create')}
          </button>
        </form>
      </main>
    </div>
  );
}
