import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the global setup leaves the embedded template data directories (dumped tarballs). */
export function embeddedTemplatePath(runId: string, kind: TemplateKind): string {
  return join(tmpdir(), `riskmap-template-${runId}-${kind}.tar`);
}

/** The server template database names of a test run. */
export function serverTemplateName(runId: string, kind: TemplateKind): string {
  return `riskmap_tpl_${runId}_${kind}`;
}

export type TemplateKind = 'empty' | 'sample';

/** The same server URL pointed at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export const RUN_ID_VAR = 'RISKMAP_TEST_RUN_ID';
