/** The command map's hidden-hazard overlay data: open hazards and flagged risk points, refetched on every live change. */
import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { hazardApi } from './hazard-api.js';

export interface HazardOverlay {
  hazards: FeatureCollection | null;
  flags: FeatureCollection | null;
  open: number;
  overdue: number;
  major: number;
}

/** Loads nothing for anonymous callers (the API answers 401: the public sees no hazards). */
export function useHazardOverlay(revision: number, riskPoints: FeatureCollection | undefined): HazardOverlay {
  const [o, setO] = useState<HazardOverlay>({ hazards: null, flags: null, open: 0, overdue: 0, major: 0 });
  useEffect(() => {
    let stale = false;
    void hazardApi
      .me()
      .then((me) => (me.user ? Promise.all([hazardApi.list(true), hazardApi.flags()]) : Promise.reject(new Error('anonymous'))))
      .then(
      ([fc, f]) => {
        if (stale) return;
        const codes = new Set(f.riskPoints.map((r) => r.code));
        const flags: FeatureCollection = { type: 'FeatureCollection', features: (riskPoints?.features ?? []).filter((rp) => codes.has(String(rp.properties?.code))) };
        setO({ hazards: fc, flags, open: fc.features.length, overdue: fc.features.filter((x) => x.properties.overdue).length, major: fc.features.filter((x) => x.properties.grade === 'major').length });
      },
      () => !stale && setO({ hazards: null, flags: null, open: 0, overdue: 0, major: 0 }),
    );
    return () => {
      stale = true;
    };
  }, [revision, riskPoints]);
  return o;
}
