/** /keys: personal API keys for QGIS, ArcGIS and GDAL — create (named, scoped; admins for any user), shown once, list, revoke. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { Header } from '../common/Header.js';
import { LoginForm } from '../command/LoginForm.js';
import { apiKeysCreate, apiKeysList, apiKeysRevoke, usersList, type RouteAnswer } from '@riskmap/contract';
import { call, whoAmI, type Me } from '../api/client.js';
import { errorText } from '../i18n/errors.js';
import './keys.css';

type ApiKey = RouteAnswer<typeof apiKeysList>['keys'][number];

const when = (iso: string | null, locale: string) => (iso ? new Date(iso).toLocaleString(locale) : null);

export default function KeysApp() {
  const { t, locale } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [users, setUsers] = useState<{ id: number; username: string }[]>([]);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'read-write'>('read');
  const [userId, setUserId] = useState<number | ''>('');
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const m = await whoAmI();
    setMe(m);
    if (m.role === 'public') return;
    setKeys((await call(apiKeysList)).keys);
    if (m.role === 'admin') setUsers((await call(usersList)).users);
  }, []);
  useEffect(() => {
    load().catch((e: unknown) => setError(errorText(e, locale)));
  }, [load, locale]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const res = (await call(apiKeysCreate, { body: { name, scope, ...(userId !== '' ? { userId } : {}) } })) as RouteAnswer<typeof apiKeysCreate, 201>;
      setCreated(res.key);
      setCopied(false);
      setName('');
      await load();
    } catch (err) {
      setError(errorText(err, locale));
    }
  };
  const revoke = async (k: ApiKey) => {
    if (!confirm(t('keys.revokeConfirm'))) return;
    try {
      await call(apiKeysRevoke, { params: { keyId: k.id } });
      await load();
    } catch (err) {
      setError(errorText(err, locale));
    }
  };

  if (!me) return <div className="boot">{t('loading')}</div>;
  const ogc = `${location.origin}/ogc`;
  return (
    <div className="keys-app">
      <Header title={t('keys.title')} sample={false}>
        <a href="/">{t('keys.back')}</a>
      </Header>
      {me.role === 'public' ? <LoginForm onSignedIn={() => void load()} /> : null}
      <main className="keys-main">
        <p className="sub-note">{t('keys.intro')}</p>
        <form className="panel keys-form" onSubmit={create} data-testid="key-form">
          <h2>{t('keys.create')}</h2>
          <label>
            {t('keys.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} data-testid="key-name" />
          </label>
          <label>
            {t('keys.scope')}
            <select value={scope} onChange={(e) => setScope(e.target.value as 'read' | 'read-write')} data-testid="key-scope">
              <option value="read">{t('keys.scope.read')}</option>
              <option value="read-write">{t('keys.scope.read-write')}</option>
            </select>
          </label>
          {me.role === 'admin' ? (
            <label>
              {t('keys.user')}
              <select value={userId} onChange={(e) => setUserId(e.target.value === '' ? '' : Number(e.target.value))} data-testid="key-user">
                <option value="">{t('keys.self')}</option>
                {users.filter((u) => u.id !== me.user?.id).map((u) => (
                  <option key={u.id} value={u.id}>{u.username}</option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="submit" data-testid="key-create">{t('keys.create')}</button>
        </form>
        {error ? <p className="error" role="alert">{t('keys.failed')}: {error}</p> : null}
        {created ? (
          <section className="panel key-once" data-testid="key-once">
            <p>{t('keys.shownOnce')}</p>
            <code data-testid="key-value">{created}</code>
            <button type="button" onClick={() => void navigator.clipboard?.writeText(created).then(() => setCopied(true))}>{copied ? t('keys.copied') : t('keys.copy')}</button>
            <h3>{t('keys.usage')}</h3>
            <p>{t('keys.usage.qgis').replace('{ogc}', ogc)}</p>
            <p>{t('keys.usage.gdal')}</p>
            <pre>{`GDAL_HTTP_HEADERS="X-API-Key: ${created}" ogr2ogr -f GPKG out.gpkg OAPIF:${ogc}`}</pre>
            <p>{t('keys.usage.tiles')}</p>
            <pre>{`${location.origin}/tiles/shelters.json`}</pre>
          </section>
        ) : null}
        <table className="keys-table" data-testid="keys-table">
          <thead>
            <tr>
              <th>{t('keys.name')}</th><th>{t('keys.prefix')}</th><th>{t('keys.scope')}</th><th>{t('keys.user')}</th>
              <th>{t('keys.created')}</th><th>{t('keys.lastUsed')}</th><th>{t('keys.status')}</th><th />
            </tr>
          </thead>
          <tbody>
            {keys.length === 0 ? (
              <tr><td colSpan={8}>{t('keys.none')}</td></tr>
            ) : (
              keys.map((k) => (
                <tr key={k.id} className={k.revokedAt ? 'revoked' : ''}>
                  <td>{k.name}</td>
                  <td><code>{k.prefix}…</code></td>
                  <td>{t(k.scope === 'read' ? 'keys.scope.read' : 'keys.scope.read-write')}</td>
                  <td>{k.username}</td>
                  <td>{when(k.createdAt, locale)}</td>
                  <td>{when(k.lastUsedAt, locale) ?? t('keys.never')}</td>
                  <td>{k.revokedAt ? `${t('keys.revoked')} ${when(k.revokedAt, locale)}` : t('keys.active')}</td>
                  <td>{k.revokedAt ? null : <button type="button" onClick={() => void revoke(k)} data-testid={`revoke-${k.id}`}>{t('keys.revoke')}</button>}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </main>
    </div>
  );
}
