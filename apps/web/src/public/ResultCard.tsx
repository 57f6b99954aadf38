/** One shelter in the finder's result list: what it is, where its entrance is, how far (straight line), how to get there. */
import { useState } from 'react';
import type { NearestShelter } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { enumLabel, fieldLabelOf } from '@riskmap/contract';
import { amapUrl, appleMapsUrl, baiduUrl, formatCoords, formatDistance, geoUri, isAppleMobile, shareUrl } from './nav-links.js';

export function ResultCard({ s, rank, from }: { s: NearestShelter; rank: number; from?: { lon: number; lat: number } | null }) {
  const { t, locale } = useI18n();
  const [copied, setCopied] = useState(false);
  const [shared, setShared] = useState(false);
  const coords = formatCoords(s.lat, s.lon);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(coords);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const link = shareUrl(location.origin, s.lat, s.lon, s.name);
  const share = async () => {
    try {
      if (navigator.share) await navigator.share({ title: s.name, text: `${s.name} ${s.address ?? ''}`.trim(), url: link });
      else {
        await navigator.clipboard.writeText(link);
        setShared(true);
      }
    } catch {
      /* the user cancelled */
    }
  };
  const apple = isAppleMobile(navigator.userAgent, navigator.maxTouchPoints);
  const notOpen = s.status !== 'open';
  const headingId = `shelter-${rank}`;
  const updated = s.updatedAt ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(s.updatedAt)) : null;
  return (
    <li className={`result${notOpen ? ' not-open' : ''}`} aria-labelledby={headingId} data-testid="result" data-status={s.status}>
      <h3 id={headingId}>
        <span className="rank" aria-hidden="true">
          {rank}
        </span>
        {s.name}
      </h3>
      <p className="distance" data-testid="distance" data-metres={Math.round(s.distanceM)}>
        {t('finder.straightLine')} <strong>{formatDistance(s.distanceM, { metres: t('metres'), km: t('km') })}</strong> · {t('finder.walkStraight')} <strong>{s.walkingMinutes}</strong> {t('minutes')}
      </p>
      <dl className="facts">
        <div>
          <dt>{fieldLabelOf('shelters', 'status', locale)}</dt>
          <dd className={`status ${s.status}`} data-testid="status">
            {notOpen ? t('finder.notOpen') : enumLabel('shelterStatuses', s.status, locale)}
          </dd>
        </div>
        <div>
          <dt>{fieldLabelOf('shelters', 'shelterClass', locale)}</dt>
          <dd>{enumLabel('shelterClasses', s.shelterClass, locale)}</dd>
        </div>
        <div>
          <dt>{t('capacity')}</dt>
          <dd>
            {s.capacity.toLocaleString(locale)} {t('people')}
          </dd>
        </div>
        <div className="wide" data-testid="address">
          <dt>{fieldLabelOf('shelters', 'address', locale)}</dt>
          <dd>{s.address || '—'}</dd>
        </div>
        <div className="wide" data-testid="entrance">
          <dt>{t('finder.entrance')}</dt>
          <dd>{s.access || '—'}</dd>
        </div>
        {s.facilities.length > 0 ? (
          <div className="wide">
            <dt>{fieldLabelOf('shelters', 'facilities', locale)}</dt>
            <dd>{s.facilities.map((x) => enumLabel('shelterFacilities', x, locale)).join(locale === 'en' ? ', ' : '、')}</dd>
          </div>
        ) : null}
        {updated ? (
          <div className="wide" data-testid="updated">
            <dt>{t('finder.updated')}</dt>
            <dd>
              <time dateTime={s.updatedAt!}>{updated}</time>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="actions">
        <a className="big-button primary" href={amapUrl(s.lat, s.lon, s.name)} target="_blank" rel="noreferrer">
          {t('navigateAmap')}
        </a>
        <a className="big-button" href={baiduUrl(s.lat, s.lon, s.name, from)} target="_blank" rel="noreferrer" data-testid="nav-baidu">
          {t('finder.navBaidu')}
        </a>
        {apple ? (
          <a className="big-button" href={appleMapsUrl(s.lat, s.lon, s.name)} data-testid="nav-apple">
            {t('finder.navApple')}
          </a>
        ) : (
          <a className="big-button" href={geoUri(s.lat, s.lon, s.name)} data-testid="nav-geo">
            {t('finder.navOther')}
          </a>
        )}
      </div>
      <p className="phone" data-testid="phone">
        {t('finder.phone')}: <a href="tel:119">119</a> · <a href="tel:120">120</a> · <a href="tel:110">110</a>
      </p>
      <p className="coords">
        {t('coordinates')}: <span>{coords}</span>{' '}
        <button type="button" className="link-button" onClick={copy}>
          {copied ? t('copied') : t('copy')}
        </button>{' '}
        <button type="button" className="link-button" onClick={share} data-testid="share" data-url={link}>
          {shared ? t('finder.shared') : t('finder.share')}
        </button>
      </p>
    </li>
  );
}
