/** Views over a derive result: per zone pair (firewalls between zones) and per host. */
import type { Plan } from '../schema/index.ts';
import { nodeLabel } from './endpoints.ts';
import type { DeriveResult, HostView, Rule, ZonePairView } from './types.ts';

const NO_ZONE = '-';
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What each firewall between two zones must allow. One entry per (source zone, destination zone),
 * sorted by id; rules inside one zone are grouped with `sameZone: true`.
 */
export function rulesByZonePair(result: DeriveResult, _plan: Plan): ZonePairView[] {
  const groups = new Map<string, ZonePairView>();
  for (const r of result.rules) {
    const id = `${r.sourceZone ?? NO_ZONE}>${r.destinationZone ?? NO_ZONE}`;
    let g = groups.get(id);
    if (!g) {
      g = { id, sameZone: r.sameZone, rules: [] };
      if (r.sourceZone !== undefined) g.sourceZone = r.sourceZone;
      if (r.destinationZone !== undefined) g.destinationZone = r.destinationZone;
      groups.set(id, g);
    }
    g.rules.push(r);
  }
  return [...groups.values()].sort((a, b) => cmp(a.id, b.id));
}

/**
 * Inbound and outbound rules of every plan node (all nodes, even without rules) and of every
 * synthetic endpoint that appears in a rule. Sorted by id.
 */
export function rulesByHost(result: DeriveResult, plan: Plan): HostView[] {
  const views = new Map<string, HostView>();
  const view = (id: string): HostView => {
    let v = views.get(id);
    if (!v) {
      v = { id, name: nodeLabel(plan, id), inbound: [], outbound: [] };
      const zone = plan.nodes.find((n) => n.id === id)?.zone;
      if (zone !== undefined) v.zone = zone;
      views.set(id, v);
    }
    return v;
  };
  for (const n of plan.nodes) {
    const v: HostView = { id: n.id, name: n.name, inbound: [], outbound: [] };
    if (n.zone !== undefined) v.zone = n.zone;
    views.set(n.id, v);
  }
  for (const r of result.rules as Rule[]) {
    const from = view(r.source);
    const to = view(r.destination);
    // A synthetic endpoint (ACME CA, kubelet) has the zone the engine gave it in its rules.
    if (from.zone === undefined && r.sourceZone !== undefined) from.zone = r.sourceZone;
    if (to.zone === undefined && r.destinationZone !== undefined) to.zone = r.destinationZone;
    from.outbound.push(r);
    to.inbound.push(r);
  }
  return [...views.values()].sort((a, b) => cmp(a.id, b.id));
}
