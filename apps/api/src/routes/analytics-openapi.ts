/** OpenAPI registrations for the analytics, public, siting and what-if routes, from the schemas their handlers parse with. */
import { z } from 'zod';
import { defineOperation } from '../openapi/registry.js';
import { CoverageQuery, DensityQuery, PerCapitaQuery, RiskMapQuery } from './analytics.js';
import { NearestQuery } from './shelters.js';
import { ImpactBody } from './scenarios.js';
import { SitingRequest } from '../siting/siting-request.js';
import { SaveScenario } from './siting-scenarios.js';

const json = 'application/json';
const geojson = 'application/geo+json';
const bad = { 400: { description: 'invalid parameter; details.fields names it', contentType: json } };
const signedIn = { 401: { description: 'sign in first', contentType: json }, 403: { description: 'role not allowed', contentType: json } };
const idParam = z.object({ id: z.string() });

defineOperation({ method: 'get', path: '/api/analytics/risk-map', summary: 'Four-colour risk e-map by township or metric grid (level, colour, counts, legend)', tags: ['analytics'], query: RiskMapQuery, responses: { 200: { description: 'areas with level and colour', contentType: geojson }, ...bad } });
defineOperation({ method: 'get', path: '/api/analytics/risk-density', summary: 'Kernel density of risk weight (raster, weight per km²)', tags: ['analytics'], query: DensityQuery, responses: { 200: { description: 'the raster', contentType: json }, ...bad } });
defineOperation({ method: 'get', path: '/api/analytics/shelter-per-capita', summary: 'Effective shelter area per resident by township, county town and county, against the target', tags: ['analytics'], query: PerCapitaQuery, responses: { 200: { description: 'rows (or GeoJSON with format=geojson)', contentType: json }, ...bad } });
defineOperation({ method: 'get', path: '/api/analytics/coverage', summary: 'Population covered by shelters (walking), fire stations (5-minute reach) or warehouses (reach by level), by township', tags: ['analytics'], query: CoverageQuery, responses: { 200: { description: 'per-township rows and uncovered points', contentType: json }, ...bad } });
defineOperation({ method: 'get', path: '/api/shelters/nearest', summary: 'The k nearest usable public shelters with distance and walking time', tags: ['public'], query: NearestQuery, responses: { 200: { description: 'nearest first; farFromCounty flags points far outside', contentType: json }, ...bad } });
defineOperation({ method: 'get', path: '/api/config', summary: 'Site configuration for the web app (base map, level colours, target)', tags: ['public'], responses: { 200: { description: 'configuration', contentType: json } } });
defineOperation({ method: 'get', path: '/api/basemap/context', summary: 'Neighbouring counties for the offline base map', tags: ['public'], responses: { 200: { description: 'outlines', contentType: geojson } } });
defineOperation({ method: 'post', path: '/api/siting', summary: 'Site new shelters or fire stations (LSCP, MCLP, p-median, p-center, shelter gap)', tags: ['siting'], body: { contentType: json, schema: SitingRequest }, responses: { 200: { description: 'the result', contentType: json }, 202: { description: 'a job; follow Location', contentType: json }, ...bad, ...signedIn } });
defineOperation({ method: 'get', path: '/api/siting/jobs/{id}', summary: 'Progress and result of a siting job', tags: ['siting'], params: idParam, responses: { 200: { description: 'the job', contentType: json }, 404: { description: 'unknown job' }, ...signedIn } });
defineOperation({ method: 'delete', path: '/api/siting/jobs/{id}', summary: 'Cancel a siting job', tags: ['siting'], params: idParam, responses: { 200: { description: 'cancelled', contentType: json }, 409: { description: 'already finished' }, ...signedIn } });
defineOperation({ method: 'post', path: '/api/siting/scenarios', summary: 'Save a siting run as a named scenario', tags: ['siting'], body: { contentType: json, schema: SaveScenario }, responses: { 201: { description: 'saved', contentType: json }, ...bad, ...signedIn } });
defineOperation({ method: 'get', path: '/api/siting/scenarios', summary: 'Saved scenarios (without results)', tags: ['siting'], responses: { 200: { description: 'scenarios', contentType: json }, ...signedIn } });
defineOperation({ method: 'get', path: '/api/siting/scenarios/{id}', summary: 'One saved scenario with its result', tags: ['siting'], params: idParam, responses: { 200: { description: 'the scenario', contentType: json }, 404: { description: 'unknown' }, ...signedIn } });
defineOperation({ method: 'delete', path: '/api/siting/scenarios/{id}', summary: 'Delete a saved scenario', tags: ['siting'], params: idParam, responses: { 204: { description: 'deleted' }, ...signedIn } });
defineOperation({ method: 'post', path: '/api/scenarios/impact', summary: 'Incident what-if: zones, people, domino risks, shelters, evacuation allocation, fire stations, warehouses', tags: ['command'], body: { contentType: json, schema: ImpactBody }, responses: { 200: { description: 'the impact', contentType: json }, ...bad, ...signedIn } });
