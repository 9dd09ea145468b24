import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { ALL_FINDINGS } from '../catalog/findings.ts';
import { applyAllAutofixes, derive, newErrors } from '../engine/index.ts';
import { withAssertionFindings } from '../assertions/index.ts';
import { applyAutofix } from './index.ts';
import { PlanSchema } from '../schema/index.ts';
import { TEMPLATES } from '../templates/index.ts';
import { examplePlan } from '../examples/example-plan.ts';

type PlanInput = z.input<typeof PlanSchema>;
type Mut = (p: PlanInput) => void;

/** A healthy plan: LB 443 → 3080 in front of one Proxy, Auth, an SSH agent, users. No findings. */
function base(): PlanInput {
  return {
    type: 'portolan-plan', version: 1, name: 'base',
    clusters: [{ id: 'main', name: 'teleport.example.com' }],
    zones: [
      { id: 'internet', name: 'Internet', kind: 'internet', cidrs: ['0.0.0.0/0'] },
      { id: 'dmz', name: 'DMZ', kind: 'dmz', cidrs: ['10.0.1.0/24'] },
      { id: 'private', name: 'Private', kind: 'private', cidrs: ['10.0.10.0/24'] },
      { id: 'other', name: 'Other', kind: 'private', cidrs: ['10.0.20.0/24'] },
    ],
    nodes: [
      { id: 'users', name: 'Users', kind: 'client', tools: ['browser', 'tsh'], zone: 'internet' },
      { id: 'lb', name: 'LB', kind: 'load-balancer', mappings: [{ frontPort: 443, targetPort: 3080 }], idleTimeoutSeconds: 350, addresses: ['teleport.example.com'], zone: 'dmz' },
      { id: 'proxy-1', name: 'Proxy 1', kind: 'proxy', publicAddr: ['teleport.example.com:443'], proxyProtocol: 'off', addresses: ['10.0.1.11'], zone: 'dmz' },
      { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.10.5'], proxyProtocol: 'off', zone: 'private' },
      { id: 'agent', name: 'Agent', kind: 'agent', services: ['ssh'], addresses: ['10.0.10.21'], zone: 'private' },
    ],
    links: [
      { id: 'users-lb', source: 'users', target: 'lb' },
      { id: 'lb-proxy-1', source: 'lb', target: 'proxy-1' },
      { id: 'proxy-1-auth', source: 'proxy-1', target: 'auth' },
      { id: 'agent-lb', source: 'agent', target: 'lb' },
    ],
  };
}

type AnyNode = Record<string, unknown> & { id: string };
const nodes = (p: PlanInput) => p.nodes as unknown as AnyNode[];
const node = (p: PlanInput, id: string): AnyNode => nodes(p).find((n) => n.id === id) as AnyNode;
const set = (id: string, fields: Record<string, unknown>): Mut => (p) => Object.assign(node(p, id), fields);
const cluster = (fields: Record<string, unknown>): Mut => (p) => Object.assign(p.clusters[0] as object, fields);
const add = (n: AnyNode): Mut => (p) => void nodes(p).push(structuredClone(n));
const link = (source: string, target: string): Mut => (p) => void p.links?.push({ id: `${source}--${target}`, source, target });
const unlink = (id: string): Mut => (p) => void (p.links = p.links?.filter((l) => l.id !== id));
const remove = (id: string): Mut => (p) => {
  p.nodes = nodes(p).filter((n) => n.id !== id) as PlanInput['nodes'];
  p.links = p.links?.filter((l) => l.source !== id && l.target !== id);
};
const all = (...m: Mut[]): Mut => (p) => m.forEach((f) => f(p));
const none: Mut = () => {};

const proxy2 = add({ id: 'proxy-2', name: 'Proxy 2', kind: 'proxy', publicAddr: ['teleport.example.com:443'], addresses: ['10.0.1.12'], zone: 'dmz' });
const twoProxies = all(proxy2, link('lb', 'proxy-2'), link('proxy-2', 'auth'));
const separateV3 = all(cluster({ proxyListenerMode: 'separate' }), set('proxy-1', { sshListenAddr: '0.0.0.0:3023', tunnelListenAddr: '0.0.0.0:3024' }));
const sepMappings = set('lb', { mappings: [{ frontPort: 443, targetPort: 3080 }, { frontPort: 3023, targetPort: 3023 }, { frontPort: 3024, targetPort: 3024 }] });
/** Proxy 1 reaches Auth through an L4 Auth load balancer that sends PROXY headers, or not. */
const authLb = (sends: boolean): Mut => all(
  add({ id: 'auth-lb', name: 'Auth LB', kind: 'load-balancer', mappings: [{ frontPort: 3025, targetPort: 3025 }], addresses: ['auth.teleport.internal'], sendsProxyProtocol: sends, zone: 'private' }),
  unlink('proxy-1-auth'), link('proxy-1', 'auth-lb'), link('auth-lb', 'auth'),
);
/** A tbot in the private zone, joined through LB (or, with `auth`, straight to Auth). */
const joiningBot = (fields: Record<string, unknown>, auth = false): Mut => all(
  add({ id: 'bot', name: 'CI bot', kind: 'tbot', addresses: ['10.0.10.30'], zone: 'private', ...(auth ? { joinVia: 'auth' } : {}), ...fields }),
  link('bot', auth ? 'auth' : 'lb'),
);
const fwdNode = add({ id: 'fwd', name: 'Corporate proxy', kind: 'http-proxy', port: 3128, addresses: ['proxy.corp.example.com'], zone: 'private' });
const httpApp = (uri: string) => all(add({ id: 'wiki', name: 'Wiki', kind: 'app', uri, addresses: ['10.0.20.30'], zone: 'other' }), link('agent', 'wiki'));
const leaf = all(
  (p) => void p.clusters.push({ id: 'leaf', name: 'leaf.example.com', trustedRoot: 'main' }),
  add({ id: 'leaf-auth', name: 'Leaf Auth', kind: 'auth', cluster: 'leaf', proxyProtocol: 'off', zone: 'other' }),
  add({ id: 'leaf-proxy', name: 'Leaf Proxy', kind: 'proxy', cluster: 'leaf', publicAddr: ['leaf.example.com:443'], zone: 'other' }),
  link('leaf-proxy', 'leaf-auth'),
);
const webApp = all(
  add({ id: 'app-agent', name: 'App agent', kind: 'agent', services: ['app'], zone: 'private' }),
  add({ id: 'grafana', name: 'Grafana', kind: 'app', uri: 'http://grafana.internal:3000', zone: 'private' }),
  link('app-agent', 'lb'),
  link('app-agent', 'grafana'),
);
const leafTrust = (fields: Record<string, unknown>): Mut => (p) => void Object.assign(p.clusters.find((c) => c.id === 'leaf') as object, fields);
const prom = all(add({ id: 'prom', name: 'Prometheus', kind: 'client', tools: ['monitoring'], addresses: ['10.0.10.9'], zone: 'private' }), link('prom', 'agent'));
const relayNode = (id = 'relay', fields: Record<string, unknown> = {}): Mut => all(add({ id, name: `Relay ${id}`, kind: 'relay', publicHostnames: ['relay.example.com'], zone: 'private', ...fields }), link(id, 'lb'));
const relayLb = (fields: Record<string, unknown> = {}): Mut => all(add({ id: 'relay-lb', name: 'Relay LB', kind: 'load-balancer', mappings: [{ frontPort: 3042, targetPort: 3042 }], idleTimeoutSeconds: 350, zone: 'private', ...fields }), link('relay-lb', 'relay'));
const bot = (workloadApi: Record<string, unknown>, zone = 'k8s'): Mut => all(
  (p) => void p.zones?.push({ id: 'k8s', name: 'Cluster nodes', kind: 'kubernetes', cidrs: ['10.20.0.0/16'] }),
  add({ id: 'bot', name: 'Workload bot', kind: 'tbot', zone, workloadApi }),
  link('bot', 'lb'),
);
const cloudCluster = cluster({ deployment: 'cloud', cloudTenant: 'example.teleport.sh:443' });
const cloudOnly = all(cloudCluster, remove('lb'), remove('proxy-1'), remove('auth'));

// [code, broken, fixed]: the code appears with `broken` applied to the base plan, and not with `fixed`.
const CASES: [string, Mut, Mut][] = [
  ['L-P1', set('proxy-1', { publicAddr: ['teleport.example.com:443', 'internal.example.com:443'] }), none],
  ['L-P2', set('proxy-1', { publicAddr: [] }), none],
  ['L-P3', set('proxy-1', { publicAddr: ['teleport.example.com'] }), none],
  ['PL-TUNNEL-ENV-PORT', set('agent', { env: { teleportTunnelPublicAddr: 'tunnel.example.com' } }), set('agent', { env: { teleportTunnelPublicAddr: 'tunnel.example.com:443' } })],
  ['L-P4', all(separateV3, set('lb', { mappings: [{ frontPort: 443, targetPort: 3080 }, { frontPort: 3023, targetPort: 3023 }, { frontPort: 4024, targetPort: 3024 }] })), all(separateV3, sepMappings)],
  ['L-T1', cluster({ proxyListenerMode: 'separate' }), all(separateV3, sepMappings)],
  ['L-T3', all(set('lb', { layer: 'l7' }), cluster({ teleportVersion: 12 })), set('lb', { layer: 'l7' })],
  ['L-T3', all(set('lb', { tlsTermination: true, tlsReencrypt: true }), cluster({ teleportVersion: 12 })), set('lb', { tlsTermination: true, tlsReencrypt: true })],
  ['L-T4', all(set('lb', { tlsTermination: true }), set('users', { tools: ['kubectl'] })), set('users', { tools: ['kubectl'] })],
  ['L-T7', all(separateV3, sepMappings, set('lb', { tlsTermination: true })), all(separateV3, sepMappings)],
  ['L-B1', all(add({ id: 'auth-lb', name: 'Auth LB', kind: 'load-balancer', layer: 'l7', mappings: [{ frontPort: 3025, targetPort: 3025 }] }), link('auth-lb', 'auth')), all(add({ id: 'auth-lb', name: 'Auth LB', kind: 'load-balancer', mappings: [{ frontPort: 3025, targetPort: 3025 }] }), link('auth-lb', 'auth'))],
  ['L-B1', all(add({ id: 'auth-lb', name: 'Auth LB', kind: 'load-balancer', tlsTermination: true, mappings: [{ frontPort: 3025, targetPort: 3025 }] }), link('auth-lb', 'auth')), all(add({ id: 'auth-lb', name: 'Auth LB', kind: 'load-balancer', mappings: [{ frontPort: 3025, targetPort: 3025 }] }), link('auth-lb', 'auth'))],
  ['L-B2', set('lb', { idleTimeoutSeconds: 60 }), none],
  ['L-B6', all(twoProxies, set('proxy-1', { acme: true })), all(set('proxy-1', { acme: true }), set('lb', { mappings: [{ frontPort: 443, targetPort: 3080 }] }))],
  ['L-B6', all(set('proxy-1', { acme: true }), set('lb', { tlsTermination: true, tlsReencrypt: true })), all(set('proxy-1', { acme: true }), set('lb', { mappings: [{ frontPort: 443, targetPort: 3080 }] }))],
  ['L-R1', cluster({ tunnelStrategy: 'proxy_peering' }), cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise' })],
  ['L-R2', all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise' }), leaf, link('leaf-proxy', 'lb')), all(leaf, link('leaf-proxy', 'lb'))],
  ['L-A1', add({ id: 'kube', name: 'Kube agent', kind: 'agent', services: ['kubernetes'], kubeListenAddr: '0.0.0.0:3026' }), add({ id: 'kube', name: 'Kube agent', kind: 'agent', services: ['kubernetes'] })],
  ['L-A2', all(add({ id: 'db', name: 'DB agent', kind: 'agent', services: ['database'] }), link('db', 'lb'), link('users', 'db')), all(add({ id: 'db', name: 'DB agent', kind: 'agent', services: ['database'] }), link('db', 'lb'))],
  ['L-A3', all(cloudOnly, set('agent', { joinVia: 'auth' })), cloudOnly],
  ['L-A3', all(cloudOnly, set('agent', { joinVia: 'auth', joinAddr: 'example.teleport.sh:3025' })), cloudOnly],
  ['L-A4', add({ id: 'app', name: 'App agent', kind: 'agent', services: ['app'], appHostFilters: true, env: { httpsProxy: 'http://proxy.corp.example.com:3128' } }), add({ id: 'app', name: 'App agent', kind: 'agent', services: ['app'], env: { httpsProxy: 'http://proxy.corp.example.com:3128' } })],
  ['L-A5', set('agent', { services: ['desktop'], desktopUsesAd: true }), all(set('agent', { services: ['desktop'], desktopUsesAd: true }), add({ id: 'dc', name: 'DC', kind: 'domain-controller' }), link('agent', 'dc'))],
  ['L-A9', all(set('agent', { services: ['kubernetes'], joinVia: 'auth', kubeListenAddr: '0.0.0.0' }), link('agent', 'auth')), all(set('agent', { services: ['kubernetes'], joinVia: 'auth', kubeListenAddr: '0.0.0.0:3026' }), link('agent', 'auth'))],
  ['L-X1', leaf, all(leaf, link('leaf-proxy', 'lb'))],
  ['L-H2', set('agent', { env: { httpsProxy: 'http://localhost:3128' } }), none],
  ['L-H3', all(set('proxy-1', { env: { httpsProxy: 'http://proxy.corp.example.com:3128' } }), fwdNode, add({ id: 'k8s', name: 'K8s API', kind: 'kube-api' }), link('proxy-1', 'k8s')), all(set('proxy-1', { env: { httpsProxy: 'http://proxy.corp.example.com:3128', noProxy: 'kube.teleport.cluster.local' } }), fwdNode, add({ id: 'k8s', name: 'K8s API', kind: 'kube-api' }), link('proxy-1', 'k8s'))],
  ['L-H4', all(fwdNode, set('agent', { env: { httpsProxy: 'proxy.corp.example.com:3128' } })), all(fwdNode, set('agent', { env: { httpsProxy: 'http://proxy.corp.example.com:3128' } }))],
  ['L-H5', all(fwdNode, set('lb', { addresses: ['teleport.example.com', '10.0.1.5'] }), set('agent', { env: { httpsProxy: 'http://proxy.corp.example.com:3128', noProxy: '10.0.1.0/24' } })), all(fwdNode, set('lb', { addresses: ['teleport.example.com', '10.0.1.5'] }), set('agent', { env: { httpsProxy: 'http://proxy.corp.example.com:3128', noProxy: 'teleport.example.com' } }))],
  ['L-C2', set('agent', { services: ['database'], joinVia: 'auth' }), set('agent', { services: ['database'] })],
  ['L-A8', add({ id: 'mysql', name: 'MySQL', kind: 'database', engine: 'mysql' }), add({ id: 'mysql', name: 'MySQL', kind: 'database', engine: 'mysql', port: 3306 })],
  ['PL-NO-AUTH', remove('auth'), none],
  ['PL-NO-PROXY', remove('proxy-1'), none],
  ['PL-PROXY-NO-AUTH', unlink('proxy-1-auth'), none],
  ['PL-NO-PATH', unlink('agent-lb'), none],
  ['PL-CLIENT-NO-PATH', unlink('users-lb'), none],
  ['PL-LINK-MEANINGLESS', all(add({ id: 'agent-2', name: 'Agent 2', kind: 'agent', services: ['ssh'] }), link('agent-2', 'lb'), link('agent', 'agent-2')), all(add({ id: 'agent-2', name: 'Agent 2', kind: 'agent', services: ['ssh'] }), link('agent-2', 'lb'))],
  ['PL-INBOUND-AGENT', link('users', 'agent'), none],
  ['PL-INTERNET-EXPOSED', all(cluster({ configVersion: 'v1', proxyListenerMode: 'separate' }), sepMappings), sepMappings],
  ['PL-ANY-ADDRESS', set('agent', { addresses: [], zone: undefined }), set('agent', { addresses: [], zone: 'private' })],
  ['PL-RESOURCE-UNLINKED', add({ id: 'db', name: 'DB', kind: 'database', engine: 'postgres', zone: 'private' }), all(add({ id: 'db', name: 'DB', kind: 'database', engine: 'postgres', zone: 'private' }), set('agent', { services: ['ssh', 'database'] }), link('agent', 'db'))],
  ['PL-BAD-IP', set('agent', { addresses: ['10.0.10.300'] }), set('agent', { addresses: ['10.0.10.30'] })],
  ['PL-ADDRESS-OUTSIDE-ZONE', set('agent', { addresses: ['192.168.5.5'] }), set('agent', { addresses: ['10.0.10.22', 'agent.internal', '10.0.10.0/28'] })],
  ['PL-LB-MISSING-PORT', cluster({ configVersion: 'v1', proxyListenerMode: 'separate' }), all(cluster({ configVersion: 'v1', proxyListenerMode: 'separate' }), sepMappings)],
  ['PL-LB-DEAD-MAPPING', sepMappings, none],
  ['PL-LB-NO-BACKEND', all(add({ id: 'lb-2', name: 'LB 2', kind: 'load-balancer' }), link('users', 'lb-2')), none],
  ['PL-CLOUD-CONTROL-PLANE', cloudCluster, cloudOnly],
  ['PL-CLOUD-NO-TENANT', all(cloudOnly, cluster({ cloudTenant: undefined })), cloudOnly],
  ['PL-PEER-ZONES', all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise' }), twoProxies, set('proxy-2', { zone: 'other' })), all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise' }), twoProxies)],
  ['PL-HTTP-PROXY-UNKNOWN', set('agent', { env: { httpsProxy: 'http://nowhere.example.com:3128' } }), all(fwdNode, set('agent', { env: { httpsProxy: 'http://proxy.corp.example.com:3128' } }))],
  // An http:// app through HTTP_PROXY; https:// (a CONNECT tunnel) or NO_PROXY for its host clear it.
  ['PL-APP-HTTP-CLEAR', all(fwdNode, httpApp('http://wiki.internal:8080'), set('agent', { services: ['ssh', 'app'], env: { httpProxy: 'http://proxy.corp.example.com:3128' } })), all(fwdNode, httpApp('http://wiki.internal:8080'), set('agent', { services: ['ssh', 'app'], env: { httpProxy: 'http://proxy.corp.example.com:3128', noProxy: 'wiki.internal' } }))],
  ['PL-APP-HTTP-CLEAR', all(fwdNode, httpApp('http://wiki.internal:8080'), set('agent', { services: ['ssh', 'app'], env: { httpProxy: 'http://proxy.corp.example.com:3128' } })), all(fwdNode, httpApp('https://wiki.internal:8443'), set('agent', { services: ['ssh', 'app'], env: { httpProxy: 'http://proxy.corp.example.com:3128' } }))],
  ['PL-HTTP-PROXY-UNUSED', all(fwdNode, link('agent', 'fwd')), all(fwdNode, link('agent', 'fwd'), set('agent', { env: { httpsProxy: 'http://proxy.corp.example.com:3128' } }))],
  ['PL-HTTP-PROXY-PORT', all(fwdNode, set('agent', { env: { httpsProxy: 'http://proxy.corp.example.com:8080' } })), all(fwdNode, set('agent', { env: { httpsProxy: 'http://proxy.corp.example.com:3128' } }))],
  ['PL-MONITOR-NOTHING', prom, all(prom, set('agent', { metricsListenAddr: '0.0.0.0:3081' }))],
  ['PL-MONITOR-LOOPBACK', all(prom, set('agent', { diagAddr: '127.0.0.1:3000' })), all(prom, set('agent', { diagAddr: '0.0.0.0:3000' }))],
  ['PL-MONITOR-INTERNET', all(set('users', { tools: ['browser', 'tsh', 'monitoring'] }), link('users', 'agent'), set('agent', { diagAddr: '0.0.0.0:3000' })), all(prom, set('agent', { diagAddr: '0.0.0.0:3000' }))],
  ['PL-APP-PORTS-URI', add({ id: 'app', name: 'App', kind: 'app', uri: 'tcp://app.internal:5000', tcpPorts: [{ port: 5000, endPort: 5010 }] }), add({ id: 'app', name: 'App', kind: 'app', uri: 'tcp://app.internal', tcpPorts: [{ port: 5000, endPort: 5010 }] })],
  ['PL-APP-PORTS-VERSION', all(cluster({ teleportVersion: 16 }), set('agent', { services: ['ssh', 'app'] }), add({ id: 'app', name: 'App', kind: 'app', uri: 'tcp://app.internal', tcpPorts: [{ port: 5000 }] }), link('agent', 'app')), all(set('agent', { services: ['ssh', 'app'] }), add({ id: 'app', name: 'App', kind: 'app', uri: 'tcp://app.internal', tcpPorts: [{ port: 5000 }] }), link('agent', 'app'))],
  ['PL-RELAY-VERSION', all(relayNode(), cluster({ teleportVersion: 17 })), relayNode()],
  ['PL-RELAY-VERSION', all(relayNode(), cluster({ teleportVersion: 18, teleportMinorVersion: 2 })), all(relayNode(), cluster({ teleportVersion: 18, teleportMinorVersion: 3 }))],
  ['PL-SIGSTORE-CLUSTER', all(cluster({ edition: 'enterprise', teleportVersion: 17, teleportMinorVersion: 4 }), bot({ sigstoreAttestor: true })), all(cluster({ edition: 'enterprise', teleportVersion: 17, teleportMinorVersion: 5 }), bot({ sigstoreAttestor: true }))],
  ['PL-WORKLOAD-TCP', bot({ listen: 'tcp://0.0.0.0:4040' }), bot({ listen: 'unix:///opt/machine-id/workload.sock' })],
  ['PL-KUBELET-ZONE', bot({ kubernetesAttestor: true }, 'private'), bot({ kubernetesAttestor: true })],
  ['PL-SIGSTORE-CLUSTER', bot({ sigstoreAttestor: true }), all(cluster({ edition: 'enterprise' }), bot({ sigstoreAttestor: true }))],
  ['PL-SIGSTORE-CLUSTER', all(cluster({ edition: 'enterprise', teleportVersion: 16 }), bot({ sigstoreAttestor: true })), all(cloudCluster, bot({ sigstoreAttestor: true }))],
  ['PL-RELAY-NO-HOSTNAMES', relayNode('relay', { publicHostnames: [] }), relayNode()],
  ['PL-RELAY-NO-SERVER', all(relayNode(), link('agent', 'relay')), all(relayNode(), link('agent', 'relay'), set('agent', { relayServer: 'relay.example.com:3042' }))],
  ['PL-RELAY-LB-TLS', all(relayNode(), relayLb({ tlsTermination: true })), all(relayNode(), relayLb())],
  ['PL-RELAY-SERVER-PORT', all(relayNode(), link('agent', 'relay'), set('agent', { relayServer: 'relay.example.com:443' })), all(relayNode(), link('agent', 'relay'), set('agent', { relayServer: 'relay.example.com:3042' }))],
  ['PL-RELAY-SERVER-NO-PORT', set('agent', { relayServer: 'relay.example.com' }), set('agent', { relayServer: 'relay.example.com:3042' })],
  ['PL-RELAY-LB-PORT', all(relayNode(), relayLb({ mappings: [{ frontPort: 443, targetPort: 3040 }] }), link('agent', 'relay-lb'), set('agent', { relayServer: 'relay.example.com:3042' })), all(relayNode(), relayLb(), link('agent', 'relay-lb'), set('agent', { relayServer: 'relay.example.com:3042' }))],
  ['PL-RELAY-SERVER-UNUSED', all(relayNode(), set('agent', { relayServer: 'relay.example.com:3042' })), all(relayNode(), link('agent', 'relay'), set('agent', { relayServer: 'relay.example.com:3042' }))],
  ['PL-RELAY-LISTEN-IP', relayNode('relay', { tunnelListenAddr: 'relay.internal:3042' }), relayNode('relay', { tunnelListenAddr: '10.0.10.40:3042' })],
  ['PL-MONITOR-VIA-LB', all(add({ id: 'prom', name: 'Prometheus', kind: 'client', tools: ['monitoring'], zone: 'private' }), link('prom', 'lb')), all(add({ id: 'prom', name: 'Prometheus', kind: 'client', tools: ['monitoring'], zone: 'private' }), link('prom', 'proxy-1'), set('proxy-1', { metricsListenAddr: '0.0.0.0:3081' }))],
  ['L-A12', relayNode('relay', { targetConnectionCount: 2 }), all(relayNode('relay', { targetConnectionCount: 2 }), relayNode('relay-2'))],
  ['L-C7', cluster({ configVersion: 'v1' }), all(cluster({ configVersion: 'v1' }), set('proxy-1', { sshListenAddr: '0.0.0.0:3023', tunnelListenAddr: '0.0.0.0:3024' }))],
  ['L-C8', set('proxy-1', { mysqlPublicAddr: ['db.example.com:3036'] }), set('proxy-1', { mysqlPublicAddr: ['db.example.com:3036'], mysqlListenAddr: '0.0.0.0:3036' })],
  ['L-C8', set('proxy-1', { peerPublicAddr: '10.0.1.11:3021' }), set('proxy-1', { peerPublicAddr: '10.0.1.11:3021', peerListenAddr: '0.0.0.0:3021' })],
  ['L-B3', all(twoProxies, set('lb', { sticky: true })), all(twoProxies, set('lb', { sticky: true }), cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }))],
  ['L-B4', set('proxy-1', { proxyProtocol: 'unspecified' }), set('proxy-1', { proxyProtocol: 'on' })],
  ['PL-PROXY-PROTOCOL', set('lb', { sendsProxyProtocol: true }), all(set('lb', { sendsProxyProtocol: true }), set('proxy-1', { proxyProtocol: 'on' }))],
  ['PL-PROXY-PROTOCOL', set('proxy-1', { proxyProtocol: 'on' }), all(set('lb', { sendsProxyProtocol: true }), set('proxy-1', { proxyProtocol: 'on' }))],
  ['L-B4', set('auth', { proxyProtocol: 'unspecified' }), set('auth', { proxyProtocol: 'off' })],
  ['L-B4', all(authLb(true), set('auth', { proxyProtocol: 'unspecified' })), all(authLb(true), set('auth', { proxyProtocol: 'on' }))],
  ['PL-PROXY-PROTOCOL', authLb(true), all(authLb(true), set('auth', { proxyProtocol: 'on' }))],
  ['PL-PROXY-PROTOCOL', all(authLb(false), set('auth', { proxyProtocol: 'on' })), authLb(false)],
  ['PL-PROXY-PROTOCOL', all(authLb(true), set('auth', { proxyProtocol: 'on' }), set('agent', { joinVia: 'auth' }), link('agent', 'auth')), all(authLb(true), set('auth', { proxyProtocol: 'on' }), set('agent', { joinVia: 'auth' }), link('agent', 'auth-lb'))],
  ['L-B5', set('proxy-1', { trustXForwardedFor: true }), all(set('proxy-1', { trustXForwardedFor: true }), set('lb', { layer: 'l7' }))],
  ['L-B5', all(set('proxy-1', { trustXForwardedFor: true }), set('lb', { layer: 'l7' }), link('users', 'proxy-1')), all(set('proxy-1', { trustXForwardedFor: true }), set('lb', { layer: 'l7' }))],
  ['PL-PROXY-PROTOCOL', all(set('lb', { sendsProxyProtocol: true }), set('proxy-1', { proxyProtocol: 'on' }), link('users', 'proxy-1')), all(set('lb', { sendsProxyProtocol: true }), set('proxy-1', { proxyProtocol: 'on' }))],
  ['L-R4', all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-1', { addresses: ['10.0.1.11', '192.168.5.11'] })), all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-1', { addresses: ['proxy-1.internal.example.com', '10.0.1.11', '10.0.1.0/24'] }))],
  ['L-A6', all(set('agent', { services: ['desktop'], desktopUsesAd: true }), add({ id: 'dc', name: 'DC', kind: 'domain-controller', addresses: ['10.0.10.51'] }), link('agent', 'dc')), all(set('agent', { services: ['desktop'], desktopUsesAd: true }), add({ id: 'dc', name: 'DC', kind: 'domain-controller', addresses: ['10.0.10.48/29'] }), link('agent', 'dc'))],
  ['L-A7', add({ id: 'mssql', name: 'MSSQL', kind: 'database', engine: 'sqlserver', port: 1433, addresses: ['10.0.10.60'] }), add({ id: 'mssql', name: 'MSSQL', kind: 'database', engine: 'sqlserver', port: 1433, addresses: ['10.0.10.60', 'sql01.corp.example.com.'] })],
  ['L-H1', all(fwdNode, set('agent', { env: { httpsProxy: 'http://proxy.corp.example.com:3128' } }), (p) => Object.assign(node(p, 'fwd'), { connectPorts: [8443] })), all(fwdNode, set('agent', { env: { httpsProxy: 'http://proxy.corp.example.com:3128' } }), (p) => Object.assign(node(p, 'fwd'), { connectPorts: [443] }))],
  ['L-H6', all(fwdNode, set('proxy-1', { env: { httpsProxy: 'http://proxy.corp.example.com:3128', httpProxy: 'http://other.corp.example.com:3128' } }), leaf, link('leaf-proxy', 'lb'), set('leaf-proxy', { env: { httpsProxy: 'http://proxy.corp.example.com:3128', httpProxy: 'http://other.corp.example.com:3128' } })), all(fwdNode, leaf, link('leaf-proxy', 'lb'), set('leaf-proxy', { env: { httpsProxy: 'proxy.corp.example.com:3128', httpProxy: 'http://proxy.corp.example.com:3128/' } }))],
  ['L-T5', set('lb', { tlsTermination: true }), set('lb', { tlsTermination: true, layer: 'l7' })],
  ['L-T5', set('lb', { tlsTermination: true }), set('lb', { tlsTermination: true, tlsReencrypt: true })],
  ['L-R4', all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-1', { addresses: ['10.0.1.11', '192.168.5.11'] })), all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-1', { addresses: ['10.0.1.11', '192.168.5.11'], peerListenAddr: '0.0.0.0:3021', peerPublicAddr: '10.0.1.11:3021' }))],
  ['L-R5', all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise' }), twoProxies), all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies)],
  ['L-R3', all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-1', { peerListenAddr: '127.0.0.1:3021' })), all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-1', { peerListenAddr: '10.0.1.11:3021' }))],
  ['L-R3', all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-1', { peerListenAddr: '0.0.0.0:3021', peerPublicAddr: 'localhost:3021' })), all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-1', { peerListenAddr: '0.0.0.0:3021', peerPublicAddr: '10.0.1.11:3021' }))],
  ['L-R6', all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2, teleportVersion: 16, teleportMinorVersion: 4 }), twoProxies, set('proxy-1', { peerPublicAddr: '192.168.7.11:3021' })), all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2, teleportVersion: 17, teleportMinorVersion: 1 }), twoProxies, set('proxy-1', { peerPublicAddr: '192.168.7.11:3021' }))],
  ['L-A6', all(set('agent', { services: ['desktop'], desktopUsesAd: true }), add({ id: 'dc', name: 'DC', kind: 'domain-controller', addresses: ['dc1.corp.example.com'] }), link('agent', 'dc')), all(set('agent', { services: ['desktop'], desktopUsesAd: true }), add({ id: 'dc', name: 'DC', kind: 'domain-controller', addresses: ['10.0.10.51', '10.0.10.52'] }), link('agent', 'dc'))],
  ['L-A7', add({ id: 'mssql', name: 'MSSQL', kind: 'database', engine: 'sqlserver', port: 1433, addresses: ['10.0.10.60'] }), add({ id: 'mssql', name: 'MSSQL', kind: 'database', engine: 'sqlserver', port: 1433, addresses: ['sql01.corp.example.com'] })],
  ['L-A7', add({ id: 'mssql', name: 'MSSQL', kind: 'database', engine: 'sqlserver', port: 1433, addresses: ['sql01'] }), add({ id: 'mssql', name: 'MSSQL', kind: 'database', engine: 'sqlserver', port: 1433 })],
  ['L-H6', all(fwdNode, set('agent', { env: { httpsProxy: 'http://proxy.corp.example.com:3128', httpProxy: 'http://other.corp.example.com:3128' } })), all(fwdNode, set('agent', { env: { httpsProxy: 'http://proxy.corp.example.com:3128', httpProxy: 'http://proxy.corp.example.com:3128' } }))],
  ['L-C4', set('agent', { joinAddr: 'teleport.example.com:3025' }), set('agent', { joinAddr: 'teleport.example.com:443' })],
  ['L-C4', all(set('agent', { joinVia: 'auth', joinAddr: 'auth.example.com:3080' }), unlink('agent-lb'), link('agent', 'auth')), all(set('agent', { joinVia: 'auth', joinAddr: 'auth.example.com:3025' }), unlink('agent-lb'), link('agent', 'auth'))],
  ['L-C5', set('agent', { joinAddr: 'teleport.example.com' }), set('agent', { joinAddr: 'teleport.example.com:443' })],
  ['L-C5', all(cloudOnly, set('agent', { joinAddr: 'example.teleport.sh' })), all(cloudOnly, set('agent', { joinAddr: 'example.teleport.sh:443' }))],
  ['PL-JOIN-ADDR-PORT', set('agent', { joinAddr: 'teleport.example.com:8443' }), set('lb', { mappings: [{ frontPort: 443, targetPort: 3080 }, { frontPort: 8443, targetPort: 3080 }] })],
  ['PL-JOIN-ADDR-PORT', all(set('agent', { joinVia: 'auth', joinAddr: 'auth.example.com:3026' }), unlink('agent-lb'), link('agent', 'auth')), all(set('agent', { joinVia: 'auth', joinAddr: 'auth.example.com' }), unlink('agent-lb'), link('agent', 'auth'))],
  ['PL-JOIN-ADDR-PORT', joiningBot({ joinAddr: 'teleport.example.com:3080' }), joiningBot({ joinAddr: 'teleport.example.com' })],
  ['PL-TBOT-AUTH-NO-PORT', joiningBot({ joinAddr: '10.0.10.5' }, true), joiningBot({ joinAddr: '10.0.10.5:3025' }, true)],
  ['L-X3', all(leaf, link('leaf-proxy', 'lb'), leafTrust({ trustTunnelAddr: 'teleport.example.com:3024' })), all(leaf, link('leaf-proxy', 'lb'), leafTrust({ trustTunnelAddr: 'teleport.example.com:443' }))],
  ['PL-TRUST-TUNNEL-NO-PORT', all(leaf, link('leaf-proxy', 'lb'), leafTrust({ trustWebProxyAddr: 'teleport.example.com' })), all(leaf, link('leaf-proxy', 'lb'), leafTrust({ trustWebProxyAddr: 'teleport.example.com', trustTunnelAddr: 'teleport.example.com:443' }))],
  ['PL-TRUST-ADDR-PORT', all(leaf, link('leaf-proxy', 'lb'), leafTrust({ trustWebProxyAddr: 'teleport.example.com:3080' })), all(leaf, link('leaf-proxy', 'lb'), leafTrust({ trustWebProxyAddr: 'teleport.example.com:443' }))],
  ['L-B7', webApp, all(webApp, set('proxy-1', { appSubdomainDns: true }))],
  ['PL-QUIC-PEERING-UNUSED', all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-1', { quicPeering: true })), all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-1', { quicPeering: true }), set('proxy-2', { quicPeering: true }))],
  ['PL-APP-NO-PORT', add({ id: 'app', name: 'App', kind: 'app', uri: 'tcp://app.internal' }), add({ id: 'app', name: 'App', kind: 'app', uri: 'tcp://app.internal:5000' })],
];

function codes(mut: Mut): string[] {
  const p = base();
  mut(p);
  return derive(PlanSchema.parse(p)).findings.map((f) => f.code);
}

describe('findings', () => {
  it('the base plan is clean', () => {
    expect(derive(PlanSchema.parse(base())).findings).toEqual([]);
  });

  it.each(CASES)('%s: raised by a minimal plan, absent from the fixed one', (code, broken, fixed) => {
    expect(codes(broken)).toContain(code);
    expect(codes(fixed)).not.toContain(code);
  });

  it('an autofix removes its finding, leaves a valid plan, and exists for the fixes that are one field', () => {
    const fixable = new Set<string>();
    for (const [code, broken] of CASES) {
      const p = base();
      broken(p);
      const plan = PlanSchema.parse(p);
      const before = derive(plan).findings.map((x) => x.id);
      for (const f of derive(plan).findings.filter((x) => x.code === code && x.autofix)) {
        fixable.add(code);
        const result = applyAutofix(plan, f.autofix!);
        if (!result.ok) throw new Error(`${f.id}: ${result.message}`);
        // The finding is gone and no new one appears.
        const after = derive(result.plan).findings.map((x) => x.id);
        expect(after, `${f.id}: ${f.autofix!.label}`).not.toContain(f.id);
        expect(after.filter((id) => !before.includes(id)), `${f.id}: ${f.autofix!.label}`).toEqual([]);
      }
    }
    expect([...fixable].sort()).toEqual(['L-A1', 'L-A3', 'L-A9', 'L-B1', 'L-B2', 'L-B4', 'L-C5', 'L-C8', 'L-R5', 'PL-JOIN-ADDR-PORT', 'PL-TBOT-AUTH-NO-PORT', 'PL-TRUST-TUNNEL-NO-PORT']);
    // A fix for something no longer in the plan is refused with the reason.
    const gone = applyAutofix(PlanSchema.parse(base()), { label: 'x', changes: [{ target: 'node', id: 'nope', field: 'joinAddr', value: 'a:1' }] });
    expect(gone).toEqual({ ok: false, message: 'The plan no longer has the node "nope".' });
    const bad = applyAutofix(PlanSchema.parse(base()), { label: 'x', changes: [{ target: 'node', id: 'agent', field: 'joinAddr', value: 'not an address' }] });
    expect(bad.ok).toBe(false);
    // A field the element does not have (the schema would drop it), or a value it already has: refused.
    const plan = PlanSchema.parse(base());
    expect(applyAutofix(plan, { label: 'x', changes: [{ target: 'node', id: 'agent', field: 'proxyProtocol', value: 'off' }] })).toEqual({ ok: false, message: 'The fix does not fit the plan: node "agent" has no field proxyProtocol.' });
    expect(applyAutofix(plan, { label: 'x', changes: [{ target: 'node', id: 'auth', field: 'proxyProtocol', value: 'off' }] })).toEqual({ ok: false, message: 'The plan already has it.' });
    // Only the changed element is a new object.
    const done = applyAutofix(plan, { label: 'x', changes: [{ target: 'node', id: 'auth', field: 'proxyProtocol', value: 'on' }] });
    if (!done.ok) throw new Error(done.message);
    expect(done.plan.nodes.filter((n, i) => n !== plan.nodes[i]).map((n) => n.id)).toEqual(['auth']);
    expect(done.plan.clusters[0]).toBe(plan.clusters[0]);
  });

  it('each fix option removes its finding, leaves a valid plan and adds no error; the options are design decisions', () => {
    const withChoices = new Map<string, string[]>();
    for (const [code, broken] of CASES) {
      const p = base();
      broken(p);
      const plan = PlanSchema.parse(p);
      const before = derive(plan).findings;
      for (const f of before.filter((x) => x.code === code && x.choices)) {
        // An option is a decision, not the one obvious fix: a finding has one or the other.
        expect(f.autofix, f.id).toBeUndefined();
        withChoices.set(code, f.choices!.map((c) => c.label));
        for (const choice of f.choices!) {
          const result = applyAutofix(plan, choice);
          if (!result.ok) throw new Error(`${f.id}: ${choice.label}: ${result.message}`);
          const after = derive(result.plan).findings;
          expect(after.map((x) => x.id), `${f.id}: ${choice.label}`).not.toContain(f.id);
          expect(newErrors(before, after).map((x) => x.id), `${f.id}: ${choice.label}`).toEqual([]);
        }
      }
    }
    expect([...withChoices.keys()].sort()).toEqual(['L-B3', 'L-C2', 'L-R1', 'L-R2', 'L-T1', 'L-T4', 'L-T5', 'L-T7', 'PL-PROXY-PROTOCOL']);
    expect(withChoices.get('L-R1')).toEqual(['Use agent mesh (no proxy peering) in teleport.example.com', 'Mark teleport.example.com as Teleport Enterprise']);
    // Without a load balancer in front, opening the missing listeners on the Proxy is an option too.
    const direct = base();
    all(cluster({ proxyListenerMode: 'separate' }), remove('lb'), link('users', 'proxy-1'), link('agent', 'proxy-1'))(direct);
    const directPlan = PlanSchema.parse(direct);
    const t1 = derive(directPlan).findings.find((f) => f.code === 'L-T1');
    expect(t1?.choices?.map((c) => c.label)).toEqual(['Switch teleport.example.com to TLS routing (proxy_listener_mode: multiplex)', 'Set listen_addr: 0.0.0.0:3023 and tunnel_listen_addr: 0.0.0.0:3024 for Proxy 1']);
    const opened = applyAutofix(directPlan, t1!.choices![1]!);
    if (!opened.ok) throw new Error(opened.message);
    const afterOpen = derive(opened.plan).findings;
    expect(afterOpen.map((f) => f.code)).not.toContain('L-T1');
    expect(newErrors(derive(directPlan).findings, afterOpen)).toEqual([]);
    // An option is left out where it cannot work: the listeners on a port the Proxy already uses, and TLS
    // routing behind an L7 load balancer on a release before 13 (it would be L-T3, an error).
    const optionsOf = (mut: Mut, code: string) => {
      const q = base();
      mut(q);
      const found = derive(PlanSchema.parse(q)).findings.find((f) => f.code === code);
      return found ? (found.choices ?? []).map((c) => c.label) : `no ${code}`;
    };
    const separateDirect = all(cluster({ proxyListenerMode: 'separate' }), remove('lb'), link('users', 'proxy-1'), link('agent', 'proxy-1'));
    expect(optionsOf(all(separateDirect, set('proxy-1', { webListenAddr: '0.0.0.0:3024' })), 'L-T1')).toEqual(['Switch teleport.example.com to TLS routing (proxy_listener_mode: multiplex)']);
    expect(optionsOf(all(cluster({ proxyListenerMode: 'separate', teleportVersion: 12 }), set('lb', { layer: 'l7' })), 'L-T1')).toEqual([]);
    expect(optionsOf(all(cluster({ proxyListenerMode: 'separate', teleportVersion: 13 }), set('lb', { layer: 'l7' })), 'L-T1')).toEqual(['Switch teleport.example.com to TLS routing (proxy_listener_mode: multiplex)']);
    // Passing TCP through turns re-encryption off as well (it means nothing without termination).
    const b1 = derive(PlanSchema.parse((() => {
      const q = base();
      all(add({ id: 'auth-lb', name: 'Auth LB', kind: 'load-balancer', tlsTermination: true, tlsReencrypt: true, mappings: [{ frontPort: 3025, targetPort: 3025 }] }), link('auth-lb', 'auth'))(q);
      return q;
    })())).findings.find((f) => f.code === 'L-B1');
    expect(b1?.autofix?.changes.map((c) => [c.field, c.value])).toEqual([['tlsTermination', false], ['tlsReencrypt', false]]);
    // Apply all leaves the options to the user.
    const p = base();
    all(twoProxies, cluster({ tunnelStrategy: 'proxy_peering' }))(p);
    const plan = PlanSchema.parse(p);
    expect(derive(plan).findings.map((f) => f.code)).toContain('L-R1');
    const bulk = applyAllAutofixes(plan, derive);
    expect(bulk.applied).toEqual(['Set proxy_protocol: off for Proxy 2']);
    expect(bulk.plan.clusters).toEqual(plan.clusters);
    expect(derive(bulk.plan).findings.map((f) => f.code)).toContain('L-R1');
  });

  it('a fix can remove an optional field, and refuses to remove one the schema fills with a default', () => {
    const p = base();
    set('agent', { services: ['kubernetes'], kubeListenAddr: '0.0.0.0:3026' })(p);
    const plan = PlanSchema.parse(p);
    const removed = applyAutofix(plan, { label: 'x', changes: [{ target: 'node', id: 'agent', field: 'kubeListenAddr', value: null }] });
    if (!removed.ok) throw new Error(removed.message);
    expect('kubeListenAddr' in (removed.plan.nodes.find((n) => n.id === 'agent') as object)).toBe(false);
    expect(applyAutofix(removed.plan, { label: 'x', changes: [{ target: 'node', id: 'agent', field: 'kubeListenAddr', value: null }] })).toEqual({ ok: false, message: 'The plan already has it.' });
    expect(applyAutofix(plan, { label: 'x', changes: [{ target: 'node', id: 'lb', field: 'sticky', value: null }] })).toEqual({ ok: false, message: 'The fix does not fit the plan: node "lb" has no optional field sticky.' });
  });

  it('all autofixes at once: each sees the plan the previous ones left, and none runs twice', () => {
    const p = base();
    all(set('auth', { proxyProtocol: 'unspecified' }), set('lb', { idleTimeoutSeconds: 60 }), set('agent', { joinAddr: 'teleport.example.com' }), joiningBot({ joinAddr: 'teleport.example.com:3080' }))(p);
    const plan = PlanSchema.parse(p);
    const before = derive(plan).findings;
    expect(before.filter((f) => f.autofix).map((f) => f.code).sort()).toEqual(['L-B2', 'L-B4', 'L-C5', 'PL-JOIN-ADDR-PORT']);
    const { plan: fixed, applied } = applyAllAutofixes(plan, derive);
    expect(applied).toEqual([
      'Set the idle timeout of LB to 350 s',
      'Set proxy_protocol: off for Auth',
      'Write proxy_server: teleport.example.com:443 for Agent',
      'Write proxy_server: teleport.example.com:443 for CI bot',
    ]);
    expect(derive(fixed).findings).toEqual([]);
    // Nothing left to fix: the plan comes back as it was.
    expect(applyAllAutofixes(fixed, derive)).toEqual({ plan: fixed, applied: [], skipped: [], capped: false });
    // A round limit below the number of fixes stops early and says so.
    expect(applyAllAutofixes(plan, derive, 2)).toMatchObject({ applied: ['Set the idle timeout of LB to 350 s', 'Set proxy_protocol: off for Auth'], capped: true });
  });

  it('all autofixes at once leave out a fix that would add an error, such as a violated assertion', () => {
    const p = base();
    all(set('agent', { services: ['kubernetes'], joinVia: 'auth', kubeListenAddr: '0.0.0.0' }), unlink('agent-lb'), link('agent', 'auth'))(p);
    p.assertions = [{ id: 'dmz-ports', type: 'only-ports-from', zone: 'dmz', ports: [3080, 3025, 3023] }];
    const plan = PlanSchema.parse(p);
    const withAssertions = (x: typeof plan) => withAssertionFindings(x, derive(x));
    expect(withAssertions(plan).findings.map((f) => f.code)).toEqual(['L-A9']);
    const result = applyAllAutofixes(plan, withAssertions);
    expect(result).toEqual({ plan, applied: [], skipped: [{ label: 'Set kubernetes_service.listen_addr: 0.0.0.0:3026 for Agent', reason: 'it would add PL-ASSERT:dmz-ports' }], capped: false });
    // Without the assertion the same fix applies.
    expect(applyAllAutofixes(PlanSchema.parse({ ...p, assertions: [] }), derive).applied).toEqual(['Set kubernetes_service.listen_addr: 0.0.0.0:3026 for Agent']);
  });

  it('a join address fix is offered only when every hop the node joins through opens the same port', () => {
    const run = (mut: Mut) => {
      const p = base();
      mut(p);
      return derive(PlanSchema.parse(p)).findings.filter((f) => f.nodes.includes('bot'));
    };
    // Through LB (443) and straight to Proxy 1 (3080): no single address serves both, so no button.
    const two = run(all(joiningBot({ joinAddr: 'teleport.example.com' }), link('bot', 'proxy-1')));
    expect(two.filter((f) => f.code !== 'L-P3').map((f) => [f.id, f.autofix])).toEqual([['PL-JOIN-ADDR-PORT:bot+proxy-1', undefined]]);
    // tbot to Auth and through an Auth LB on 443: the port is a choice too.
    const auths = run(all(joiningBot({ joinAddr: 'auth.internal' }, true), authLb(false), set('auth-lb', { mappings: [{ frontPort: 443, targetPort: 3025 }] }), link('bot', 'auth-lb')));
    expect(auths.map((f) => [f.code, f.autofix, f.nodes])).toEqual([['PL-TBOT-AUTH-NO-PORT', undefined, ['auth', 'auth-lb', 'bot']]]);
  });

  it('every catalog code has a case', () => {
    expect(new Set(CASES.map(([c]) => c))).toEqual(new Set(ALL_FINDINGS.map((f) => f.code)));
  });

  it('the configuration lints word their case: who opens tunnels, disagreeing load balancers, one finding per load balancer', () => {
    const of = (mut: Mut) => {
      const p = base();
      mut(p);
      return derive(PlanSchema.parse(p)).findings;
    };
    const env = { httpsProxy: 'http://proxy.corp.example.com:3128', httpProxy: 'http://other.corp.example.com:3128' };
    // The root Proxy dials only Auth that way; the leaf Proxy also its reverse tunnel to the root.
    const h6 = of(all(fwdNode, set('proxy-1', { env }), leaf, link('leaf-proxy', 'lb'), set('leaf-proxy', { env }))).filter((f) => f.code === 'L-H6');
    expect(h6.map((f) => [f.id, f.message.split(': ')[1]])).toEqual([
      ['L-H6:leaf-proxy', 'its reverse tunnel to the root cluster and its connection to Auth go through HTTPS_PROXY.'],
      ['L-H6:proxy-1', 'its connection to Auth goes through HTTPS_PROXY.'],
    ]);
    // L-P3 names each advertised address once, with its uses, and its verb agrees with the callers.
    const p3 = (mut: Mut) => of(mut).find((f) => f.code === 'L-P3')?.message;
    expect(p3(set('proxy-1', { publicAddr: ['teleport.example.com'] }))).toBe('Agent and Users dial teleport.example.com:3080 (join, reverse tunnel, tsh, web UI), advertised by Proxy 1, but LB opens port 443.');
    expect(p3(all(set('proxy-1', { publicAddr: ['teleport.example.com'] }), unlink('agent-lb')))).toBe('Users dials teleport.example.com:3080 (tsh, web UI), advertised by Proxy 1, but LB opens port 443.');
    // L-R3: a loopback peer listener, or a loopback address advertised to the other Proxies.
    const peering = all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies);
    const r3 = of(all(peering, set('proxy-1', { peerListenAddr: '127.0.0.1:3121' }), set('proxy-2', { peerPublicAddr: '[::1]:3021' }))).filter((f) => f.code === 'L-R3');
    expect(r3.map((f) => [f.id, f.severity, f.message, f.fix])).toEqual([
      ['L-R3:proxy-1', 'error', 'Proxy 1 listens for peers on 127.0.0.1:3121, a loopback address: the other Proxies of teleport.example.com cannot reach it for proxy peering, so users who land on them cannot reach the agents whose tunnels end on Proxy 1.', 'Listen for peers on an address the other Proxies reach (peer_listen_addr, e.g. 0.0.0.0:3121) and advertise that address (peer_public_addr, e.g. 10.0.1.11:3121).'],
      ['L-R3:proxy-2', 'error', 'Proxy 2 advertises [::1]:3021 in peer_public_addr, a loopback address, so the other Proxies dial themselves: the other Proxies of teleport.example.com cannot reach it for proxy peering, so users who land on them cannot reach the agents whose tunnels end on Proxy 2.', 'Listen for peers on an address the other Proxies reach (peer_listen_addr, e.g. 0.0.0.0:3021) and advertise that address (peer_public_addr, e.g. 10.0.1.12:3021).'],
    ]);
    // The example address: the Proxy's own name when it has no IPv4 address, a placeholder when it has none;
    // a loopback listener is the problem even when peer_public_addr names a reachable address.
    const r3Fix = (fields: Record<string, unknown>) => of(all(peering, set('proxy-1', fields))).find((f) => f.code === 'L-R3')?.fix;
    expect(r3Fix({ peerListenAddr: 'localhost:3021', addresses: ['proxy-1.internal'] })).toContain('(peer_public_addr, e.g. proxy-1.internal:3021)');
    expect(r3Fix({ peerListenAddr: 'localhost:3021', addresses: [] })).toContain('(peer_public_addr, e.g. proxy-1.internal.example.com:3021)');
    expect(of(all(peering, set('proxy-1', { peerListenAddr: '127.0.0.1:3021', peerPublicAddr: '10.0.1.11:3021' }))).find((f) => f.code === 'L-R3')?.message).toMatch(/^Proxy 1 listens for peers on 127\.0\.0\.1:3021, a loopback address:/);
    // A single Proxy has no peers to miss it.
    expect(of(all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise' }), set('proxy-1', { peerListenAddr: '127.0.0.1:3021' }))).map((f) => f.code)).not.toContain('L-R3');
    // Two load balancers that disagree: L-B4 asks to make them agree first, rather than naming a mode.
    const lb2 = all(add({ id: 'lb-2', name: 'Internal LB', kind: 'load-balancer', mappings: [{ frontPort: 443, targetPort: 3080 }] }), link('lb-2', 'proxy-1'));
    const b4 = of(all(lb2, set('lb', { sendsProxyProtocol: true }), set('proxy-1', { proxyProtocol: 'unspecified' }))).find((f) => f.code === 'L-B4');
    expect(b4?.fix).toBe('Set one PROXY protocol setting on every path first: LB sends PROXY headers while Internal LB does not; then proxy_protocol to match.');
    // One load balancer sending PROXY headers to two Proxies set to off: one finding that names both.
    const pp = of(all(twoProxies, set('lb', { sendsProxyProtocol: true }), set('proxy-2', { proxyProtocol: 'off' }))).filter((f) => f.code === 'PL-PROXY-PROTOCOL');
    expect(pp.map((f) => [f.id, f.message])).toEqual([['PL-PROXY-PROTOCOL:lb', 'LB sends PROXY headers, but Proxy 1 and Proxy 2 have proxy_protocol: off: Teleport rejects those connections.']]);
    // Proxy 2 insists on PROXY headers: turning them off on the load balancer is not offered.
    const mixed = of(all(twoProxies, set('lb', { sendsProxyProtocol: true }), set('proxy-2', { proxyProtocol: 'on' }))).find((f) => f.code === 'PL-PROXY-PROTOCOL');
    expect(mixed?.fix).toBe('Give Proxy 1 proxy_protocol: on.');
    // Users reach an 'on' Proxy directly while its load balancer sends PROXY headers: route them through it.
    const direct = of(all(set('lb', { sendsProxyProtocol: true }), set('proxy-1', { proxyProtocol: 'on' }), link('users', 'proxy-1'))).find((f) => f.code === 'PL-PROXY-PROTOCOL');
    expect([direct?.message, direct?.fix]).toEqual(['Proxy 1 has proxy_protocol: on, but Users connects to it directly, without PROXY headers: Teleport rejects those connections.', 'Route Users through LB, which sends PROXY headers.']);
    // Auth reads its own proxy_protocol: the finding names the auth_service section and the paths into Auth.
    const authB4 = of(all(authLb(true), set('auth', { proxyProtocol: 'unspecified' }))).find((f) => f.code === 'L-B4');
    expect([authB4?.message.split(':')[0], authB4?.fix, authB4?.nodes]).toEqual(['Auth leaves auth_service.proxy_protocol unspecified', 'Set proxy_protocol: on (Auth LB sends PROXY headers).', ['auth', 'auth-lb']]);
    const authPp = of(authLb(true)).find((f) => f.code === 'PL-PROXY-PROTOCOL');
    expect([authPp?.message, authPp?.fix]).toEqual(['Auth LB sends PROXY headers, but Auth has proxy_protocol: off: Teleport rejects those connections.', 'Turn off PROXY protocol on Auth LB, or give Auth proxy_protocol: on.']);
    // An agent joined straight to an 'on' Auth, past its load balancer: route it through the load balancer.
    const authDirect = of(all(authLb(true), set('auth', { proxyProtocol: 'on' }), set('agent', { joinVia: 'auth' }), link('agent', 'auth'))).find((f) => f.code === 'PL-PROXY-PROTOCOL');
    expect([authDirect?.message, authDirect?.fix]).toEqual(['Auth has proxy_protocol: on, but Agent connects to it directly, without PROXY headers: Teleport rejects those connections.', 'Route Agent through Auth LB, which sends PROXY headers.']);
    // L-R6 from the cluster's version (known to predate the fix, or not known: the patch decides), for the
    // Proxies that listen for peers on an unspecified host and advertise another address than the guess.
    const peeringOn = (fields: Record<string, unknown>, more: Mut = none) => of(all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2, ...fields }), twoProxies, more)).find((f) => f.code === 'L-R6');
    const advertised = set('proxy-1', { peerPublicAddr: '192.168.7.11:3021', peerListenAddr: '0.0.0.0:3021' });
    const r6 = peeringOn({ teleportVersion: 14 }, advertised);
    expect([r6?.message, r6?.fix, r6?.nodes]).toEqual([
      "teleport.example.com uses proxy peering on Teleport 14, which predates the peer listener fix (16.4.9, 17.0.3 and a 15.x patch release): Proxy 1 listens for peers on an unspecified host and advertises 192.168.7.11:3021 in peer_public_addr, but those releases bind the listener to one IPv4 address guessed from the host's IPs (10/8 first, then 192.168/16, then 172.16/12), so other Proxies that dial the advertised address find no listener there unless it leads to that one.",
      'Upgrade to 16.4.9, 17.0.3 or later; until then write the advertised address in peer_listen_addr (e.g. Proxy 1: peer_listen_addr: 192.168.7.11:3021).',
      ['proxy-1'],
    ]);
    expect(peeringOn({ teleportVersion: 17 }, advertised)?.message).toMatch(/^teleport\.example\.com uses proxy peering on Teleport 17, which may predate the peer listener fix/);
    // Two Proxies advertising IPv6 addresses: both named, the verbs agree.
    const v6 = peeringOn({ teleportVersion: 16 }, all(set('proxy-1', { peerPublicAddr: '[fd00::11]:3021' }), set('proxy-2', { peerPublicAddr: '[fd00::12]:3021' })));
    expect([v6?.nodes, v6?.message]).toEqual([['proxy-1', 'proxy-2'], expect.stringContaining(': Proxy 1 and Proxy 2 listen for peers on an unspecified host and advertise other addresses in peer_public_addr')]);
    // Nothing breaks when the others dial the guess: no peer_public_addr, one equal to the guess, or a listen host written out.
    expect(peeringOn({ teleportVersion: 14 })).toBeUndefined();
    expect(peeringOn({ teleportVersion: 14 }, set('proxy-1', { peerPublicAddr: '10.0.1.11:3021' }))).toBeUndefined();
    expect(peeringOn({ teleportVersion: 14 }, set('proxy-1', { peerPublicAddr: '192.168.7.11:3021', peerListenAddr: '192.168.7.11:3021' }))).toBeUndefined();
    expect(peeringOn({}, advertised)).toBeUndefined();
    // Services on Auth's own host reach it without PROXY headers, and Teleport lets them: no finding.
    const sameHost = of(all(set('auth', { proxyProtocol: 'on' }), set('agent', { joinVia: 'auth', addresses: ['10.0.10.5'] }), link('agent', 'auth'), unlink('proxy-1-auth'), authLb(true))).filter((f) => f.code === 'PL-PROXY-PROTOCOL');
    expect(sameHost).toEqual([]);
    // A monitoring scrape is no path into Auth, even on the same port.
    const scrape = of(all(set('auth', { proxyProtocol: 'on', metricsListenAddr: '0.0.0.0:3025' }), authLb(true), add({ id: 'prom', name: 'Prometheus', kind: 'client', tools: ['monitoring'], zone: 'private' }), link('prom', 'auth'))).filter((f) => f.code === 'PL-PROXY-PROTOCOL');
    expect(scrape.map((f) => f.message)).toEqual([]);
    // Auth LB sends no PROXY headers to an 'on' Auth that a PROXY-sending load balancer also fronts, and to an 'off' Auth 2: neither turn-over is safe.
    const stuck = of(all(authLb(false), set('auth', { proxyProtocol: 'on' }), add({ id: 'auth-lb-2', name: 'Auth LB 2', kind: 'load-balancer', mappings: [{ frontPort: 3025, targetPort: 3025 }], sendsProxyProtocol: true }), link('auth-lb-2', 'auth'), add({ id: 'auth-2', name: 'Auth 2', kind: 'auth', proxyProtocol: 'off', addresses: ['10.0.10.6'], zone: 'private' }), link('auth-lb', 'auth-2'))).find((f) => f.id === 'PL-PROXY-PROTOCOL:auth-lb');
    expect(stuck?.fix).toBe('Make every path into Auth agree on PROXY headers (load balancers and direct callers), then set proxy_protocol to match.');
    // A sticky load balancer that carries no reverse tunnel is harmless: no L-B3.
    expect(of(all(twoProxies, set('lb', { sticky: true }), unlink('agent-lb'))).map((f) => f.code)).not.toContain('L-B3');
    // The Proxy's own Kubernetes API dial through a forward proxy is L-H3's business, not L-H1's.
    const kube = of(all(fwdNode, (p) => Object.assign(node(p, 'fwd'), { connectPorts: [443] }), set('proxy-1', { env: { httpsProxy: 'http://proxy.corp.example.com:3128' } }), add({ id: 'k8s', name: 'K8s API', kind: 'kube-api', port: 6443 }), link('proxy-1', 'k8s'))).map((f) => f.code);
    expect(kube).toContain('L-H3');
    expect(kube).not.toContain('L-H1');
    // An agent joined directly to Auth opens no reverse tunnel, but its Auth connection picks HTTPS_PROXY the same way.
    expect(of(all(fwdNode, set('agent', { joinVia: 'auth', env }), link('agent', 'auth'))).find((f) => f.code === 'L-H6')?.message).toContain('its connection to Auth goes through HTTPS_PROXY');
    // L-B7 names the applications, an example subdomain, and the Proxies to mark; TCP apps and users without a browser need none.
    const b7 = of(webApp).find((f) => f.code === 'L-B7');
    expect([b7?.message, b7?.fix]).toEqual([
      'Browsers reach Grafana at subdomains of teleport.example.com (e.g. grafana.teleport.example.com): those names need DNS records pointing at the Proxy entry point and a certificate that covers them.',
      'Create a DNS record *.teleport.example.com (or one per application) and a certificate for those names (a wildcard, or one name per app), then mark Proxy 1 as having app subdomains in DNS.',
    ]);
    expect(of(all(webApp, set('grafana', { uri: 'tcp://grafana.internal:3000' }))).map((f) => f.code)).not.toContain('L-B7');
    expect(of(all(webApp, set('users', { tools: ['tsh'] }))).map((f) => f.code)).not.toContain('L-B7');
    // DNS is per host: a marked Proxy covers another Proxy with the same public host; an IP host has no subdomains.
    expect(of(all(webApp, twoProxies, set('proxy-2', { appSubdomainDns: true, proxyProtocol: 'off' }))).map((f) => f.code)).not.toContain('L-B7');
    expect(of(all(webApp, set('proxy-1', { publicAddr: ['203.0.113.10:443'] }))).map((f) => f.code)).not.toContain('L-B7');
    // A leaf's application browsed through the root is named after the root Proxy: the root's Proxies need the DNS.
    const leafApp = all(
      leaf, link('leaf-proxy', 'lb'), set('leaf-proxy', { proxyProtocol: 'off', appSubdomainDns: true }),
      add({ id: 'leaf-apps', name: 'Leaf apps', kind: 'agent', cluster: 'leaf', services: ['app'], zone: 'other' }), link('leaf-apps', 'leaf-proxy'),
      add({ id: 'wiki', name: 'Wiki', kind: 'app', uri: 'https://wiki.leaf.internal', zone: 'other' }), link('leaf-apps', 'wiki'),
    );
    expect(of(leafApp).filter((f) => f.code === 'L-B7').map((f) => [f.id, f.nodes])).toEqual([['L-B7:main', ['proxy-1', 'wiki']]]);
    // A known minor version is compared and named; without one, a cluster on the release's major passes.
    expect(of(all(relayNode(), cluster({ teleportVersion: 18, teleportMinorVersion: 2 }))).find((f) => f.code === 'PL-RELAY-VERSION')?.message).toContain('18.2');
    expect(of(all(relayNode(), cluster({ teleportVersion: 18 }))).map((f) => f.code)).not.toContain('PL-RELAY-VERSION');
    // QUIC peering: both Proxies opt in, so they peer over UDP only; with one side only, TCP and an info finding.
    const peers = (quic2: boolean) => {
      const p = base();
      all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-1', { quicPeering: true }), set('proxy-2', { quicPeering: quic2 }))(p);
      return derive(PlanSchema.parse(p)).rules.filter((r) => r.source.startsWith('proxy-') && r.destination.startsWith('proxy-')).map((r) => `${r.source}>${r.destination}:${r.port}/${r.protocol}`);
    };
    expect(peers(true)).toEqual(['proxy-1>proxy-2:3021/udp', 'proxy-2>proxy-1:3021/udp']);
    expect(peers(false)).toEqual(['proxy-1>proxy-2:3021/tcp', 'proxy-2>proxy-1:3021/tcp']);
    const old = all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2, teleportVersion: 16 }), twoProxies, set('proxy-1', { quicPeering: true }), set('proxy-2', { quicPeering: true }));
    expect(derive(PlanSchema.parse((() => { const p = base(); old(p); return p; })())).rules.filter((r) => r.port === 3021).map((r) => r.protocol)).toEqual(['tcp', 'tcp']);
    expect(of(old).find((f) => f.code === 'PL-QUIC-PEERING-UNUSED')?.message)
      .toBe('Proxy 1 opts into QUIC proxy peering (TELEPORT_UNSTABLE_QUIC_PROXY_PEERING), but teleport.example.com runs Teleport 16, before QUIC peering (17.0): it peers over TCP.');
    // Without proxy peering the variable does nothing; a lone Proxy is told what QUIC needs.
    const mesh = of(set('proxy-1', { quicPeering: true })).find((f) => f.code === 'PL-QUIC-PEERING-UNUSED');
    expect([mesh?.message, mesh?.fix]).toEqual([
      'Proxy 1 opts into QUIC proxy peering (TELEPORT_UNSTABLE_QUIC_PROXY_PEERING), but teleport.example.com does not use proxy peering: the variable does nothing.',
      'Remove the variable, or use proxy peering (tunnel_strategy proxy_peering, Enterprise).',
    ]);
    expect(of(all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise' }), set('proxy-1', { quicPeering: true }))).find((f) => f.code === 'PL-QUIC-PEERING-UNUSED')?.fix)
      .toBe('QUIC is used between two Proxies that both set the variable: add the second Proxy, or remove it.');
    // Peering across zones names the protocol the peers use.
    const zones = (quic: boolean) => of(all(cluster({ tunnelStrategy: 'proxy_peering', edition: 'enterprise', agentConnectionCount: 2 }), twoProxies, set('proxy-2', { zone: 'other', quicPeering: quic }), set('proxy-1', { quicPeering: quic }))).find((f) => f.code === 'PL-PEER-ZONES')?.message;
    expect(zones(true)).toContain('must allow 3021/udp in both directions');
    expect(zones(false)).toContain('must allow 3021/tcp in both directions');
    // A /32 is one domain controller; a wider CIDR stands for several.
    const dc = (addresses: string[]) => of(all(set('agent', { services: ['desktop'], desktopUsesAd: true }), add({ id: 'dc', name: 'DC', kind: 'domain-controller', addresses }), link('agent', 'dc'))).map((f) => f.code);
    expect(dc(['10.0.10.51/32'])).toContain('L-A6');
    expect(dc(['10.0.10.48/29'])).not.toContain('L-A6');
  });

  it('a join address is dialled as written: the port Teleport fills in, the rule on the open port, the fix with that port', () => {
    const run = (mut: Mut) => {
      const p = base();
      mut(p);
      return derive(PlanSchema.parse(p));
    };
    // proxy_server without a port: Teleport dials 3080, the load balancer opens 443 only.
    const portless = run(set('agent', { joinAddr: 'teleport.example.com' }));
    const c5 = portless.findings.find((f) => f.code === 'L-C5');
    expect([c5?.id, c5?.message, c5?.fix, c5?.links]).toEqual([
      'L-C5:agent+lb',
      'Agent sets proxy_server: teleport.example.com without a port, so Teleport dials teleport.example.com:3080, but LB opens port 443 for joining.',
      'Write the port: proxy_server: teleport.example.com:443.',
      ['agent-lb'],
    ]);
    const join = portless.flows.find((f) => f.from === 'agent' && f.catalog === 'agent-join');
    expect([join?.port, join?.dialTarget, join?.settings]).toEqual([443, 'teleport.example.com:3080', expect.arrayContaining(['nodes[agent].joinAddr'])]);
    // The reverse tunnel still goes where the Proxy advertises it (the ping answer), not to the join address.
    expect(portless.flows.find((f) => f.from === 'agent' && f.catalog === 'agent-reverse-tunnel')?.dialTarget).toBe('teleport.example.com:443');
    // On config v1/v2 the same address sits in auth_servers, whose default port is Auth's 3025.
    const v2 = run(all(cluster({ configVersion: 'v2' }), set('agent', { joinAddr: 'teleport.example.com' }))).findings.find((f) => f.code === 'L-C5');
    expect([v2?.message, v2?.fix]).toEqual(['Agent sets auth_servers: [teleport.example.com] without a port, so Teleport dials teleport.example.com:3025, but LB opens port 443 for joining.', 'Write the port: auth_servers: [teleport.example.com:443].']);
    // A swapped key is the thing to fix: L-C4 alone, not a port finding as well.
    const swapped = run(set('agent', { joinAddr: 'teleport.example.com:3025' })).findings.filter((f) => f.nodes.includes('agent')).map((f) => [f.code, f.message]);
    expect(swapped).toEqual([['L-C4', 'Agent sets proxy_server: teleport.example.com:3025, the Auth port, and LB opens port 443 for joining: probably auth_server was meant.']]);
    // A Database agent cannot join Auth directly (L-C2): L-C4 does not offer it.
    expect(run(set('agent', { services: ['database'], joinAddr: 'teleport.example.com:3025' })).findings.find((f) => f.code === 'L-C4')?.fix).toBe('Point proxy_server at the Proxy web address (e.g. teleport.example.com:443).');
    // In separate mode the tunnel listener serves a minimal web API: an agent pointed at it joins there.
    const sep = run(all(separateV3, sepMappings, set('agent', { joinAddr: 'teleport.example.com:3024' })));
    expect(sep.findings.filter((f) => f.nodes.includes('agent'))).toEqual([]);
    expect(sep.flows.filter((f) => f.from === 'agent').map((f) => [f.catalog, f.port, f.dialTarget])).toEqual([
      ['agent-join', 3024, 'teleport.example.com:3024'],
      ['agent-reverse-tunnel', 3024, 'teleport.example.com:3024'],
    ]);
    // A matching address changes nothing but the dial target, which the teleport.yaml export writes.
    const ok = run(set('agent', { joinAddr: 'proxy.example.com:443' }));
    expect(ok.findings).toEqual([]);
    expect(ok.flows.find((f) => f.from === 'agent' && f.catalog === 'agent-join')?.dialTarget).toBe('proxy.example.com:443');
    // tbot reads its own keys: a port-less proxy_server is the host of an https URL (443), so it fits LB.
    const tbot = run(joiningBot({ joinAddr: 'teleport.example.com' }));
    expect(tbot.findings).toEqual([]);
    expect(tbot.flows.filter((f) => f.from === 'bot').map((f) => [f.catalog, f.port, f.dialTarget, f.settings.includes('nodes[bot].joinAddr')])).toEqual([
      // The Auth client's tunnel address comes from the Proxy's ping, not from proxy_server.
      ['tbot-tunnel', 443, 'teleport.example.com:443', false],
      ['tbot-web', 443, 'teleport.example.com:443', true],
    ]);
    const bot3080 = run(joiningBot({ joinAddr: 'teleport.example.com:3080' })).findings.find((f) => f.code === 'PL-JOIN-ADDR-PORT');
    expect([bot3080?.message, bot3080?.fix]).toEqual(['CI bot joins through teleport.example.com:3080 (proxy_server), but LB opens port 443 for joining.', 'Write proxy_server: teleport.example.com:443, or open port 3080 on LB.']);
    // tbot's auth_server gets no port filled in: the dial fails, and the fix names Auth's port.
    const botAuth = run(joiningBot({ joinAddr: 'auth.internal' }, true));
    const noPort = botAuth.findings.find((f) => f.code === 'PL-TBOT-AUTH-NO-PORT');
    expect([noPort?.message, noPort?.fix, noPort?.nodes, noPort?.links]).toEqual([
      'CI bot sets auth_server: auth.internal without a port. tbot dials auth_server as written and fills in no port, so it cannot reach Auth (it then tries the address as a Proxy web address on 443).',
      'Write the port: auth_server: auth.internal:3025, or join through the Proxy (proxy_server).',
      ['auth', 'bot'],
      ['bot--auth'],
    ]);
    expect(botAuth.flows.find((f) => f.from === 'bot')?.dialTarget).toBe('10.0.10.5:3025');
    expect(run(joiningBot({ joinAddr: 'auth.internal:3025' }, true)).flows.find((f) => f.from === 'bot')?.dialTarget).toBe('auth.internal:3025');
    // Through an Auth load balancer the fix names its front port; with no link to check, Auth's default port.
    const viaLb = run(all(authLb(false), joiningBot({ joinAddr: 'auth.internal' }), unlink('bot--lb'), set('bot', { joinVia: 'auth' }), link('bot', 'auth-lb'), set('auth-lb', { mappings: [{ frontPort: 443, targetPort: 3025 }] })));
    expect(viaLb.findings.find((f) => f.code === 'PL-TBOT-AUTH-NO-PORT')?.fix).toBe('Write the port: auth_server: auth.internal:443, or join through the Proxy (proxy_server).');
    const unlinked = run(all(joiningBot({ joinAddr: 'auth.internal' }, true), unlink('bot--auth'))).findings.find((f) => f.code === 'PL-TBOT-AUTH-NO-PORT');
    expect([unlinked?.fix, unlinked?.nodes, unlinked?.links]).toEqual(['Write the port: auth_server: auth.internal:3025, or join through the Proxy (proxy_server).', ['bot'], []]);
    // On Cloud, tbot joining Auth directly is L-A3's business alone.
    const cloudBot = run(all(joiningBot({ joinAddr: 'example.teleport.sh' }, true), cloudOnly)).findings.map((f) => f.code);
    expect(cloudBot).not.toContain('PL-TBOT-AUTH-NO-PORT');
    expect(run(all(joiningBot({ joinAddr: 'example.teleport.sh' }, true), cluster({ deployment: 'self-hosted' }))).findings.map((f) => f.code)).toContain('PL-TBOT-AUTH-NO-PORT');
    // tbot's auth_server on a Proxy web port is taken for a Proxy: L-C4, with tbot's own alternative.
    const botSwapped = run(joiningBot({ joinAddr: 'teleport.example.com:443' }, true)).findings.filter((f) => f.nodes.includes('bot'));
    expect(botSwapped.map((f) => [f.code, f.message, f.fix])).toEqual([[
      'L-C4',
      'CI bot sets auth_server: teleport.example.com:443, a Proxy web port, and Auth opens port 3025 for joining: probably proxy_server was meant.',
      'Point auth_server at the Auth address (e.g. auth.example.com:3025), or make tbot join via the Proxy (proxy_server).',
    ]]);
  });

  it("a leaf's trusted_cluster addresses are dialled as written: web_proxy_addr on 443 without a port, tunnel_addr (or web_proxy_addr) never without one", () => {
    const run = (fields: Record<string, unknown>, more: Mut = none) => {
      const p = base();
      all(leaf, link('leaf-proxy', 'lb'), set('leaf-proxy', { proxyProtocol: 'off' }), leafTrust(fields), more)(p);
      return derive(PlanSchema.parse(p));
    };
    const dials = (r: ReturnType<typeof run>) => r.flows.filter((f) => f.from.startsWith('leaf-') && f.to === 'lb').map((f) => [f.from, f.port, f.dialTarget]);
    const said = (r: ReturnType<typeof run>) => r.findings.map((f) => [f.code, f.message, f.fix]);
    const portless = run({ trustWebProxyAddr: 'teleport.example.com' });
    expect(dials(portless)).toEqual([['leaf-auth', 443, 'teleport.example.com:443'], ['leaf-proxy', 443, 'teleport.example.com:443']]);
    expect(said(portless)).toEqual([[
      'PL-TRUST-TUNNEL-NO-PORT',
      "leaf.example.com's trusted_cluster web_proxy_addr (which tunnel_addr defaults to) is teleport.example.com, without a port: Leaf Proxy dials the reverse tunnel address as written and cannot connect.",
      'Set tunnel_addr with the port where the root takes reverse tunnels (e.g. teleport.example.com:443).',
    ]]);
    // One wrong web_proxy_addr: one finding per kind of call, naming every leaf node that makes it.
    const wrong = run({ trustWebProxyAddr: 'teleport.example.com:3080' }, all(add({ id: 'leaf-auth-2', name: 'Leaf Auth 2', kind: 'auth', cluster: 'leaf', proxyProtocol: 'off', zone: 'other' }), link('leaf-proxy', 'leaf-auth-2')));
    expect(said(wrong)).toEqual([
      ['L-X3', 'leaf.example.com points web_proxy_addr (which tunnel_addr defaults to) at teleport.example.com:3080, but teleport.example.com uses TLS routing: it takes reverse tunnels on its web port (443).', 'Point tunnel_addr and web_proxy_addr at the root web address (port 443).'],
      ['PL-TRUST-ADDR-PORT', 'Leaf Auth and Leaf Auth 2 dial teleport.example.com:3080 (web_proxy_addr of the trusted_cluster of leaf.example.com), but LB opens port 443 for the trust validation.', 'Set web_proxy_addr to teleport.example.com:443, or open port 3080 on LB.'],
    ]);
    // L-X3 measures against the port the root takes tunnels on, not against a wrong web_proxy_addr: no loop.
    const rightTunnel = run({ trustWebProxyAddr: 'teleport.example.com:3080', trustTunnelAddr: 'teleport.example.com:443' });
    expect(rightTunnel.findings.map((f) => f.code)).toEqual(['PL-TRUST-ADDR-PORT']);
    // A tunnel address off the web port that works (the load balancer maps it) gets no advice.
    const mapped = run({ trustWebProxyAddr: 'teleport.example.com:443', trustTunnelAddr: 'teleport.example.com:3024' }, set('lb', { mappings: [{ frontPort: 443, targetPort: 3080 }, { frontPort: 3024, targetPort: 3080 }] }));
    expect(mapped.findings).toEqual([]);
    expect(said(run({ trustWebProxyAddr: 'teleport.example.com:443', trustTunnelAddr: 'teleport.example.com:3024' }))).toEqual([[
      'L-X3', 'leaf.example.com points tunnel_addr at teleport.example.com:3024, but teleport.example.com uses TLS routing: it takes reverse tunnels on its web port (443).', 'Point tunnel_addr and web_proxy_addr at the root web address (port 443).',
    ]]);
    expect(run({ trustWebProxyAddr: 'teleport.example.com:443' }).findings).toEqual([]);
  });

  it('a leaf of a separate-mode root: the tunnel follows web_proxy_addr onto the web port, and the fix goes to tunnel_addr', () => {
    const p = base();
    all(separateV3, sepMappings, leaf, link('leaf-proxy', 'lb'), set('leaf-proxy', { proxyProtocol: 'off' }), leafTrust({ trustWebProxyAddr: 'teleport.example.com:443' }))(p);
    const r = derive(PlanSchema.parse(p));
    expect(r.findings.filter((f) => f.code.startsWith('PL-TRUST') || f.code === 'L-X3').map((f) => [f.code, f.message, f.fix])).toEqual([[
      'PL-TRUST-ADDR-PORT',
      'Leaf Proxy dials teleport.example.com:443 (web_proxy_addr (which tunnel_addr defaults to) of the trusted_cluster of leaf.example.com), but LB opens port 3024 for reverse tunnels.',
      'Set tunnel_addr to teleport.example.com:3024.',
    ]]);
    // Port-less, the example port is where the separate-mode root takes tunnels.
    leafTrust({ trustWebProxyAddr: 'teleport.example.com', trustTunnelAddr: 'teleport.example.com' })(p);
    expect(derive(PlanSchema.parse(p)).findings.find((f) => f.code === 'PL-TRUST-TUNNEL-NO-PORT')?.fix).toBe('Set tunnel_addr with the port where the root takes reverse tunnels (e.g. teleport.example.com:3024).');
  });

  it('a leaf of a Cloud root: L-X3 against the tenant port; a tenant is no node to open ports on', () => {
    const p = base();
    all(
      cloudCluster, remove('lb'), remove('proxy-1'), remove('auth'), leaf,
      set('leaf-proxy', { proxyProtocol: 'off' }), leafTrust({ trustTunnelAddr: 'example.teleport.sh:3024' }),
    )(p);
    const r = derive(PlanSchema.parse(p));
    expect(r.findings.filter((f) => f.code === 'L-X3').map((f) => f.message)).toEqual([
      'leaf.example.com points tunnel_addr at example.teleport.sh:3024, but teleport.example.com uses TLS routing: it takes reverse tunnels on its web port (443).',
    ]);
  });

  it('findings are well formed: id from code and subjects, message names nodes, docs link', () => {
    const p = base();
    set('proxy-1', { publicAddr: ['a.example.com:443', 'b.example.com:443'] })(p);
    const f = derive(PlanSchema.parse(p)).findings.find((x) => x.code === 'L-P1');
    expect(f).toMatchObject({ id: 'L-P1:proxy-1', severity: 'warning', nodes: ['proxy-1'] });
    expect(f?.message).toContain('Proxy 1');
    expect(f?.docs).toMatch(/^https:\/\/goteleport\.com\/docs\//);
    expect(f?.message).not.toMatch(/\{\w+\}/);
    expect(f?.fix).not.toMatch(/\{\w+\}/);
  });
});

describe('PL-ANY-ADDRESS leaves out what is "any" by intent', () => {
  it('clients and cloud APIs without an address, and every template and the example', () => {
    const p = base();
    all(set('users', { zone: undefined }), add({ id: 'aws', name: 'AWS APIs', kind: 'cloud-api', provider: 'aws', addresses: [] }))(p);
    expect(derive(PlanSchema.parse(p)).findings.map((f) => f.code)).not.toContain('PL-ANY-ADDRESS');
    for (const plan of [...TEMPLATES.map((t) => t.plan()), examplePlan()]) {
      expect(derive(plan).findings.filter((f) => f.code === 'PL-ANY-ADDRESS').map((f) => f.message), plan.name).toEqual([]);
    }
  });
});
