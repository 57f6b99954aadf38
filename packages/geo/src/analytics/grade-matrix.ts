import type { DomainConfig } from '@riskmap/config';
import { InputError } from '../input-error.js';
import type { MatrixInputs, RiskLevel } from '../model.js';
import { bandLevel } from './band-level.js';

/**
 * Grades a risk point by the risk matrix: R = L × S (likelihood × severity, 1–5 each), level from the bands.
 * @example gradeMatrix({ L: 4, S: 5 }, config.domain.matrix) // → { method: 'matrix', score: 20, level: 1, … }
 */
export function gradeMatrix(
  inputs: MatrixInputs,
  matrix: DomainConfig['matrix'],
): { method: 'matrix'; inputs: MatrixInputs; score: number; level: RiskLevel; methodVersion: string } {
  for (const factor of ['L', 'S'] as const) {
    const value = inputs[factor];
    if (!matrix[factor].includes(value)) {
      throw new InputError(`risk-matrix factor ${factor} must be one of ${matrix[factor].join(', ')}; got ${String(value)}`, factor, matrix[factor]);
    }
  }
  const score = inputs.L * inputs.S;
  return { method: 'matrix', inputs: { L: inputs.L, S: inputs.S }, score, level: bandLevel(score, matrix.bands), methodVersion: matrix.methodVersion };
}
