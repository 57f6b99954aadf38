/**
 * The township record every layer generator works with, and placement of a point inside one.
 */
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { randomPointIn, type PlacementOptions } from './geometry.js';
import type { Rng } from './prng.js';
import type { TownshipShape } from './townships.js';

/** A township polygon with its generated resident population. */
export interface Township extends TownshipShape {
  population: number;
}

/**
 * A random point strictly inside township `t` (see randomPointIn), so `t.code` is its townshipCode.
 * @example placeIn(rng, t, { near: t.seat, radiusM: 1500, marginM: 50 })
 */
export function placeIn(rng: Rng, t: Township, options: PlacementOptions): [number, number] {
  return randomPointIn(rng, turf.feature(t.geometry, { name: t.name }), options);
}

/**
 * The township containing `point`, found by its code; throws when the generator placed something outside all of them.
 * @example townshipAt(townships, park) // the 郭店屯镇 record for the 祥光生态工业园区 point
 */
export function townshipAt(townships: readonly Township[], point: Position): Township {
  const t = townships.find((x) => turf.booleanPointInPolygon(point, x.geometry, { ignoreBoundary: true }));
  if (!t) throw new Error(`townshipAt: [${point.join(', ')}] is in no township`);
  return t;
}
