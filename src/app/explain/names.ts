/** Names the explain tabs show: node names (and the engine's synthetic endpoints), zone names, ports. */
import { nodeLabel } from '../../core/engine/endpoints.ts';
import type { Plan } from '../../core/schema/index.ts';
import type { AccessTool } from '../../core/trace/index.ts';

/** Names of zones, nodes and the engine's synthetic endpoints (`cloud-tenant:main`…); one map, built once per plan. */
export function nameIn(plan: Plan): (id: string | undefined) => string {
  const known = new Map<string, string>(plan.zones.map((z) => [z.id, z.name]));
  for (const n of plan.nodes) if (!known.has(n.id)) known.set(n.id, n.name);
  return (id) => (id === undefined ? 'no zone' : (known.get(id) ?? nodeLabel(plan, id)));
}

export function portText(rule: { port: number; portEnd?: number }): string {
  return rule.portEnd !== undefined && rule.portEnd !== rule.port ? `${rule.port}–${rule.portEnd}` : String(rule.port);
}

export const TOOL_LABEL: Readonly<Record<AccessTool, string>> = {
  tsh: 'tsh (SSH)',
  kubectl: 'kubectl',
  database: 'database client',
  browser: 'browser',
  rdp: 'RDP (browser)',
  tbot: 'tbot (Machine ID)',
};
