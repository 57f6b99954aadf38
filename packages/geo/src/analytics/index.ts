export { bandLevel } from './band-level.js';
export { gradeLec } from './grade-lec.js';
export { gradeMatrix } from './grade-matrix.js';
export { gradeMajorHazard } from './grade-major-hazard.js';
export { directMajor, type DirectMajorFacts, type DirectMajorResult } from './direct-major.js';
