/** What anonymous users (and signed-in users without the planner role) see at /planning: 需要登录, and a sign-in form. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { Header } from '../common/Header.js';
import { signIn, type Me } from '../api/client.js';
import { signInError } from '../command/LoginForm.js';

export function PlanningGate({ me, onSignedIn }: { me: Me; onSignedIn: () => void }) {
  const { t, locale } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const signedIn = me.role !== 'public';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    await signIn(username, password).then(onSignedIn, (err: unknown) => setError(signInError(err, locale)));
  };
  return (
    <div className="planning-app">
      <Header title={t('planning.title')} sample={false} />
      <main className="planning-gate" data-testid="planning-gate">
        <form className="login panel" onSubmit={submit} aria-labelledby="gate-title">
          <h2 id="gate-title">{signedIn ? t('planning.gate.forbidden') : t('planning.gate.title')}</h2>
          <p className="sub-note">{signedIn ? t('planning.gate.forbiddenNote').replace('{role}', me.role) : t('planning.gate.note')}</p>
          <label>
            {t('username')}
            <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required data-testid="gate-username" />
          </label>
          <label>
            {t('password')}
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required data-testid="gate-password" />
          </label>
          {error ? (
            <p className="error" role="alert">
              {t('signInFailed')}: {error}
            </p>
          ) : null}
          <button type="submit" data-testid="gate-submit">{t('signIn')}</button>
          <a href="/find">{t('planning.gate.public')}</a>
        </form>
      </main>
    </div>
  );
}
