/** Users' tools → Proxy (reference §2.1): which listeners each tool needs, per listener mode. */
import { CLIENT_TOOLS, flowTemplate, usesProxy } from '../../catalog/index.ts';
import type { ClientToolName, Cluster, Link, NodeOfKind, PlanNode } from '../../schema/index.ts';
import { clusterOf } from '../context.ts';
import { reachProxy } from '../reach.ts';
import { monitorFlows } from './monitoring.ts';
import type { Entry, Need } from '../reach.ts';
import { entryOf, linkCause } from '../run.ts';
import type { Handler, Run } from '../run.ts';

const toolNeeds = new Map<string, readonly Need[]>();

/** The needs of one tool in one listener mode (built once; the same objects every time). */
function needsOf(tool: ClientToolName, mode: Cluster['proxyListenerMode']): readonly Need[] {
  const key = `${tool}|${mode}`;
  let list = toolNeeds.get(key);
  if (!list) {
    list = CLIENT_TOOLS[tool][mode].map((n) => {
      const need: Need = { use: n.listener, template: flowTemplate(n.template) };
      if (n.ifExists) need.ifExists = true;
      return need;
    });
    toolNeeds.set(key, list);
  }
  return list;
}

/** The needs of a client's tools in a cluster's listener mode. */
export function clientNeeds(client: NodeOfKind<'client'>, mode: Cluster['proxyListenerMode']): Need[] {
  return client.tools.flatMap((tool) => needsOf(tool, mode));
}

/** Client flows into one entry (nothing for a client whose only tool is monitoring). */
export function reachAsClient(run: Run, client: NodeOfKind<'client'>, entry: Entry, links: readonly string[], cause: string): void {
  if (!client.tools.some(usesProxy)) return;
  const cluster = entry.kind === 'tenant' ? run.ctx.clusters.get(entry.cluster) : clusterOf(run.ctx, entry.node);
  const mode = entry.kind === 'tenant' ? 'multiplex' : (cluster?.proxyListenerMode ?? 'multiplex');
  reachProxy(run.ctx, run.sink, run.obs, { initiator: client, entry, needs: clientNeeds(client, mode), links, settings: [`nodes[${client.id}].tools`], cause });
  run.obs.reachedCluster.add(client.id);
}

/** client — proxy / client — load balancer; a monitoring client also scrapes the Proxy itself. */
export const clientEntry: Handler = (run: Run, link: Link, initiator: PlanNode, listener: PlanNode) => {
  const entry = entryOf(listener);
  if (initiator.kind !== 'client' || !entry) return;
  reachAsClient(run, initiator, entry, [link.id], linkCause(link, `tools ${initiator.tools.join(', ')}`));
  if (listener.kind === 'proxy') monitorFlows(run, link, initiator, listener);
  else if (!initiator.tools.some(usesProxy)) run.obs.monitorViaLb.push({ client: initiator.id, node: listener.id, link: link.id });
};
