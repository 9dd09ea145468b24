/** Every flow template, by id. */
import { AGENT_FLOWS } from './agents.ts';
import { CLIENT_FLOWS } from './clients.ts';
import { CONTROL_PLANE_FLOWS } from './control-plane.ts';
import { MONITORING_FLOWS } from './monitoring.ts';
import { NETWORK_FLOWS } from './network.ts';
import { RELAY_FLOWS } from './relay.ts';
import { RESOURCE_FLOWS } from './resources.ts';
import { TRUST_FLOWS } from './trust.ts';
import { WORKLOAD_FLOWS } from './workload.ts';
import type { FlowTemplate } from './types.ts';

/** All templates in one list (each family lives in its own file). */
export const ALL_FLOW_TEMPLATES: readonly FlowTemplate[] = [
  ...CLIENT_FLOWS,
  ...AGENT_FLOWS,
  ...CONTROL_PLANE_FLOWS,
  ...TRUST_FLOWS,
  ...RESOURCE_FLOWS,
  ...NETWORK_FLOWS,
  ...MONITORING_FLOWS,
  ...RELAY_FLOWS,
  ...WORKLOAD_FLOWS,
];

/** Templates by id. */
export const FLOW_TEMPLATES: ReadonlyMap<string, FlowTemplate> = new Map(ALL_FLOW_TEMPLATES.map((t) => [t.id, t]));

/** Proxy peering over gRPC or QUIC: the templates of reference row P2. */
export const PEERING_TEMPLATES: ReadonlySet<string> = new Set(ALL_FLOW_TEMPLATES.filter((t) => t.ref === 'P2').map((t) => t.id));

/** The template with this id; throws on an unknown id (a catalog bug, caught by tests). */
export function flowTemplate(id: string): FlowTemplate {
  const t = FLOW_TEMPLATES.get(id);
  if (!t) throw new Error(`unknown flow template "${id}"`);
  return t;
}

export type { FlowTemplate, ForwardProxyUse } from './types.ts';
