/**
 * Agents → protected resources (reference §2.6, §2.7), Auth → its backends (§2.4), and the GCP VM
 * installer path (A6: a VM discovered over SSH fetches the installer from the Proxy web port).
 */
import { AUTH_BACKENDS, DATABASE_ENGINES, SCHEME_PORTS, flowTemplate, resourceForwardProxy, resourceSpec } from '../../catalog/index.ts';
import type { ResourcePort } from '../../catalog/index.ts';
import type { Link, NodeOfKind, PlanNode } from '../../schema/index.ts';
import { reachProxy } from '../reach.ts';
import type { Need } from '../reach.ts';
import { parseHostPort } from '../addr.ts';
import { emitHop } from '../hop.ts';
import { proxyUrlFor } from '../forward.ts';
import { hasProxyEnv } from '../relations.ts';
import { entriesOf, linkCause } from '../run.ts';
import type { Handler, Run } from '../run.ts';
import type { FlowInput } from '../sink.ts';

/** Port of a resource per the catalog rule, with the plan field it came from; undefined when unknown. */
export function resourcePort(node: PlanNode, rule: ResourcePort): { port: number; setting: string; assumed: boolean } | undefined {
  if (rule.from === 'engine') {
    if (node.kind !== 'database') return undefined;
    return node.port !== undefined ? { port: node.port, setting: 'port', assumed: false } : { port: DATABASE_ENGINES[node.engine].defaultPort, setting: 'engine', assumed: true };
  }
  if (rule.from === 'uri') {
    if (node.kind !== 'app') return undefined;
    const m = /^([a-z]+):\/\/[^/\s:]+(?::(\d{1,5}))?/.exec(node.uri);
    if (!m) return undefined;
    if (m[2] !== undefined) return { port: Number(m[2]), setting: 'uri', assumed: false };
    const p = SCHEME_PORTS[m[1] ?? ''];
    return m[1] === 'tcp' || p === undefined ? undefined : { port: p, setting: 'uri', assumed: true };
  }
  const value = (node as unknown as Record<string, unknown>)[rule.field];
  return typeof value === 'number' ? { port: value, setting: rule.field, assumed: false } : undefined;
}

/** `tcp_ports` of a multi-port TCP app (`tcp://host`): each range is one flow (reference R7). */
function appPortRanges(run: Run, link: Link, agent: PlanNode, app: NodeOfKind<'app'>): boolean {
  if (!app.tcpPorts?.length || !app.uri.startsWith('tcp://')) return false;
  const template = flowTemplate('agent-app');
  for (const r of app.tcpPorts) {
    run.sink.add({
      from: agent.id, to: app.id, port: r.port, portEnd: r.endPort === undefined || r.endPort === r.port ? undefined : r.endPort, template,
      cause: linkCause(link, `tcp_ports of ${app.id}`), links: [link.id], settings: [`nodes[${app.id}].tcpPorts`],
    });
  }
  return true;
}

/** The host an agent dials for a resource (matched against NO_PROXY): an app's URI host, else its first address that is not a CIDR. */
function dialHost(resource: PlanNode): string | undefined {
  if (resource.kind === 'app') {
    try {
      // WHATWG URL: drops user info and IPv6 brackets, as Go's url.Parse + Hostname() do.
      const host = new URL(resource.uri).hostname;
      if (host !== '') return host.replace(/^\[|\]$/g, '');
    } catch {
      // Not a URL: fall back to the node's addresses.
    }
  }
  const first = resource.addresses[0];
  return first === undefined || first.includes('/') ? undefined : (parseHostPort(first)?.host ?? first);
}

/** agent — resource. */
export const agentResource: Handler = (run, link, agent, resource) => {
  const spec = resourceSpec(resource.kind);
  if (!spec) return;
  if (resource.kind === 'app' && appPortRanges(run, link, agent, resource)) return;
  for (const f of spec.flows) {
    const port = resourcePort(resource, f.port);
    if (!port) continue;
    const note = port.assumed && resource.kind === 'database' ? `Port ${port.port} assumed: the plan gives none (${DATABASE_ENGINES[resource.engine].portOrigin}).` : undefined;
    const template = flowTemplate(f.template);
    // Only a node with a forward proxy in its environment can route through it (hot path: most have none).
    const use = template.forwardProxy === 'resource' && hasProxyEnv(agent) ? resourceForwardProxy(resource) : template.forwardProxy;
    if (proxyUrlFor(agent, use) !== undefined) {
      // Clients that honour HTTP(S)_PROXY (HTTP(S) apps, some database engines, the Kubernetes API transport, cloud SDKs): the hop may go through a forward proxy.
      const host = dialHost(resource);
      emitHop(run.ctx, run.sink, run.obs, {
        initiator: agent, to: resource.id, port: port.port, template, use, dial: { host: host ?? '', port: port.port }, ...(host === undefined ? { dialUnknown: true } : {}),
        links: [link.id], settings: [`nodes[${resource.id}].${port.setting}`], cause: linkCause(link), ...(note === undefined ? {} : { note }),
      });
      continue;
    }
    const input: FlowInput = {
      from: agent.id, to: resource.id, port: port.port, template, cause: linkCause(link),
      links: [link.id], settings: [`nodes[${resource.id}].${port.setting}`],
    };
    if (note !== undefined) input.note = note;
    run.sink.add(input);
  }
  if (resource.kind === 'openssh-host') vmInstaller(run, agent, resource, link.id);
};

let vmNeeds: readonly Need[] | undefined;

/**
 * A VM discovered by this agent fetches the installer through the agent's own entries, then runs as
 * an SSH agent joined via the Proxy: a reverse tunnel to the tunnel address (the web port in multiplex).
 */
function vmInstaller(run: Run, agent: PlanNode, vm: PlanNode, link: string): void {
  vmNeeds ??= [{ use: 'web', template: flowTemplate('vm-installer') }, { use: 'tunnel', template: flowTemplate('vm-agent-tunnel') }];
  for (const ref of entriesOf(run, agent.id)) {
    reachProxy(run.ctx, run.sink, run.obs, {
      initiator: vm, entry: ref.entry, needs: vmNeeds,
      links: [link], settings: [`nodes[${agent.id}].services`], cause: `Discovery Service ${agent.id} installs Teleport on ${vm.id}, which then fetches the installer and joins through the Proxy`,
    });
  }
}

/** auth — cloud API / database (backend storage). */
export const authBackend: Handler = (run, link, auth, resource) => {
  const rule = AUTH_BACKENDS[resource.kind];
  const port = rule ? resourcePort(resource, rule) : undefined;
  if (!port) return;
  run.sink.add({ from: auth.id, to: resource.id, port: port.port, template: flowTemplate('auth-backend'), cause: linkCause(link), links: [link.id], settings: [`nodes[${resource.id}].${port.setting}`] });
};
