/** Calls of the hidden-hazard screens (through the one client) and the answers they read. */
import { hiddenHazardGet, hiddenHazardList, hiddenHazardRiskPointFlags, hiddenHazardStatistics, hiddenHazardVocabulary, type HiddenHazardDetail, type HiddenHazardList, type HiddenHazardStatistics, type HiddenHazardVocabulary, type RouteAnswer, type hiddenHazardRecord, type hiddenHazardStep } from '@riskmap/contract';
import { call, request, whoAmI } from '../api/client.js';

export interface Labelled { zh: string; en: string }
/** GET /api/hidden-hazards/vocabulary (the contract's answer). */
export type Vocabulary = HiddenHazardVocabulary;
/** A hazard's properties: the contract's, with the layer's other fields (read by key in the forms). */
export type HazardProps = HiddenHazardList['features'][number]['properties'] & Record<string, any>;
export type HazardCollection = HiddenHazardList;
/** GET /api/hidden-hazards/statistics (the contract's answer). */
export type Statistics = HiddenHazardStatistics;
export type GroupStats = Statistics['groups'][number];
export type HazardDetail = HiddenHazardDetail;

export const hazardApi = {
  vocabulary: () => call(hiddenHazardVocabulary),
  list: (openOnly: boolean) => call(hiddenHazardList, { query: openOnly ? { open: 'true' } : {} }),
  detail: (id: number) => call(hiddenHazardGet, { params: { id: String(id) } }),
  statistics: (by: 'township' | 'category') => call(hiddenHazardStatistics, { query: { by } }),
  flags: () => call(hiddenHazardRiskPointFlags),
  record: (lonLat: [number, number], properties: Record<string, unknown>) =>
    request<RouteAnswer<typeof hiddenHazardRecord, 201>>('POST', '/api/hidden-hazards', { json: { type: 'Feature', geometry: { type: 'Point', coordinates: lonLat }, properties } }),
  step: (id: number, body: Record<string, unknown>) => request<RouteAnswer<typeof hiddenHazardStep>>('POST', `/api/hidden-hazards/${id}/steps`, { json: body }),
  upload: (id: number, file: File) => request<unknown>('POST', `/api/hidden-hazards/${id}/attachments?filename=${encodeURIComponent(file.name)}`, { raw: { bytes: file, type: 'application/octet-stream' } }),
  me: whoAmI,
};
