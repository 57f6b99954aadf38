/** One shelter in the finder's result list: what it is, how far, how to get there. */
import { useState } from 'react';
import type { NearestShelter } from '../api/types.js';
import { translateLoose, useI18n } from '../i18n/index.js';
import { amapUrl, formatCoords, formatDistance, geoUri } from './nav-links.js';

export function ResultCard({ s, rank }: { s: NearestShelter; rank: number }) {
  const { t, locale } = useI18n();
  const [copied, setCopied] = useState(false);
  const coords = formatCoords(s.lat, s.lon);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(coords);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const headingId = `shelter-${rank}`;
  return (
    <li className="result" aria-labelledby={headingId} data-testid="result">
      <h3 id={headingId}>
        <span className="rank" aria-hidden="true">
          {rank}
        </span>
        {s.name}
      </h3>
      <p className="distance" data-testid="distance" data-metres={Math.round(s.distanceM)}>
        {t('distance')} <strong>{formatDistance(s.distanceM, { metres: t('metres'), km: t('km') })}</strong> · {t('walking')} <strong>{s.walkingMinutes}</strong> {t('minutes')}
      </p>
      <dl className="facts">
        <div>
          <dt className="sr-only">{t('layer.shelters')}</dt>
          <dd>{translateLoose(locale, `shelterClass.${s.shelterClass}`, s.shelterClass)}</dd>
        </div>
        <div>
          <dt className="sr-only">status</dt>
          <dd className={`status ${s.status}`}>{translateLoose(locale, `status.${s.status}`, s.status)}</dd>
        </div>
        <div>
          <dt>{t('capacity')}</dt>
          <dd>
            {s.capacity.toLocaleString(locale)} {t('people')}
          </dd>
        </div>
        {s.facilities.length > 0 ? (
          <div className="wide">
            <dt>{t('facilities')}</dt>
            <dd>{s.facilities.map((x) => translateLoose(locale, `facility.${x}`, x)).join(locale === 'en' ? ', ' : '、')}</dd>
          </div>
        ) : null}
      </dl>
      <div className="actions">
        <a className="big-button primary" href={amapUrl(s.lat, s.lon, s.name)} target="_blank" rel="noreferrer">
          {t('navigateAmap')}
        </a>
        <a className="big-button" href={geoUri(s.lat, s.lon, s.name)}>
          {t('navigate')}
        </a>
      </div>
      <p className="coords">
        {t('coordinates')}: <span>{coords}</span>{' '}
        <button type="button" className="link-button" onClick={copy}>
          {copied ? t('copied') : t('copy')}
        </button>
      </p>
    </li>
  );
}
