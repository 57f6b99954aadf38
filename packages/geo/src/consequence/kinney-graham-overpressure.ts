/**
 * Side-on peak overpressure (kPa) of a TNT charge at scaled distance Z = R ÷ W^(1/3) (m/kg^(1/3)),
 * at sea-level ambient 101.325 kPa: Kinney & Graham (1985), Explosive Shocks in Air, eq. for ps/pa.
 * @example kinneyGrahamOverpressureKpa(10) // → 9.98
 */
export function kinneyGrahamOverpressureKpa(z: number): number {
  const ratio = (808 * (1 + (z / 4.5) ** 2)) / Math.sqrt((1 + (z / 0.048) ** 2) * (1 + (z / 0.32) ** 2) * (1 + (z / 1.35) ** 2));
  return ratio * 101.325;
}
