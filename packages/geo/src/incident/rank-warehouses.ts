import type { FeatureCollection, Point, Polygon } from 'geojson';
import { locateInZones } from './locate-in-zones.js';
import type { FeatureKey, ZoneProps } from './types.js';

export interface WarehouseInput {
  code?: string;
  name: string;
  level?: string;
  stock?: { item: string; unit: string; quantity: number; minimum: number }[];
}

export interface WarehouseReach {
  id: FeatureKey;
  code: string | null;
  name: string;
  level: string | null;
  distanceM: number;
  /** The impact zone the warehouse itself lies in (its stock may be unreachable), or null. */
  zone: string | null;
  stock: { item: string; unit: string; quantity: number; minimum: number; belowMinimum: boolean }[];
}

/**
 * Supply warehouses nearest the incident first, with their stock lines (quantity below the line's
 * minimum flagged) and the impact zone each lies in; `limit` keeps the first few.
 * @example rankWarehouses(zones, warehouses, { limit: 5 })[0].stock[0] // → { item: '帐篷', unit: '顶', quantity: 1317, minimum: 1000, belowMinimum: false }
 */
export function rankWarehouses(zones: FeatureCollection<Polygon, ZoneProps>, warehouses: FeatureCollection<Point, WarehouseInput>, options: { limit?: number } = {}): WarehouseReach[] {
  const rows = locateInZones(zones, warehouses).map((h): WarehouseReach => ({
    id: h.id, code: h.properties.code ?? null, name: h.properties.name, level: h.properties.level ?? null, distanceM: h.distanceM, zone: h.zone,
    stock: (h.properties.stock ?? []).map((l) => {
      const quantity = Number(l.quantity);
      const minimum = Number(l.minimum);
      return { item: l.item, unit: l.unit, quantity, minimum, belowMinimum: quantity < minimum };
    }),
  }));
  return options.limit === undefined ? rows : rows.slice(0, options.limit);
}
