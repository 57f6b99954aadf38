/** Sign-in form shown over the command map when the API answers 401 (POST /api/auth/login sets the session cookie). */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
        return setError(body.error?.message ?? `${res.status}`);
      }
      onSignedIn();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div className="login-backdrop">
      <form className="login panel" onSubmit={submit} aria-labelledby="login-title" data-testid="login">
        <h2 id="login-title">{t('loginTitle')}</h2>
        <p className="sub-note">{t('loginNote')}</p>
        <label>
          {t('username')}
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
        </label>
        <label>
          {t('password')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        {error ? (
          <p className="error" role="alert">
            {t('signInFailed')}: {error}
          </p>
        ) : null}
        <button type="submit">{t('signIn')}</button>
      </form>
    </div>
  );
}
