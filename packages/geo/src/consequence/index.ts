export { consequenceZones, type ConsequenceSubstance, type ConsequenceZones } from './consequence-zones.js';
export { toxicReleaseRadii, type ToxicRadii } from './toxic-release-radii.js';
export { explosionRadii } from './explosion-radii.js';
export { fireballRadii } from './fireball-radii.js';
export { poolFireRadii } from './pool-fire-radii.js';
export { gaussianPlumeMgM3, type StabilityClass } from './gaussian-plume.js';
export { kinneyGrahamOverpressureKpa } from './kinney-graham-overpressure.js';
export { atmosphericTransmissivity } from './atmospheric-transmissivity.js';
