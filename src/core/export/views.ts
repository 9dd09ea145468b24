/**
 * The two ways firewall teams read rules: per zone pair (what each firewall between zones must allow)
 * and per host (what each host firewall lets in and out). Both are orderings of the same resolved rows.
 */
import { rulesByHost, rulesByZonePair } from '../engine/views.ts';
import type { DeriveResult } from '../engine/index.ts';
import type { Plan, PlanNode } from '../schema/index.ts';
import { Resolver, compareText } from './model.ts';
import type { Endpoint, RuleRow } from './model.ts';

/** Rules whose source sits in one zone and whose destination sits in another (or the same). */
export interface ZonePairGroup {
  /** The engine's zone pair id: `sourceZone>destinationZone`, `-` for "no zone". */
  key: string;
  sourceZoneId?: string;
  destinationZoneId?: string;
  sourceZoneName: string;
  destinationZoneName: string;
  /** Both ends in the same zone: only host firewalls sit in between. */
  sameZone: boolean;
  rows: RuleRow[];
}

/** The engine's zone-pair view (`rulesByZonePair`, its order), with names; rows in rule id order. */
export function zonePairGroups(plan: Plan, result: DeriveResult): ZonePairGroup[] {
  const resolver = new Resolver(plan);
  return rulesByZonePair(result, plan).map((view) => ({
    key: view.id,
    ...(view.sourceZone !== undefined ? { sourceZoneId: view.sourceZone } : {}),
    ...(view.destinationZone !== undefined ? { destinationZoneId: view.destinationZone } : {}),
    sourceZoneName: resolver.zoneName(view.sourceZone),
    destinationZoneName: resolver.zoneName(view.destinationZone),
    sameZone: view.sameZone,
    rows: [...view.rules].sort((a, b) => compareText(a.id, b.id)).map((r) => resolver.row(r)),
  }));
}

export type Direction = 'in' | 'out';

/** One rule seen from one host: inbound when the host listens, outbound when it opens the connection. */
export interface HostEntry {
  host: Endpoint;
  direction: Direction;
  peer: Endpoint;
  row: RuleRow;
}

/**
 * The engine's per-host view (`rulesByHost`) flattened: every rule from the side of each plan node it
 * touches (a rule between two nodes appears twice: outbound at its source, inbound at its
 * destination). Synthetic endpoints (a Cloud tenant, the ACME CA) are peers only: nobody here
 * configures their firewall. Ordered by host id, inbound first, then rule id.
 */
export function hostEntries(plan: Plan, result: DeriveResult, hostId?: string): HostEntry[] {
  const resolver = new Resolver(plan);
  const entries: HostEntry[] = [];
  for (const view of rulesByHost(result, plan)) {
    if (hostId !== undefined && view.id !== hostId) continue;
    for (const [direction, rules] of [['in', view.inbound], ['out', view.outbound]] as const) {
      for (const rule of [...rules].sort((a, b) => compareText(a.id, b.id))) {
        const row = resolver.row(rule);
        const [host, peer] = direction === 'in' ? [row.destination, row.source] : [row.source, row.destination];
        if (host.kind === 'node') entries.push({ host, direction, peer, row });
      }
    }
  }
  return entries;
}

export type HostLookup = { ok: true; node: PlanNode } | { ok: false; message: string };

/** Find the host a per-host export is about, by node id or by its exact name. */
export function findHost(plan: Plan, nameOrId: string): HostLookup {
  const byId = plan.nodes.find((n) => n.id === nameOrId);
  if (byId) return { ok: true, node: byId };
  const byName = plan.nodes.filter((n) => n.name === nameOrId);
  if (byName.length === 1 && byName[0]) return { ok: true, node: byName[0] };
  if (byName.length > 1) {
    return { ok: false, message: `several nodes are named "${nameOrId}" (${byName.map((n) => n.id).join(', ')}); give the node id instead` };
  }
  return { ok: false, message: `no node with id or name "${nameOrId}"` };
}
