/**
 * Self-hosted high availability as in Teleport's HA guide: an L4 load balancer publishes 443 and
 * forwards to three Proxies on 3080 (TLS routing); the Proxies reach two Auth instances through an
 * L4 Auth load balancer on 3025; Auth keeps its state in DynamoDB and recordings in S3.
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

const auth = (n: number, row: number) => ({
  id: `auth-${n}`,
  name: `Auth ${n}`,
  kind: 'auth' as const,
  publicAddr: ['auth.teleport.internal:3025'],
  proxyProtocol: 'off' as const,
  addresses: [`10.0.2.1${n}`],
  zone: 'control-plane',
  position: at(4, row),
});

const PLAN: PlanInput = {
  type: 'portolan-plan',
  version: 1,
  name: 'Self-hosted HA behind an L4 load balancer',
  description: 'Three Proxies behind an L4 load balancer (443 → 3080), two Auth instances behind an L4 Auth load balancer (3025), agents in a private subnet.',
  clusters: [SELF_HOSTED_CLUSTER],
  zones: [
    INTERNET_ZONE,
    { id: 'dmz', name: 'Public subnets', kind: 'dmz', cidrs: ['10.0.1.0/24'] },
    { id: 'control-plane', name: 'Control plane', kind: 'private', cidrs: ['10.0.2.0/24'] },
    { id: 'aws', name: 'AWS services', kind: 'cloud' },
    { id: 'private', name: 'Private services', kind: 'private', cidrs: ['10.0.10.0/24'] },
  ],
  nodes: [
    { id: 'users', name: 'Engineers', kind: 'client', tools: ['browser', 'tsh', 'database'], zone: 'internet', position: at(0, 2) },
    {
      id: 'proxy-lb',
      name: 'Proxy NLB',
      kind: 'load-balancer',
      layer: 'l4',
      mappings: [{ frontPort: 443, targetPort: 3080 }],
      idleTimeoutSeconds: 350,
      addresses: ['teleport.example.com'],
      zone: 'dmz',
      position: at(1, 2),
      notes: 'TCP pass-through; TLS is terminated by the Proxies (TLS routing). Wildcard DNS *.teleport.example.com for web apps.',
    },
    proxy(1, 1),
    proxy(2, 2),
    proxy(3, 3),
    {
      id: 'auth-lb',
      name: 'Auth NLB',
      kind: 'load-balancer',
      layer: 'l4',
      mappings: [{ frontPort: 3025, targetPort: 3025 }],
      idleTimeoutSeconds: 350,
      addresses: ['auth.teleport.internal'],
      zone: 'control-plane',
      position: at(3, 2),
      notes: 'Internal TCP pass-through only: Auth speaks mTLS gRPC and its clients verify the cluster CA.',
    },
    auth(1, 1),
    auth(2, 3),
    { id: 'aws-apis', name: 'DynamoDB + S3', kind: 'cloud-api', provider: 'aws', port: 443, zone: 'aws', position: at(5, 2), notes: 'Cluster state (DynamoDB) and session recordings (S3).' },
    { id: 'ssh-agent', name: 'SSH agents', kind: 'agent', services: ['ssh'], addresses: ['10.0.10.21'], zone: 'private', position: at(3, 6) },
    { id: 'db-agent', name: 'Database agent', kind: 'agent', services: ['database'], addresses: ['10.0.10.22'], zone: 'private', position: at(3, 7) },
    { id: 'app-agent', name: 'Application agent', kind: 'agent', services: ['app'], addresses: ['10.0.10.23'], zone: 'private', position: at(3, 8) },
    { id: 'postgres', name: 'Orders DB', kind: 'database', engine: 'postgres', port: 5432, addresses: ['orders-db.internal.example.com'], zone: 'private', position: at(4, 7) },
    { id: 'grafana', name: 'Grafana', kind: 'app', uri: 'http://grafana.internal.example.com:3000', addresses: ['grafana.internal.example.com'], zone: 'private', position: at(4, 8) },
  ],
  links: [
    { id: 'users-proxy-lb', source: 'users', target: 'proxy-lb' },
    { id: 'proxy-lb-proxy-1', source: 'proxy-lb', target: 'proxy-1' },
    { id: 'proxy-lb-proxy-2', source: 'proxy-lb', target: 'proxy-2' },
    { id: 'proxy-lb-proxy-3', source: 'proxy-lb', target: 'proxy-3' },
    { id: 'proxy-1-auth-lb', source: 'proxy-1', target: 'auth-lb' },
    { id: 'proxy-2-auth-lb', source: 'proxy-2', target: 'auth-lb' },
    { id: 'proxy-3-auth-lb', source: 'proxy-3', target: 'auth-lb' },
    { id: 'auth-lb-auth-1', source: 'auth-lb', target: 'auth-1' },
    { id: 'auth-lb-auth-2', source: 'auth-lb', target: 'auth-2' },
    { id: 'auth-1-aws-apis', source: 'auth-1', target: 'aws-apis' },
    { id: 'auth-2-aws-apis', source: 'auth-2', target: 'aws-apis' },
    { id: 'ssh-agent-proxy-lb', source: 'ssh-agent', target: 'proxy-lb' },
    { id: 'db-agent-proxy-lb', source: 'db-agent', target: 'proxy-lb' },
    { id: 'app-agent-proxy-lb', source: 'app-agent', target: 'proxy-lb' },
    { id: 'db-agent-postgres', source: 'db-agent', target: 'postgres' },
    { id: 'app-agent-grafana', source: 'app-agent', target: 'grafana' },
  ],
};

export const haL4: Template = {
  id: 'ha-l4',
  name: 'Self-hosted HA behind an L4 load balancer',
  description: 'Three Proxies behind an L4 load balancer (443 → 3080, TLS routing), two Auth instances behind an L4 Auth load balancer on 3025, and SSH, Database and Application agents.',
  plan: () => buildPlan(PLAN),
};
