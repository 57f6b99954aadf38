/** Sign-in dialog over the command map (POST /api/auth/login sets the session cookie); Escape or "not now" dismisses it. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { signIn } from '../api/client.js';
import { errorText } from '../i18n/errors.js';
import { translate, useI18n, type Locale } from '../i18n/index.js';

/** The message for a failed sign-in, by the API's error code (never the server's English text). */
export function signInError(e: unknown, locale: Locale): string {
  const code = (e as { code?: string }).code;
  if (code === 'invalid_credentials' || code === 'invalid_input') return translate(locale, 'cmd.badCredentials');
  if (code === 'too_many_attempts') return translate(locale, 'cmd.tooMany');
  return errorText(e, locale);
}

export function LoginForm({ onSignedIn, onDismiss }: { onSignedIn: () => void; onDismiss?: () => void }) {
  const { t, locale } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await signIn(username, password);
      onSignedIn();
    } catch (err) {
      setError(signInError(err, locale));
    }
  };
  return (
    <div className="login-backdrop" onKeyDown={(e) => e.key === 'Escape' && onDismiss?.()}>
      <form className="login panel" onSubmit={submit} role="dialog" aria-modal="true" aria-labelledby="login-title" data-testid="login">
        <div className="login-head">
          <h2 id="login-title">{t('loginTitle')}</h2>
          {onDismiss ? (
            <button type="button" className="icon-button" onClick={onDismiss} aria-label={t('close')} data-testid="login-close">
              ×
            </button>
          ) : null}
        </div>
        <p className="sub-note">{t('loginNote')}</p>
        <label>
          {t('username')}
          <input ref={first} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
        </label>
        <label>
          {t('password')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        {error ? (
          <p className="error" role="alert" data-testid="login-error">
            {t('signInFailed')}: {error}
          </p>
        ) : null}
        <button type="submit">{t('signIn')}</button>
        {onDismiss ? (
          <button type="button" className="secondary" onClick={onDismiss} data-testid="login-later">
            {t('cmd.signInLater')}
          </button>
        ) : null}
      </form>
    </div>
  );
}
