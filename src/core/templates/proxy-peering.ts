/**
 * Proxy peering (Enterprise): agents keep `agent_connection_count` tunnels instead of one per Proxy,
 * and the Proxies reach each other on 3021 to forward sessions to the Proxy holding the tunnel.
 * Each Proxy advertises its own private address as `peer_public_addr`.
 */
import { buildPlan, INTERNET_ZONE } from './build.ts';
import { at } from './layout.ts';
import type { PlanInput } from './layout.ts';
import type { Template } from './types.ts';

const proxy = (n: number, row: number) => ({
  id: `proxy-${n}`,
  name: `Proxy ${n}`,
  kind: 'proxy' as const,
  publicAddr: ['teleport.example.com:443'],
  webListenAddr: '0.0.0.0:3080',
  peerListenAddr: '0.0.0.0:3021',
  peerPublicAddr: `10.0.1.1${n}:3021`,
  proxyProtocol: 'off' as const,
  addresses: [`10.0.1.1${n}`],
  zone: 'dmz',
  position: at(2, row),
});

const PLAN: PlanInput = {
  type: 'portolan-plan',
  version: 1,
  name: 'Proxy peering with three Proxies',
  description: 'Enterprise cluster with tunnel_strategy proxy_peering: three Proxies peer on 3021, agents keep two tunnels each.',
  clusters: [
    {
      id: 'main',
      name: 'teleport.example.com',
      deployment: 'self-hosted',
      teleportVersion: 18,
      configVersion: 'v3',
      proxyListenerMode: 'multiplex',
      tunnelStrategy: 'proxy_peering',
      agentConnectionCount: 2,
      edition: 'enterprise',
    },
  ],
  zones: [
    INTERNET_ZONE,
    { id: 'dmz', name: 'Proxy subnet', kind: 'dmz', cidrs: ['10.0.1.0/24'] },
    { id: 'control-plane', name: 'Control plane', kind: 'private', cidrs: ['10.0.2.0/24'] },
    { id: 'private', name: 'Private services', kind: 'private', cidrs: ['10.0.10.0/24'] },
  ],
  nodes: [
    { id: 'users', name: 'Engineers', kind: 'client', tools: ['browser', 'tsh', 'kubectl'], zone: 'internet', position: at(0, 2) },
    {
      id: 'lb',
      name: 'Proxy NLB',
      kind: 'load-balancer',
      layer: 'l4',
      mappings: [{ frontPort: 443, targetPort: 3080 }],
      idleTimeoutSeconds: 350,
      addresses: ['teleport.example.com'],
      zone: 'dmz',
      position: at(1, 2),
    },
    proxy(1, 1),
    proxy(2, 2),
    proxy(3, 3),
    { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], proxyProtocol: 'off', zone: 'control-plane', position: at(3, 2) },
    { id: 'ssh-agent', name: 'SSH agents', kind: 'agent', services: ['ssh'], addresses: ['10.0.10.21'], zone: 'private', position: at(4, 1) },
    { id: 'kube-agent', name: 'Kubernetes agent', kind: 'agent', services: ['kubernetes'], addresses: ['10.0.10.22'], zone: 'private', position: at(4, 3) },
    { id: 'kube-api', name: 'Kubernetes API', kind: 'kube-api', port: 443, addresses: ['10.0.10.5'], zone: 'private', position: at(5, 3) },
  ],
  links: [
    { id: 'users-lb', source: 'users', target: 'lb' },
    { id: 'lb-proxy-1', source: 'lb', target: 'proxy-1' },
    { id: 'lb-proxy-2', source: 'lb', target: 'proxy-2' },
    { id: 'lb-proxy-3', source: 'lb', target: 'proxy-3' },
    { id: 'proxy-1-auth', source: 'proxy-1', target: 'auth' },
    { id: 'proxy-2-auth', source: 'proxy-2', target: 'auth' },
    { id: 'proxy-3-auth', source: 'proxy-3', target: 'auth' },
    { id: 'ssh-agent-lb', source: 'ssh-agent', target: 'lb' },
    { id: 'kube-agent-lb', source: 'kube-agent', target: 'lb' },
    { id: 'kube-agent-kube-api', source: 'kube-agent', target: 'kube-api' },
  ],
};

export const proxyPeering: Template = {
  id: 'proxy-peering',
  name: 'Proxy peering with three Proxies (Enterprise)',
  description: 'Three Proxies with tunnel_strategy proxy_peering: they reach each other on 3021 and agents keep two tunnels each instead of one per Proxy. Enterprise only.',
  plan: () => buildPlan(PLAN),
};
