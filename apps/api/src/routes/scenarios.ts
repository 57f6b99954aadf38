import { Router } from 'express';
import { z } from 'zod';
import type { Feature, Point } from 'geojson';
import { incidentImpact, incidentTypeForSubstances, type IncidentLayers } from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { SIGNED_IN, requireRole } from '../auth/require-role.js';
import { HttpError } from '../http/http-error.js';
import type { LayerCache } from '../services/layer-cache.js';

export const ImpactBody = z
  .object({
    hazardSourceId: z.union([z.number().int().positive(), z.string().trim().min(1).max(100)]).optional(),
    location: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
    type: z.enum(['toxic-release', 'fire', 'explosion']).optional(),
    radiiM: z.array(z.number().positive()).min(1).max(10).optional(),
    windFromDeg: z.number().min(0).max(360).optional(),
    windSpeedMs: z.number().min(0).max(60).optional(),
  })
  .strict();

const invalid = (field: string, message: string) => new HttpError(400, 'invalid_input', `${field}: ${message}`, { fields: [{ field, message }] });

/**
 * `POST /api/scenarios/impact` — the command centre's what-if for an incident at a hazard source or
 * a point: zones, people, what else could go off, where people go, who responds, what supplies.
 */
export function scenariosRouter(deps: AppDeps, layers: LayerCache): Router {
  const router = Router();
  const domain = deps.config.domain;

  router.post('/scenarios/impact', requireRole(...SIGNED_IN), async (req, res) => {
    const started = performance.now();
    const parsed = ImpactBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      const unknown = parsed.error.issues.find((i) => i.code === 'unrecognized_keys');
      if (unknown && 'keys' in unknown) throw invalid(String(unknown.keys[0]), 'unknown field');
      throw parsed.error;
    }
    const body = parsed.data;
    if ((body.hazardSourceId === undefined) === (body.location === undefined)) {
      throw invalid(body.location === undefined ? 'location' : 'hazardSourceId', 'give either hazardSourceId or location [lon, lat], not both');
    }
    const [townships, demandPoints, riskPoints, hazardSources, shelters, warehouses, fireStations] = await Promise.all(
      (['townships', 'demand-points', 'risk-points', 'hazard-sources', 'shelters', 'warehouses', 'fire-stations'] as const).map((id) => layers.get(id)),
    );
    let location = body.location;
    let type = body.type;
    let sourceId: number | string | null = null;
    if (body.hazardSourceId !== undefined) {
      const wanted = body.hazardSourceId;
      const source = hazardSources!.features.find((f) => (typeof wanted === 'number' ? f.id === wanted : f.properties?.code === wanted)) as Feature<Point> | undefined;
      if (!source?.geometry) throw new HttpError(404, 'not_found', `hazardSourceId: no hazard source ${String(wanted)}`, { fields: [{ field: 'hazardSourceId', message: 'not found' }] });
      location = source.geometry.coordinates as [number, number];
      type ??= incidentTypeForSubstances(source.properties?.substances as { category?: string }[] | undefined);
      sourceId = source.id ?? null;
    }
    if (!type) throw invalid('type', 'required with a location (toxic-release, fire or explosion)');
    const impact = incidentImpact(
      { location: location!, type, radiiM: body.radiiM, windFromDeg: body.windFromDeg, windSpeedMs: body.windSpeedMs, sourceId },
      { townships, demandPoints, riskPoints, hazardSources, shelters, warehouses, fireStations } as unknown as IncidentLayers,
      { incident: domain.incident, fireStations: domain.fireStations, usableShelterStatuses: domain.shelters.usableStatuses },
    );
    res.json({ ...impact, timeMs: Math.round((performance.now() - started) * 10) / 10 });
  });

  return router;
}
