/** The command map's search box: names, codes, addresses, villages and coordinates; ArrowUp/Down/Enter/Escape. */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Point } from 'geojson';
import { getOptional } from '../api/client.js';
import type { DemandPointProps, LayerCollection, LayerSet } from '../api/types.js';
import { fill, useI18n } from '../i18n/index.js';
import { searchFeatures, type FeatureHit, type Village } from './search-features.js';

export function CommandSearch({ layers, onPickHit }: { layers: Partial<LayerSet>; onPickHit: (h: FeatureHit) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [villages, setVillages] = useState<Village[] | null>(null);
  const id = useId();
  const list = useRef<HTMLUListElement>(null);

  const loadVillages = () => {
    if (villages) return;
    setVillages([]);
    void getOptional<LayerCollection<Point, DemandPointProps>>('/api/layers/demand-points').then((r) => {
      if (r.ok) setVillages(r.value.features.map((f) => ({ name: f.properties.name, code: f.properties.code, townshipCode: f.properties.townshipCode, lonLat: f.geometry.coordinates as [number, number] })));
    });
  };
  const hits = useMemo(() => searchFeatures(q, layers, 200, villages ?? []), [q, layers, villages]);
  useEffect(() => setActive(0), [q]);
  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const choose = (h: FeatureHit) => {
    onPickHit(h);
    setQ('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') return setQ('');
    if (!hits.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[active] ?? hits[0]!);
    }
  };
  const open = q.trim() !== '';
  return (
    <div className="search" role="search">
      <input
        type="search"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && hits.length ? `${id}-${active}` : undefined}
        value={q}
        onFocus={loadVillages}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKey}
        placeholder={t('cmd.searchPlaceholder')}
        aria-label={t('search')}
        data-testid="search"
      />
      {open ? (
        <div className="search-pop">
          <div className="search-count" aria-live="polite" data-testid="search-count">
            {hits.length ? fill(t('cmd.searchCount'), { n: hits.length }) : t('cmd.searchNone')}
          </div>
          {hits.length ? (
            <ul className="search-results" role="listbox" id={`${id}-list`} ref={list} aria-label={t('search')}>
              {hits.map((h, i) => (
                <li
                  key={`${h.layer}-${String(h.properties.code ?? h.name)}-${i}`}
                  id={`${id}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  data-index={i}
                  className={i === active ? 'active' : ''}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(h)}
                  data-testid="search-hit"
                >
                  <span className="hit-name">{h.name}</span> <small>{t(`cmd.hit.${h.layer}`)}</small>
                  {h.detail ? <span className="hit-detail">{h.detail}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
