import { Router } from 'express';
import { incidentImpact as incidentImpactRoute } from '@riskmap/contract';
import type { Feature, Point } from 'geojson';
import { consequenceZones, incidentImpact, incidentTypeForSubstances, type ConsequenceSubstance, type IncidentLayers } from '@riskmap/geo';
import type { AppDeps } from '../deps.js';
import { mountRoute } from '../http/mount-route.js';
import { HttpError } from '../http/http-error.js';
import type { LayerCache } from '../services/layer-cache.js';

const invalid = (field: string, message: string) => new HttpError(400, 'invalid_input', `${field}: ${message}`, { fields: [{ field, message }] });

/**
 * `POST /api/incidents/impact` — the command centre's impact analysis for an incident at a hazard source or
 * a point: zones, people, what else could go off, where people go, who responds, what supplies.
 */
export function incidentsRouter(deps: AppDeps, layers: LayerCache): Router {
  const router = Router();
  const domain = deps.config.domain;

  // The body is parsed by the contract (an unknown field is named by the error middleware).
  mountRoute(router, incidentImpactRoute, async (_req, res, { body }) => {
    const started = performance.now();
    if ((body.hazardSourceId === undefined) === (body.location === undefined)) {
      throw invalid(body.location === undefined ? 'location' : 'hazardSourceId', 'give either hazardSourceId or location [lon, lat], not both');
    }
    const [townships, demandPoints, riskPoints, hazardSources, shelters, warehouses, fireStations] = await Promise.all(
      (['townships', 'demand-points', 'risk-points', 'hazard-sources', 'shelters', 'warehouses', 'fire-stations'] as const).map((id) => layers.get(id)),
    );
    let location = body.location;
    let type = body.type;
    let sourceId: number | string | null = null;
    let substances: ConsequenceSubstance[] | null = null;
    if (body.hazardSourceId !== undefined) {
      const wanted = body.hazardSourceId;
      const source = hazardSources!.features.find((f) => (typeof wanted === 'number' ? f.id === wanted : f.properties?.code === wanted)) as Feature<Point> | undefined;
      if (!source?.geometry) throw new HttpError(404, 'not_found', `hazardSourceId: no hazard source ${String(wanted)}`, { fields: [{ field: 'hazardSourceId', message: 'not found' }] });
      location = source.geometry.coordinates as [number, number];
      type ??= incidentTypeForSubstances(source.properties?.substances as { category?: string }[] | undefined);
      sourceId = source.id ?? null;
      substances = (source.properties?.substances as ConsequenceSubstance[] | undefined) ?? null;
    }
    if (!type) throw invalid('type', 'required with a location (toxic-release, fire or explosion)');
    // Zones from substance, quantity and scenario (docs/incident-zones.md); radii the caller gives win.
    const model = consequenceZones(type, substances, domain.incident);
    const consequence = body.radiiM ? { ...model, method: 'given', radiiM: body.radiiM, zh: '调用方给定的半径', en: 'radii given by the caller' } : model;
    const impact = incidentImpact(
      { location: location!, type, radiiM: consequence.radiiM, windFromDeg: body.windFromDeg, windSpeedMs: body.windSpeedMs, sourceId },
      { townships, demandPoints, riskPoints, hazardSources, shelters, warehouses, fireStations } as unknown as IncidentLayers,
      { incident: domain.incident, fireStations: domain.fireStations, usableShelterStatuses: domain.shelters.usableStatuses },
    );
    res.json({ ...impact, consequence, timeMs: Math.round((performance.now() - started) * 10) / 10 });
  });

  return router;
}
