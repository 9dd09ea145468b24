/**
 * Shared by the per-host formats (nftables, iptables, verification kit, Teleport config): which
 * hosts a format covers, and what it prints when no host is given (every host, one section each,
 * headed by the file name it belongs in, so the whole plan can be reviewed at once).
 */
import type { DeriveResult } from '../engine/index.ts';
import type { Plan, PlanNode } from '../schema/index.ts';
import { lineComment } from './escape.ts';
import { compareText } from './model.ts';
import { hostEntries } from './views.ts';
import type { HostEntry } from './views.ts';

/** A host and its rules, inbound first (the order of `hostEntries`). */
export interface HostRules {
  node: PlanNode;
  inbound: HostEntry[];
  outbound: HostEntry[];
}

/** The rules of one plan node (empty lists when it has none; undefined when the id is unknown). */
export function hostRules(plan: Plan, result: DeriveResult, hostId: string): HostRules | undefined {
  const node = plan.nodes.find((n) => n.id === hostId);
  if (!node) return undefined;
  const entries = hostEntries(plan, result, hostId);
  return { node, inbound: entries.filter((e) => e.direction === 'in'), outbound: entries.filter((e) => e.direction === 'out') };
}

/** Ids of the plan nodes that touch at least one rule, sorted. */
export function hostsWithRules(plan: Plan, result: DeriveResult): string[] {
  return [...new Set(hostEntries(plan, result).map((e) => e.host.id))].sort(compareText);
}

/**
 * `render(hostId)` for the requested host, or for every host in `hostIds` when none was requested,
 * each section headed by `# ===== <host id> =====` (in the format's comment syntax).
 */
export function perHost(hostId: string | undefined, hostIds: readonly string[], render: (id: string) => string, comment = '# '): string {
  if (hostId !== undefined) return render(hostId);
  if (hostIds.length === 0) return `${lineComment('No host in this plan has anything to export in this format.', comment)}\n`;
  return hostIds.map((id) => `${lineComment(`===== host ${id} =====`, comment)}\n${render(id)}`).join('\n');
}
