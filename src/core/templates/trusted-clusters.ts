/**
 * Trusted clusters: a leaf cluster (a site) trusts the root cluster. The leaf Proxy dials the root
 * Proxy's public address and keeps a reverse tunnel (443 with TLS routing); the leaf Auth calls the
 * root Proxy's web address once when the trust is created. The leaf needs no inbound ports.
 */
import { buildPlan, INTERNET_ZONE } from './build.ts';
import { at } from './layout.ts';
import type { PlanInput } from './layout.ts';
import type { Template } from './types.ts';

const PLAN: PlanInput = {
  type: 'portolan-plan',
  version: 1,
  name: 'Trusted root and leaf clusters',
  description: 'A root cluster behind an L4 load balancer and a leaf cluster in a remote site that trusts it.',
  clusters: [
    {
      id: 'root',
      name: 'root.example.com',
      deployment: 'self-hosted',
      teleportVersion: 18,
      configVersion: 'v3',
      proxyListenerMode: 'multiplex',
      tunnelStrategy: 'agent_mesh',
      edition: 'oss',
    },
    {
      id: 'leaf',
      name: 'leaf.example.com',
      deployment: 'self-hosted',
      teleportVersion: 18,
      configVersion: 'v3',
      proxyListenerMode: 'multiplex',
      tunnelStrategy: 'agent_mesh',
      edition: 'oss',
      trustedRoot: 'root',
      // tunnel_addr left empty: it follows web_proxy_addr, the root web port that TLS routing serves tunnels on.
      trustWebProxyAddr: 'root.example.com:443',
    },
  ],
  zones: [
    INTERNET_ZONE,
    { id: 'root-dmz', name: 'Root: public subnet', kind: 'dmz', cidrs: ['10.0.1.0/24'] },
    { id: 'root-private', name: 'Root: private subnet', kind: 'private', cidrs: ['10.0.2.0/24'] },
    { id: 'leaf-site', name: 'Leaf: remote site', kind: 'on-prem', cidrs: ['172.16.0.0/16'] },
  ],
  nodes: [
    { id: 'users', name: 'Engineers', kind: 'client', tools: ['browser', 'tsh'], zone: 'internet', position: at(0, 1) },
    {
      id: 'root-lb',
      name: 'Root Proxy NLB',
      kind: 'load-balancer',
      layer: 'l4',
      mappings: [{ frontPort: 443, targetPort: 3080 }],
      idleTimeoutSeconds: 350,
      addresses: ['root.example.com'],
      zone: 'root-dmz',
      position: at(1, 1),
    },
    {
      id: 'root-proxy',
      name: 'Root Proxy',
      kind: 'proxy',
      cluster: 'root',
      publicAddr: ['root.example.com:443'],
      webListenAddr: '0.0.0.0:3080',
      proxyProtocol: 'off',
      addresses: ['10.0.1.11'],
      zone: 'root-dmz',
      position: at(2, 1),
    },
    { id: 'root-auth', name: 'Root Auth', kind: 'auth', cluster: 'root', addresses: ['10.0.2.10'], proxyProtocol: 'off', zone: 'root-private', position: at(3, 0) },
    { id: 'root-ssh', name: 'Root SSH agents', kind: 'agent', cluster: 'root', services: ['ssh'], addresses: ['10.0.2.21'], zone: 'root-private', position: at(3, 2) },
    {
      id: 'leaf-proxy',
      name: 'Leaf Proxy',
      kind: 'proxy',
      cluster: 'leaf',
      publicAddr: ['leaf.example.com:443'],
      webListenAddr: '0.0.0.0:443',
      proxyProtocol: 'off',
      addresses: ['172.16.0.11'],
      zone: 'leaf-site',
      position: at(2, 5),
      notes: 'Dials root.example.com:443 and keeps a reverse tunnel: the leaf needs no inbound rule from the root.',
    },
    { id: 'leaf-auth', name: 'Leaf Auth', kind: 'auth', cluster: 'leaf', addresses: ['172.16.0.10'], proxyProtocol: 'off', zone: 'leaf-site', position: at(3, 5) },
    { id: 'leaf-ssh', name: 'Leaf SSH agents', kind: 'agent', cluster: 'leaf', services: ['ssh'], addresses: ['172.16.1.21'], zone: 'leaf-site', position: at(2, 6) },
    { id: 'leaf-db-agent', name: 'Leaf Database agent', kind: 'agent', cluster: 'leaf', services: ['database'], addresses: ['172.16.1.22'], zone: 'leaf-site', position: at(3, 6) },
    { id: 'leaf-mysql', name: 'Plant DB (MySQL)', kind: 'database', engine: 'mysql', port: 3306, addresses: ['172.16.1.50'], zone: 'leaf-site', position: at(4, 6) },
  ],
  links: [
    { id: 'users-root-lb', source: 'users', target: 'root-lb' },
    { id: 'root-lb-root-proxy', source: 'root-lb', target: 'root-proxy' },
    { id: 'root-proxy-root-auth', source: 'root-proxy', target: 'root-auth' },
    { id: 'root-ssh-root-lb', source: 'root-ssh', target: 'root-lb' },
    { id: 'leaf-proxy-root-lb', source: 'leaf-proxy', target: 'root-lb' },
    { id: 'leaf-proxy-leaf-auth', source: 'leaf-proxy', target: 'leaf-auth' },
    { id: 'leaf-ssh-leaf-proxy', source: 'leaf-ssh', target: 'leaf-proxy' },
    { id: 'leaf-db-agent-leaf-proxy', source: 'leaf-db-agent', target: 'leaf-proxy' },
    { id: 'leaf-db-agent-leaf-mysql', source: 'leaf-db-agent', target: 'leaf-mysql' },
  ],
};

export const trustedClusters: Template = {
  id: 'trusted-clusters',
  name: 'Trusted root and leaf clusters',
  description: 'A root cluster and a leaf cluster that trusts it: the leaf Proxy keeps a reverse tunnel to the root on 443 and the leaf Auth validates the trust against the root Proxy. No inbound ports at the leaf.',
  plan: () => buildPlan(PLAN),
};
