/**
 * Emergency supply warehouses (应急物资储备库): one county warehouse in the county town (floor area in
 * the 630–800 m² band of 建标121-2009), six township warehouses and one park warehouse, each with
 * stock lines (quantity and minimum); about one line in ten is below its minimum.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { StockLine, WarehouseProps } from '@riskmap/geo';
import { placeIn, townshipAt, type Township } from './context.js';
import { personName, phone } from './names.js';
import type { Rng } from './prng.js';
import type { IndustrialPark } from './reference-data.js';

/** [item, unit, minimum at the county warehouse] — township stocks are a tenth, park stocks a twentieth. */
const ITEMS: [string, string, number][] = [
  ['帐篷', '顶', 1000],
  ['棉被', '床', 2500],
  ['折叠床', '张', 1200],
  ['瓶装饮用水', '箱', 1500],
  ['方便食品', '箱', 1200],
  ['应急照明灯', '个', 500],
  ['发电机', '台', 10],
  ['救生衣', '件', 400],
  ['编织袋', '条', 15000],
  ['抽水泵', '台', 8],
  ['雨衣雨靴', '套', 600],
  ['冲锋舟', '艘', 4],
];

function stock(rng: Rng, scale: number, lines: number): StockLine[] {
  return ITEMS.slice(0, lines).map(([item, unit, min]) => {
    const minimum = Math.max(1, Math.round(min * scale));
    const below = rng.chance(0.1);
    const quantity = Math.round(minimum * (below ? rng.range(0.4, 0.95) : rng.range(1.0, 1.8)));
    return { item, unit, quantity: below ? Math.min(quantity, minimum - 1) : quantity, minimum };
  });
}

/**
 * Warehouses WH-001…: county (in the most populous 街道), six townships (most populous towns), one park.
 * @example generateWarehouses(rng, townships, parks).features.length // 8
 */
export function generateWarehouses(rng: Rng, townships: readonly Township[], parks: readonly IndustrialPark[]): FeatureCollection<Point, WarehouseProps> {
  const byPopulation = [...townships].sort((a, b) => b.population - a.population);
  const countyTown = byPopulation.find((t) => t.isUrban) ?? (byPopulation[0] as Township);
  const towns = byPopulation.filter((t) => !t.isUrban).slice(0, 6);
  const park = parks[0];
  type Plan = { level: WarehouseProps['level']; township: Township; name: string; near: [number, number]; floor: number; scale: number };
  const plans: Plan[] = [
    { level: 'county', township: countyTown, name: '阳谷县示例应急物资储备库', near: countyTown.seat, floor: rng.int(630, 800), scale: 1 },
    ...towns.map((t): Plan => ({ level: 'township', township: t, name: `${t.name}示例应急物资储备点`, near: t.seat, floor: rng.int(120, 300), scale: 0.1 })),
  ];
  if (park) {
    const t = townshipAt(townships, [park.lon, park.lat]);
    plans.push({ level: 'park', township: t, name: `${park.name}示例应急物资储备库`, near: [park.lon, park.lat], floor: rng.int(200, 400), scale: 0.05 });
  }
  const features = plans.map((p, i): Feature<Point, WarehouseProps> => {
    const coords = placeIn(rng, p.township, { near: p.near, radiusM: 1500, marginM: 50 });
    return turf.point(coords, {
      code: `WH-${String(i + 1).padStart(3, '0')}`,
      name: p.name,
      sample: true,
      level: p.level,
      floorAreaM2: p.floor,
      townshipCode: p.township.code,
      contactPerson: personName(rng),
      contactPhone: phone(rng),
      stock: stock(rng, p.scale, p.level === 'county' ? ITEMS.length : rng.int(7, 10)),
    });
  });
  return turf.featureCollection(features);
}
