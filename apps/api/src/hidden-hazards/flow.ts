import type { HazardFlowStep, HiddenHazardsConfig } from '@riskmap/config';
import { HttpError } from '../http/http-error.js';

const statusZh = (cfg: HiddenHazardsConfig, s: string) => cfg.statuses[s]?.zh ?? (s || '（新登记）');

/** A hazard as the flow's grade and once-only rules see it: its grade and the steps already taken. */
export interface StepHazard {
  grade: string;
  taken: readonly string[];
}

/**
 * The configured step `key` if `role` may take it from `status`: 400 for an unknown step, 403 naming the
 * step and the roles allowed, 409 naming the step and the status it needs (`*` = any open status), 409 naming
 * the step when the hazard's grade is not one the step is for, or the step (once only) is already taken.
 * @example allowedStep(cfg, 'close', 'rectifying', 'commander') // throws 409 illegal_step
 */
export function allowedStep(cfg: HiddenHazardsConfig, key: string, status: string, role: string, hazard?: StepHazard): HazardFlowStep {
  const step = cfg.flow.find((s) => s.key === key);
  if (!step) throw new HttpError(400, 'invalid_input', `step: unknown step "${key}"`, { fields: [{ field: 'step', message: 'unknown step', allowed: cfg.flow.map((s) => s.key) }] });
  if (!step.roles.includes(role)) {
    throw new HttpError(403, 'step_forbidden', `role ${role} may not take the step “${step.zh}” (${step.key}); allowed: ${step.roles.join(', ')}`, {
      step: step.key, stepZh: step.zh, role, allowed: step.roles,
    });
  }
  const fromOk = step.from === '*' ? cfg.statuses[status]?.open === true : step.from === status;
  if (!fromOk) {
    const from = cfg.flow.filter((s) => s.key === key).map((s) => s.from);
    const needs = step.from === '*' ? '未销号（任一在办状态）' : statusZh(cfg, step.from);
    throw new HttpError(409, 'illegal_step', `the step “${step.zh}” (${step.key}) needs status ${needs}; this hazard is ${statusZh(cfg, status)}`, {
      step: step.key, stepZh: step.zh, status, needs: from,
      next: cfg.flow.filter((s) => s.from === status).map((s) => s.key),
    });
  }
  if (hazard && step.grades && !step.grades.includes(hazard.grade)) {
    const grades = step.grades.map((g) => cfg.grades[g as 'major']?.zh ?? g).join('、');
    throw new HttpError(409, 'step_not_for_grade', `the step “${step.zh}” (${step.key}) is only for ${grades}; this hazard is ${cfg.grades[hazard.grade as 'major']?.zh ?? hazard.grade}`, {
      step: step.key, stepZh: step.zh, grade: hazard.grade, grades: step.grades,
    });
  }
  if (hazard && step.once && hazard.taken.includes(step.key)) {
    throw new HttpError(409, 'step_taken', `the step “${step.zh}” (${step.key}) has already been taken for this hazard`, { step: step.key, stepZh: step.zh });
  }
  return step;
}

/** The status after a step: its `to`, or the current status for a step that keeps it (`*`). */
export function statusAfter(step: HazardFlowStep, status: string): string {
  return step.to === '*' ? status : step.to;
}

/** Missing (empty) fields a step requires, e.g. the five 到位 on assignment. */
export function missingRequirements(step: HazardFlowStep, props: Record<string, unknown>): string[] {
  return step.requires.filter((f) => props[f] === undefined || props[f] === null || props[f] === '');
}
