/** Loads what the planning workspace shows: layers, per-capita (current and with planned shelters), coverage; `reload` after a change. */
import { useCallback, useEffect, useState } from 'react';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { getOptional } from '../api/client.js';
import type { AdminAreaProps, FireStationProps, ShelterProps, SiteConfig, WarehouseProps } from '../api/types.js';
import type { CoverageAnswer } from './coverage-logic.js';
import type { PerCapitaAnswer } from './per-capita-logic.js';
import { getJson, qs } from './planning-api.js';

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
}

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
  const reload = useCallback(() => setRevision((r) => r + 1), []);

  useEffect(() => {
    if (!enabled) return;
    void getOptional<SiteConfig>('/api/config').then((c) => setConfig(c.ok ? c.value : {}));
  }, [enabled]);

  useEffect(() => {
    if (!enabled) return;
    void Promise.all([
      getJson<Townships>('/api/layers/townships'),
      getJson<Shelters>('/api/layers/shelters'),
      getJson<FireStations>('/api/layers/fire-stations'),
      getJson<Warehouses>('/api/layers/warehouses'),
    ])
      .then(([townships, shelters, fireStations, warehouses]) => setLayers({ townships, shelters, fireStations, warehouses }))
      .catch((e: Error) => setError(e.message));
  }, [enabled, revision]);

  useEffect(() => {
    if (!enabled) return;
    const pc = (planned: boolean) => getJson<PerCapitaAnswer>(`/api/analytics/shelter-per-capita${qs({ target: targetM2, includePlanned: planned })}`);
    void Promise.all([pc(false), pc(true)])
      .then(([a, b]) => {
        setCurrent(a);
        setWithPlanned(b);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [enabled, targetM2, revision]);

  useEffect(() => {
    if (!enabled) return;
    const cov = (f: string) => getJson<CoverageAnswer>(`/api/analytics/coverage${qs({ facility: f, includePlanned })}`);
    void Promise.all([cov('shelters'), cov('fire-stations'), cov('warehouses')])
      .then(([s, f, w]) => setCoverage({ shelters: s, 'fire-stations': f, warehouses: w }))
      .catch((e: Error) => setError(e.message));
  }, [enabled, includePlanned, revision]);

  const sample = Boolean(layers.townships?.features.some((f) => f.properties.sample) || layers.shelters?.features.some((f) => f.properties.sample));
  return { config, ...layers, perCapita: includePlanned ? withPlanned : current, current, withPlanned, coverage, error, sample, revision, reload };
}
