/**
 * Connections the Proxy opens to things that are not Teleport (reference §2.3 P6, P10, P11):
 * agentless OpenSSH hosts, a Kubernetes API it serves itself, and ACME (plus the CA's inbound
 * TLS-ALPN-01 challenge on public 443).
 */
import { ACME, ACME_CA_ID, FORWARD_PROXY, flowTemplate } from '../../catalog/index.ts';
import type { NodeOfKind } from '../../schema/index.ts';
import { emitHop } from '../hop.ts';
import type { ProxyInfo } from '../proxy-listeners.ts';
import { linkCause } from '../run.ts';
import type { Handler, Run } from '../run.ts';

/** proxy — openssh-host (agentless). */
export const proxyOpenssh: Handler = (run, link, proxy, host) => {
  if (host.kind !== 'openssh-host') return;
  run.sink.add({ from: proxy.id, to: host.id, port: host.sshPort, template: flowTemplate('proxy-openssh'), cause: linkCause(link), links: [link.id], settings: [`nodes[${host.id}].sshPort`] });
};

/** proxy — kube-api (legacy): the Proxy dials kube.teleport.cluster.local, which HTTPS_PROXY catches unless NO_PROXY lists it (L-H3). */
export const proxyKubeApi: Handler = (run, link, proxy, api) => {
  if (api.kind !== 'kube-api') return;
  emitHop(run.ctx, run.sink, run.obs, {
    initiator: proxy, to: api.id, port: api.port, template: flowTemplate('proxy-kube-api'),
    dial: { host: FORWARD_PROXY.kubeLocalHost, port: api.port }, links: [link.id], settings: [`nodes[${api.id}].port`], cause: linkCause(link),
  });
};

/** ACME: the CA validates each ACME Proxy on public 443 (through its LB when it is a backend), and the Proxy calls the CA. */
export function acmeFlows(run: Run): void {
  const { ctx, sink, obs } = run;
  const challenge = flowTemplate('acme-challenge');
  for (const node of ctx.sortedNodes) {
    if (node.kind !== 'proxy' || !node.acme) continue;
    const info = ctx.proxies.get(node.id) as ProxyInfo;
    const web = info.listeners.get('web')?.port as number;
    const settings = [`nodes[${node.id}].acme`];
    const cause = `Proxy ${node.id} uses ACME (acme.enabled)`;
    const fronts = [...ctx.lbs.entries()].filter(([, lb]) => lb.role === 'proxy' && lb.backends.some((b) => b.id === node.id));
    if (fronts.length === 0) {
      sink.add({ from: ACME_CA_ID, to: node.id, port: web, template: challenge, cause, links: [], settings });
    }
    for (const [lbId] of fronts) {
      const lb = ctx.nodes.get(lbId) as NodeOfKind<'load-balancer'>;
      const m = lb.mappings.find((x) => x.frontPort === ACME.port && x.targetPort === web);
      if (m) sink.add({ from: ACME_CA_ID, to: lbId, port: m.frontPort, template: challenge, cause, links: [], settings: [...settings, `nodes[${lbId}].mappings`] });
    }
    emitHop(ctx, sink, obs, {
      initiator: node, to: ACME_CA_ID, port: ACME.port, template: flowTemplate('acme-directory'),
      dial: { host: ACME.directoryHost, port: ACME.port }, links: [], settings, cause,
    });
  }
}
