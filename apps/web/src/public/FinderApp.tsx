/** Public shelter finder (/find): mobile first, large type; the list renders before the map code loads. */
import { Suspense, lazy, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { Header } from '../common/Header.js';
import { searchPlaces } from './place-search.js';
import { ResultCard } from './ResultCard.js';
import { registerFinderWorker, warmOfflineCache } from './register-sw.js';
import { useFinder } from './use-finder.js';
import '../styles/finder.css';

const FinderMap = lazy(() => import('./FinderMap.js'));

export default function FinderApp() {
  const { t } = useI18n();
  const f = useFinder();
  const [locating, setLocating] = useState(false);
  const [denied, setDenied] = useState(false);
  const [query, setQuery] = useState('');
  const [showMap, setShowMap] = useState(false);
  const searchId = useId();
  const matches = searchPlaces(query, f.places, 6);

  useEffect(() => registerFinderWorker(), []);
  useEffect(() => {
    if (f.results) setShowMap(true);
  }, [f.results]);

  const locate = () => {
    if (!navigator.geolocation) return setDenied(true);
    setLocating(true);
    setDenied(false);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        f.setOrigin({ lon: pos.coords.longitude, lat: pos.coords.latitude, how: 'device' });
      },
      () => {
        setLocating(false);
        setDenied(true);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="finder">
      <Header title={t('finderTitle')} sample={f.sample} />
      <main className="finder-main">
        <p className="intro">{t('findIntro')}</p>
        <button type="button" className="big-button primary locate" onClick={locate} disabled={locating} data-testid="locate">
          {locating ? t('locating') : t('useMyLocation')}
        </button>
        {denied ? (
          <p className="notice" role="alert">
            {t('locationDenied')}
          </p>
        ) : null}

        <div className="place-search">
          <label htmlFor={searchId}>{t('searchPlace')}</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('searchPlaceHint')} autoComplete="off" data-testid="place-search" />
          {query.trim() ? (
            matches.length ? (
              <ul className="place-list" aria-label={t('searchPlace')}>
                {matches.map((p, i) => (
                  <li key={`${p.name}-${i}`}>
                    <button
                      type="button"
                      className="place"
                      onClick={() => {
                        setQuery('');
                        f.setOrigin({ lon: p.lon, lat: p.lat, how: 'search', label: p.name });
                      }}
                    >
                      {p.name}
                      {p.parent ? <small> · {p.parent}</small> : null}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="notice">{t('noMatch')}</p>
            )
          ) : null}
        </div>

        <section aria-live="polite" aria-busy={f.busy} className="results-section">
          {f.origin?.label ? (
            <p className="from">
              {t('from')}: {f.origin.label}
            </p>
          ) : null}
          {f.error ? <p className="notice" role="alert">{`${t('loadFailed')}: ${f.error}`}</p> : null}
          {f.results ? (
            <>
              <h2>{t('nearestTitle')}</h2>
              {f.outsideCounty ? <p className="notice">{t('outsideCounty')}</p> : null}
              {f.computedLocally && !navigator.onLine ? <p className="notice">{t('offlineNote')}</p> : null}
              {f.results.length === 0 ? <p className="notice">{t('noResult')}</p> : null}
              <ol className="results" data-testid="results">
                {f.results.map((s, i) => (
                  <ResultCard key={String(s.id)} s={s} rank={i + 1} />
                ))}
              </ol>
            </>
          ) : null}
        </section>

        <p className="hint">{t('tapMapHint')}</p>
        {showMap ? (
          <Suspense fallback={<div className="finder-map placeholder">{t('mapLoading')}</div>}>
            <FinderMap townships={f.townships} origin={f.origin} results={f.results ?? []} onTap={(lon, lat) => f.setOrigin({ lon, lat, how: 'map' })} onLoaded={warmOfflineCache} />
          </Suspense>
        ) : (
          <button type="button" className="big-button" onClick={() => setShowMap(true)} data-testid="show-map">
            {t('showMap')}
          </button>
        )}
      </main>
    </div>
  );
}
