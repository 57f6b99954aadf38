/** Public shelter finder (/find): mobile first, large type; the list renders before the map code loads. */
import { Suspense, lazy, useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { Header } from '../common/Header.js';
import { searchPlaces } from './place-search.js';
import { parseShared } from './nav-links.js';
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
  const [active, setActive] = useState(-1);
  const searchId = useId();
  const matches = searchPlaces(query, f.places, 8);

  useEffect(() => registerFinderWorker(), []);
  useEffect(() => {
    const shared = parseShared(location.search);
    if (shared) f.setOrigin({ lon: shared.lon, lat: shared.lat, how: 'search', label: shared.label });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const choose = (p: (typeof matches)[number]) => {
    setQuery('');
    setActive(-1);
    f.setOrigin({ lon: p.lon, lat: p.lat, how: 'search', label: p.name });
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!matches.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => (a + 1) % matches.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a <= 0 ? matches.length - 1 : a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(matches[Math.max(0, active)]!);
    } else if (e.key === 'Escape') setQuery('');
  };

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
          <label htmlFor={searchId}>{t('finder.searchLabel2')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(-1);
            }}
            onKeyDown={onSearchKey}
            placeholder={t('finder.searchHint2')}
            autoComplete="off"
            aria-controls={query.trim() && matches.length ? `${searchId}-list` : undefined}
            aria-activedescendant={active >= 0 ? `${searchId}-${active}` : undefined}
            data-testid="place-search"
          />
          {query.trim() ? (
            matches.length ? (
              <ul className="place-list" id={`${searchId}-list`} aria-label={t('finder.searchLabel2')}>
                {matches.map((p, i) => (
                  <li key={`${p.name}-${i}`}>
                    <button type="button" id={`${searchId}-${i}`} className={`place${i === active ? ' active' : ''}`} onClick={() => choose(p)} data-kind={p.kind}>
                      {p.kind === 'shelter' ? <span className="kind">{t('finder.shelterMatch')}</span> : null}
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

        <p className="hint">{t('tapMapHint')}</p>
        <Suspense fallback={<div className="finder-map placeholder">{t('mapLoading')}</div>}>
          <FinderMap townships={f.townships} origin={f.origin} results={f.results ?? []} all={f.allShelters} onTap={(lon, lat) => f.setOrigin({ lon, lat, how: 'map' })} onLoaded={warmOfflineCache} />
        </Suspense>

        <section aria-live="polite" aria-busy={f.busy} className="results-section">
          {f.origin?.label ? (
            <p className="from">
              {t('from')}: {f.origin.label}
            </p>
          ) : null}
          {f.error ? <p className="notice" role="alert">{`${t('loadFailed')}: ${f.error}`}</p> : null}
          {f.results ? (
            <>
              <h2>{t('finder.nearestTitle')}</h2>
              {f.outsideCounty ? <p className="notice">{t('outsideCounty')}</p> : null}
              {f.notOpenIncluded ? <p className="notice" data-testid="not-open-note">{t('finder.notOpenNote')}</p> : null}
              {f.computedLocally && !navigator.onLine ? <p className="notice">{t('offlineNote')}</p> : null}
              {f.results.length === 0 ? <p className="notice">{t('noResult')}</p> : null}
              <ol className="results" data-testid="results">
                {f.results.map((s, i) => (
                  <ResultCard key={String(s.id)} s={s} rank={i + 1} from={f.origin} />
                ))}
              </ol>
            </>
          ) : null}
        </section>

      </main>
    </div>
  );
}
