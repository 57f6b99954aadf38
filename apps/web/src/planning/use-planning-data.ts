/** Loads what the planning workspace shows: layers, per-capita (current and with planned shelters), coverage; `reload` after a change. */
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../i18n/errors.js';
import { currentLocale } from '../i18n/index.js';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { analyticsCoverage, analyticsShelterPerCapita } from '@riskmap/contract';
import { callCached, getCached, getOptional } from '../api/client.js';
import { invalidate } from '../api/query-cache.js';
import type { AdminAreaProps, FireStationProps, ShelterProps, SiteConfig, WarehouseProps } from '../api/types.js';
import type { CoverageAnswer } from './coverage-logic.js';
import type { PerCapitaAnswer } from './per-capita-logic.js';
import type { LiveState } from '../common/event-stream.js';
import { useLiveChanges } from '../common/use-live-changes.js';

export type Townships = FeatureCollection<Polygon | MultiPolygon, AdminAreaProps>;
export type Shelters = FeatureCollection<Point, ShelterProps>;
export type FireStations = FeatureCollection<Point, FireStationProps>;
export type Warehouses = FeatureCollection<Point, WarehouseProps>;

export interface PlanningData {
  config: SiteConfig | null;
  townships: Townships | null;
  shelters: Shelters | null;
  fireStations: FireStations | null;
  warehouses: Warehouses | null;
  /** Per-capita with the chosen target and the "include planned" toggle (the table and the map). */
  perCapita: PerCapitaAnswer | null;
  /** The same without and with planned shelters (the indicator cards: the plan's effect). */
  current: PerCapitaAnswer | null;
  withPlanned: PerCapitaAnswer | null;
  coverage: { shelters: CoverageAnswer | null; 'fire-stations': CoverageAnswer | null; warehouses: CoverageAnswer | null };
  error: string | null;
  sample: boolean;
  revision: number;
  reload: () => void;
  /** The event stream's state; the workspace reloads when a layer it shows changes. */
  live: LiveState;
}

/** Layers whose changes the workspace shows (the others do not move its figures). */
const PLANNING_LAYERS = new Set(['townships', 'shelters', 'fire-stations', 'warehouses', 'demand-points', 'candidate-sites']);

export function usePlanningData(targetM2: number, includePlanned: boolean, enabled: boolean): PlanningData {
  const [config, setConfig] = useState<SiteConfig | null>(null);
  const [layers, setLayers] = useState<{ townships: Townships | null; shelters: Shelters | null; fireStations: FireStations | null; warehouses: Warehouses | null }>({
    townships: null,
    shelters: null,
    fireStations: null,
    warehouses: null,
  });
  const [current, setCurrent] = useState<PerCapitaAnswer | null>(null);
  const [withPlanned, setWithPlanned] = useState<PerCapitaAnswer | null>(null);
  const [coverage, setCoverage] = useState<PlanningData['coverage']>({ shelters: null, 'fire-stations': null, warehouses: null });
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const reload = useCallback(() => {
    invalidate(PLANNING_LAYERS); // after the workspace's own edit: ask again rather than wait for the event
    setRevision((r) => r + 1);
  }, []);
  // The event stream's client has already dropped the cached answers of the changed layers.
  const live = useLiveChanges((changed) => {
    if (changed === 'all' || [...changed].some((l) => PLANNING_LAYERS.has(l))) setRevision((r) => r + 1);
  }, enabled);

  useEffect(() => {
    if (!enabled) return;
    void getOptional<SiteConfig>('/api/config').then((c) => setConfig(c.ok ? c.value : {}));
  }, [enabled]);

  useEffect(() => {
    if (!enabled) return;
    void Promise.all([
      getCached<Townships>('/api/layers/townships', ['townships']),
      getCached<Shelters>('/api/layers/shelters', ['shelters']),
      getCached<FireStations>('/api/layers/fire-stations', ['fire-stations']),
      getCached<Warehouses>('/api/layers/warehouses', ['warehouses']),
    ])
      .then(([townships, shelters, fireStations, warehouses]) => setLayers({ townships, shelters, fireStations, warehouses }))
      .catch((e: unknown) => setError(errorText(e, currentLocale())));
  }, [enabled, revision]);

  useEffect(() => {
    if (!enabled) return;
    const pc = (planned: boolean) =>
      callCached(analyticsShelterPerCapita, ['shelters', 'townships'], { query: { target: targetM2, includePlanned: planned ? 'true' : 'false' } }).then((a) => a as PerCapitaAnswer);
    void Promise.all([pc(false), pc(true)])
      .then(([a, b]) => {
        setCurrent(a);
        setWithPlanned(b);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e, currentLocale())));
  }, [enabled, targetM2, revision]);

  useEffect(() => {
    if (!enabled) return;
    const cov = (facility: CoverageAnswer['facility']) =>
      callCached(analyticsCoverage, [facility, 'demand-points', 'townships'], { query: { facility, includePlanned: includePlanned ? 'true' : 'false' } });
    void Promise.all([cov('shelters'), cov('fire-stations'), cov('warehouses')])
      .then(([s, f, w]) => setCoverage({ shelters: s, 'fire-stations': f, warehouses: w }))
      .catch((e: unknown) => setError(errorText(e, currentLocale())));
  }, [enabled, includePlanned, revision]);

  const sample = Boolean(layers.townships?.features.some((f) => f.properties.sample) || layers.shelters?.features.some((f) => f.properties.sample));
  return { config, ...layers, perCapita: includePlanned ? withPlanned : current, current, withPlanned, coverage, error, sample, revision, reload, live };
}
