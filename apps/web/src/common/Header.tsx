/** Top bar shared by the screens: title, 示例数据 badge, live state, language switch. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

interface Props {
  title: string;
  sample: boolean;
  live?: 'connecting' | 'open' | 'unavailable';
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
      {live ? (
        <span className={`live ${live}`} data-testid="live-state" title={live === 'open' ? t('live') : t('liveOff')}>
          ● {live === 'open' ? t('live') : t('liveOff')}
        </span>
      ) : null}
      <button type="button" className="lang-switch" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')} aria-label={t('languageLabel')} data-testid="lang-switch">
        {t('language')}
      </button>
    </header>
  );
}
