/** Checks over the final rules: Teleport ports 3022–3025 open to the internet. */
import { ACME_CA_ID, INTERNET_CIDR, PORTS, SENSITIVE_PORT_RANGE } from '../catalog/index.ts';
import type { Check } from './input.ts';

const LABELS = new Map<number, string>(Object.values(PORTS).map((p) => [p.port, p.label]));

/** PL-INTERNET-EXPOSED. */
export const internetExposure: Check = (input) => {
  const { ctx, out } = input;
  const grouped = new Map<string, { rules: string[]; ports: number[]; source: string; destination: string; address: string }>();
  for (const r of input.rules) {
    const end = r.portEnd ?? r.port;
    if (end < SENSITIVE_PORT_RANGE.from || r.port > SENSITIVE_PORT_RANGE.to) continue;
    const zone = r.sourceZone === undefined ? undefined : ctx.zones.get(r.sourceZone);
    const internet = zone?.kind === 'internet' || r.sourceAddress.split(' ').includes(INTERNET_CIDR) || r.source === ACME_CA_ID;
    if (!internet) continue;
    const key = `${r.source}|${r.destination}`;
    let g = grouped.get(key);
    if (!g) grouped.set(key, (g = { rules: [], ports: [], source: r.source, destination: r.destination, address: r.sourceAddress }));
    g.rules.push(r.id);
    g.ports.push(r.port);
  }
  for (const g of grouped.values()) {
    out.add({
      code: 'PL-INTERNET-EXPOSED', subjects: [g.source, g.destination], nodes: [g.source, g.destination],
      params: {
        rule: g.rules.join(', '), port: g.ports.join(', '), what: g.ports.map((p) => LABELS.get(p) ?? String(p)).join(', '),
        destination: ctx.nodes.get(g.destination)?.name ?? g.destination, source: `${ctx.nodes.get(g.source)?.name ?? g.source}, ${g.address}`,
      },
    });
  }
};

/**
 * PL-ANY-ADDRESS: a plan node that has no address and sits in no zone with CIDRs is `any` in the rules,
 * so every export allows all addresses at that end. One finding per node, with its rule count; clients
 * and cloud APIs are left out.
 */
export const unplacedEnds: Check = (input) => {
  const { ctx, out } = input;
  const counts = new Map<string, number>();
  // Users anywhere and cloud APIs (someone else's endpoints) are `any` by intent.
  const count = (id: string, address: string) => {
    if (address !== 'any') return;
    const kind = ctx.nodes.get(id)?.kind;
    if (kind !== undefined && kind !== 'client' && kind !== 'cloud-api') counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  for (const r of input.rules) {
    count(r.source, r.sourceAddress);
    count(r.destination, r.destinationAddress);
  }
  for (const [id, n] of counts) {
    const node = ctx.nodes.get(id);
    const zone = node?.zone === undefined ? undefined : ctx.zones.get(node.zone);
    out.add({
      code: 'PL-ANY-ADDRESS', subjects: [id], nodes: [id],
      params: { node: node?.name ?? id, rules: n === 1 ? '1 rule names' : `${n} rules name`, where: zone ? `its zone ${zone.name} has no CIDRs` : 'it is in no zone' },
    });
  }
};
