/**
 * Separate internal and external Proxy endpoints with split DNS (the approach Teleport recommends):
 * `teleport.example.com` resolves to the internet-facing load balancer outside and to an internal
 * load balancer inside the VPC, so the Proxies keep a single `public_addr` and agents never leave
 * the private network.
 * https://goteleport.com/docs/zero-trust-access/deploy-a-cluster/separate-proxy-service-endpoints/
 */
import { buildPlan, INTERNET_ZONE, SELF_HOSTED_CLUSTER } from './build.ts';
import { at } from './layout.ts';
import type { PlanInput } from './layout.ts';
import type { Template } from './types.ts';

const proxy = (n: number, row: number) => ({
  id: `proxy-${n}`,
  name: `Proxy ${n}`,
  kind: 'proxy' as const,
  publicAddr: ['teleport.example.com:443'],
  webListenAddr: '0.0.0.0:3080',
  proxyProtocol: 'off' as const,
  // *.teleport.example.com resolves to the load balancer and the certificate covers it (app access).
  appSubdomainDns: true,
  addresses: [`10.0.1.1${n}`],
  zone: 'dmz',
  position: at(2, row),
});

const lb = (id: string, name: string, address: string, row: number, notes: string) => ({
  id,
  name,
  kind: 'load-balancer' as const,
  layer: 'l4' as const,
  mappings: [{ frontPort: 443, targetPort: 3080 }],
  idleTimeoutSeconds: 350,
  addresses: [address],
  zone: 'dmz',
  position: at(1, row),
  notes,
});

const PLAN: PlanInput = {
  type: 'portolan-plan',
  version: 1,
  name: 'Separate internal and external Proxy endpoints',
  description: 'Split DNS: users on the internet reach an external load balancer, agents inside the VPC reach an internal one; both forward 443 → 3080 to the same Proxies.',
  clusters: [SELF_HOSTED_CLUSTER],
  zones: [
    INTERNET_ZONE,
    { id: 'dmz', name: 'Proxy subnets', kind: 'dmz', cidrs: ['10.0.1.0/24'] },
    { id: 'control-plane', name: 'Control plane', kind: 'private', cidrs: ['10.0.2.0/24'] },
    { id: 'private', name: 'Private services', kind: 'private', cidrs: ['10.0.10.0/24'] },
  ],
  nodes: [
    { id: 'users', name: 'Users', kind: 'client', tools: ['browser', 'tsh', 'kubectl'], zone: 'internet', position: at(0, 1) },
    lb('external-lb', 'External NLB', 'teleport.example.com', 1, 'Internet-facing. Public DNS: teleport.example.com → this load balancer.'),
    lb('internal-lb', 'Internal NLB', '10.0.1.100', 3, 'Internal only. Private DNS zone inside the VPC: teleport.example.com → 10.0.1.100 (split DNS).'),
    proxy(1, 1),
    proxy(2, 3),
    { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], proxyProtocol: 'off', zone: 'control-plane', position: at(3, 2) },
    { id: 'ssh-agent', name: 'SSH agents', kind: 'agent', services: ['ssh'], addresses: ['10.0.10.21'], zone: 'private', position: at(4, 4) },
    { id: 'app-agent', name: 'Application agent', kind: 'agent', services: ['app'], addresses: ['10.0.10.22'], zone: 'private', position: at(4, 5) },
    { id: 'wiki', name: 'Internal wiki', kind: 'app', uri: 'https://wiki.internal.example.com', addresses: ['wiki.internal.example.com'], zone: 'private', position: at(5, 5) },
  ],
  links: [
    { id: 'users-external-lb', source: 'users', target: 'external-lb' },
    { id: 'external-lb-proxy-1', source: 'external-lb', target: 'proxy-1' },
    { id: 'external-lb-proxy-2', source: 'external-lb', target: 'proxy-2' },
    { id: 'internal-lb-proxy-1', source: 'internal-lb', target: 'proxy-1' },
    { id: 'internal-lb-proxy-2', source: 'internal-lb', target: 'proxy-2' },
    { id: 'proxy-1-auth', source: 'proxy-1', target: 'auth' },
    { id: 'proxy-2-auth', source: 'proxy-2', target: 'auth' },
    { id: 'ssh-agent-internal-lb', source: 'ssh-agent', target: 'internal-lb' },
    { id: 'app-agent-internal-lb', source: 'app-agent', target: 'internal-lb' },
    { id: 'app-agent-wiki', source: 'app-agent', target: 'wiki' },
  ],
};

export const internalExternalEndpoints: Template = {
  id: 'internal-external-endpoints',
  name: 'Separate internal and external Proxy endpoints',
  description: 'Split DNS with two load balancers: users reach the Proxies through an internet-facing load balancer, agents through an internal one, with a single public_addr on the Proxies.',
  plan: () => buildPlan(PLAN),
};
