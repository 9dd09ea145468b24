/** Monitoring links (reference §2.9): nothing to scrape, loopback-only endpoints, endpoints open to the internet. */
import { INTERNET_CIDR } from '../catalog/index.ts';
import type { Check, CheckInput } from './input.ts';

/** Flow ids end with `:<catalog>`. */
const DIAG_SUFFIX = ':monitor-diag';
const METRICS_SUFFIX = ':monitor-metrics';

/** PL-MONITOR-NOTHING, PL-MONITOR-LOOPBACK, PL-MONITOR-INTERNET, PL-MONITOR-VIA-LB. */
export const monitoring: Check = (input) => {
  const { ctx, obs, out } = input;
  const name = (id: string) => ctx.nodes.get(id)?.name ?? id;
  for (const g of obs.monitorGaps) {
    out.add({ code: 'PL-MONITOR-NOTHING', subjects: [g.client, g.node], nodes: [g.client, g.node], links: [g.link], params: { client: name(g.client), node: name(g.node) } });
  }
  for (const l of obs.monitorLoopback) {
    out.add({ code: 'PL-MONITOR-LOOPBACK', subjects: [l.client, l.node, l.yamlKey], nodes: [l.client, l.node], links: [l.link], params: { client: name(l.client), node: name(l.node), key: l.yamlKey, addr: l.addr } });
  }
  // Monitoring rules start at a scraping client: most plans have none, and then no rule is read.
  if (obs.monitorScrapers.size > 0) internetScrapes(input, name);
  for (const v of obs.monitorViaLb) {
    out.add({ code: 'PL-MONITOR-VIA-LB', subjects: [v.client, v.node], nodes: [v.client, v.node], links: [v.link], params: { client: name(v.client), lb: name(v.node) } });
  }
};

/** PL-MONITOR-INTERNET: a rule from a scraping client on the internet to a diag or metrics endpoint. */
function internetScrapes(input: CheckInput, name: (id: string) => string): void {
  const { ctx, obs, out } = input;
  for (const r of input.rules) {
    if (!obs.monitorScrapers.has(r.source)) continue;
    let diag = false;
    let metrics = false;
    for (const f of r.flows) {
      if (f.endsWith(DIAG_SUFFIX)) diag = true;
      else if (f.endsWith(METRICS_SUFFIX)) metrics = true;
    }
    if (!diag && !metrics) continue;
    const zone = r.sourceZone === undefined ? undefined : ctx.zones.get(r.sourceZone);
    if (zone?.kind !== 'internet' && !r.sourceAddress.split(' ').includes(INTERNET_CIDR)) continue;
    const why = diag ? 'diag_addr has no authentication' : 'metrics_service authenticates scrapers only with mTLS (keypairs and ca_certs)';
    out.add({ code: 'PL-MONITOR-INTERNET', subjects: [r.id], nodes: [r.source, r.destination], links: r.links, params: { rule: r.id, port: r.port, node: name(r.destination), source: `${name(r.source)}, ${r.sourceAddress}`, why } });
  }
}
