import type { HazardFlowStep, HiddenHazardsConfig } from '@riskmap/config';
import { HttpError } from '../http/http-error.js';

const statusZh = (cfg: HiddenHazardsConfig, s: string) => cfg.statuses[s]?.zh ?? (s || '（新登记）');

/**
 * The configured step `key` if `role` may take it from `status`: 404 for an unknown step, 403 naming the
 * step and the roles allowed, 409 naming the step and the status it needs.
 * @example allowedStep(cfg, 'close', 'rectifying', 'commander') // throws 409 illegal_step
 */
export function allowedStep(cfg: HiddenHazardsConfig, key: string, status: string, role: string): HazardFlowStep {
  const step = cfg.flow.find((s) => s.key === key);
  if (!step) throw new HttpError(400, 'invalid_input', `step: unknown step "${key}"`, { fields: [{ field: 'step', message: 'unknown step', allowed: cfg.flow.map((s) => s.key) }] });
  if (!step.roles.includes(role)) {
    throw new HttpError(403, 'step_forbidden', `role ${role} may not take the step “${step.zh}” (${step.key}); allowed: ${step.roles.join(', ')}`, {
      step: step.key, stepZh: step.zh, role, allowed: step.roles,
    });
  }
  if (step.from !== status) {
    const from = cfg.flow.filter((s) => s.key === key).map((s) => s.from);
    throw new HttpError(409, 'illegal_step', `the step “${step.zh}” (${step.key}) needs status ${statusZh(cfg, step.from)}; this hazard is ${statusZh(cfg, status)}`, {
      step: step.key, stepZh: step.zh, status, needs: from,
      next: cfg.flow.filter((s) => s.from === status).map((s) => s.key),
    });
  }
  return step;
}

/** Missing (empty) fields a step requires, e.g. the five 到位 on assignment. */
export function missingRequirements(step: HazardFlowStep, props: Record<string, unknown>): string[] {
  return step.requires.filter((f) => props[f] === undefined || props[f] === null || props[f] === '');
}
