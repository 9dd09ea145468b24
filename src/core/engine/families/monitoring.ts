/**
 * Monitoring systems → Teleport processes (reference §2.9): a client with the `monitoring` tool
 * scrapes `metrics_service` (M1, default 3081) and probes `diag_addr` (M2) of the Teleport nodes it
 * is linked to. Endpoints bound to loopback cannot be reached from another host: no rule, a finding.
 */
import { MONITOR_ENDPOINTS, flowTemplate, usesProxy } from '../../catalog/index.ts';
import { isTeleportNode } from '../../schema/index.ts';
import type { Link, PlanNode } from '../../schema/index.ts';
import { isLoopbackHost, isUnspecifiedHost, joinHostPort, parseHostPort } from '../addr.ts';
import { linkCause } from '../run.ts';
import type { Handler, Run } from '../run.ts';

/** A monitoring endpoint of a Teleport node, from its plan fields. */
export interface MonitorEndpoint {
  field: (typeof MONITOR_ENDPOINTS)[number]['field'];
  /** teleport.yaml key, for causes and findings. */
  yamlKey: string;
  template: string;
  addr: string;
}

/** The endpoints a Teleport node opens for monitoring, in catalog order (metrics, then diag). */
export function monitorEndpoints(node: PlanNode): MonitorEndpoint[] {
  if (!isTeleportNode(node)) return [];
  const out: MonitorEndpoint[] = [];
  for (const e of MONITOR_ENDPOINTS) {
    const addr = (node as Partial<Record<MonitorEndpoint['field'], string>>)[e.field];
    if (addr) out.push({ field: e.field, yamlKey: node.kind === 'tbot' ? (e.tbotYamlKey ?? e.yamlKey) : e.yamlKey, template: e.template, addr });
  }
  return out;
}

/** Flows from a monitoring client to the endpoints of one Teleport node it is linked to. */
export function monitorFlows(run: Run, link: Link, client: PlanNode, node: PlanNode): void {
  if (client.kind !== 'client' || !client.tools.includes('monitoring')) return;
  const endpoints = monitorEndpoints(node);
  if (endpoints.length === 0) {
    // A client that also reaches the Proxy (or, with tsh, the relay) through this link is there for that: no gap to report.
    const other = node.kind === 'proxy' ? client.tools.some(usesProxy) : node.kind === 'relay' ? client.tools.includes('tsh') : false;
    if (!other) run.obs.monitorGaps.push({ client: client.id, node: node.id, link: link.id });
    return;
  }
  for (const e of endpoints) {
    const hp = parseHostPort(e.addr);
    if (!hp || hp.port === undefined) continue;
    if (isLoopbackHost(hp.host)) {
      run.obs.monitorLoopback.push({ client: client.id, node: node.id, link: link.id, addr: e.addr, yamlKey: e.yamlKey });
      continue;
    }
    const host = isUnspecifiedHost(hp.host) ? undefined : hp.host;
    run.obs.monitorScrapers.add(client.id);
    run.sink.add({
      from: client.id, to: node.id, port: hp.port, template: flowTemplate(e.template),
      cause: linkCause(link, `${node.id} ${e.yamlKey} ${e.addr}`), links: [link.id],
      settings: [`nodes[${client.id}].tools`, `nodes[${node.id}].${e.field}`],
      dialTarget: host === undefined ? undefined : joinHostPort(host, hp.port),
    });
  }
}

/** client (monitoring) — auth / agent / tbot. */
export const monitoring: Handler = (run, link, client, node) => monitorFlows(run, link, client, node);
