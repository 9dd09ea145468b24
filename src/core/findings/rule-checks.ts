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
