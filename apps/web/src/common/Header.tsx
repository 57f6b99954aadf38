/** Top bar shared by the screens: title, 示例数据 badge, live state, language switch. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import type { LiveState } from './event-stream.js';

interface Props {
  title: string;
  sample: boolean;
  live?: LiveState;
  children?: ReactNode;
}

export function Header({ title, sample, live, children }: Props) {
  const { t, locale, setLocale } = useI18n();
  return (
    <header className="app-header">
      <h1>{title}</h1>
      {sample ? (
        <span className="badge sample" data-testid="sample-badge" title={t('sampleNote')}>
          {t('sample')}
        </span>
      ) : null}
      <div className="header-tools">{children}</div>
      {live ? <LiveBadge live={live} /> : null}
      <button type="button" className="lang-switch" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')} aria-label={`${t('language')} · ${t('languageLabel')}`} data-testid="lang-switch">
        {t('language')}
      </button>
    </header>
  );
}

/** "● 实时" only while the stream is connected and fresh; otherwise "重新连接中…" and when the last update came. */
function LiveBadge({ live }: { live: LiveState }) {
  const { t, locale } = useI18n();
  const last = live.lastUpdateAt === null ? null : new Date(live.lastUpdateAt).toLocaleTimeString(locale, { hour12: false });
  const label =
    live.status === 'live' ? t('live') : live.status === 'reconnecting' ? t('liveReconnecting') : live.status === 'connecting' ? t('liveConnecting') : t('liveOff');
  const detail = last && live.status !== 'live' ? t('liveLastUpdate').replace('{time}', last) : null;
  return (
    <span className={`live ${live.status}`} data-testid="live-state" data-status={live.status} title={last ? t('liveLastUpdate').replace('{time}', last) : label} role="status">
      ● {label}
      {detail ? <span className="live-last"> {detail}</span> : null}
    </span>
  );
}
