/**
 * Legacy separate ports: a teleport.yaml without `version:` (config v1) and the cluster in
 * `proxy_listener_mode: separate`. Each Proxy opens web 3080, SSH 3023, reverse tunnel 3024 and
 * Kubernetes 3026; an L4 load balancer forwards all four. Agents use v1 `auth_servers` pointing at
 * the Proxy's web address and then tunnel on 3024.
 */
import { buildPlan } from './build.ts';
import { at } from './layout.ts';
import type { PlanInput } from './layout.ts';
import type { Template } from './types.ts';

const HOST = 'teleport.example.com';

const proxy = (n: number, row: number) => ({
  id: `proxy-${n}`,
  name: `Proxy ${n}`,
  kind: 'proxy' as const,
  publicAddr: [`${HOST}:3080`],
  webListenAddr: '0.0.0.0:3080',
  sshListenAddr: '0.0.0.0:3023',
  sshPublicAddr: [`${HOST}:3023`],
  tunnelListenAddr: '0.0.0.0:3024',
  tunnelPublicAddr: [`${HOST}:3024`],
  kubeListenAddr: '0.0.0.0:3026',
  kubePublicAddr: [`${HOST}:3026`],
  proxyProtocol: 'off' as const,
  addresses: [`10.1.1.1${n}`],
  zone: 'dmz',
  position: at(2, row),
});

const PLAN: PlanInput = {
  type: 'portolan-plan',
  version: 1,
  name: 'Legacy separate ports (config v1)',
  description: 'Config v1 and proxy_listener_mode: separate: web 3080, SSH 3023, reverse tunnel 3024 and Kubernetes 3026, all forwarded by an L4 load balancer.',
  clusters: [
    {
      id: 'main',
      name: HOST,
      deployment: 'self-hosted',
      teleportVersion: 17,
      configVersion: 'v1',
      proxyListenerMode: 'separate',
      tunnelStrategy: 'agent_mesh',
      edition: 'oss',
      notes: 'Migrating to TLS routing: see https://goteleport.com/docs/zero-trust-access/management/operations/tls-routing/',
    },
  ],
  zones: [
    { id: 'office', name: 'Corporate office', kind: 'on-prem', cidrs: ['198.51.100.0/24'] },
    { id: 'dmz', name: 'DMZ', kind: 'dmz', cidrs: ['10.1.1.0/24'] },
    { id: 'control-plane', name: 'Control plane', kind: 'private', cidrs: ['10.1.2.0/24'] },
    { id: 'private', name: 'Servers', kind: 'on-prem', cidrs: ['10.1.10.0/24'] },
  ],
  nodes: [
    { id: 'users', name: 'Engineers', kind: 'client', tools: ['browser', 'tsh', 'kubectl'], zone: 'office', position: at(0, 2) },
    {
      id: 'lb',
      name: 'Proxy load balancer',
      kind: 'load-balancer',
      layer: 'l4',
      mappings: [
        { frontPort: 3080, targetPort: 3080 },
        { frontPort: 3023, targetPort: 3023 },
        { frontPort: 3024, targetPort: 3024 },
        { frontPort: 3026, targetPort: 3026 },
      ],
      idleTimeoutSeconds: 350,
      addresses: [HOST],
      zone: 'dmz',
      position: at(1, 2),
      notes: 'TCP pass-through for every port: 3023 and 3024 are SSH, not HTTP.',
    },
    proxy(1, 1),
    proxy(2, 3),
    { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.1.2.10'], proxyProtocol: 'off', zone: 'control-plane', position: at(3, 2) },
    {
      id: 'ssh-agent',
      name: 'SSH agents',
      kind: 'agent',
      services: ['ssh'],
      joinVia: 'proxy',
      addresses: ['10.1.10.21'],
      zone: 'private',
      position: at(4, 1),
      notes: `v1: auth_servers: [${HOST}:3080]; the agent then opens its reverse tunnel on 3024.`,
    },
    {
      id: 'kube-agent',
      name: 'Kubernetes agent',
      kind: 'agent',
      services: ['kubernetes'],
      joinVia: 'proxy',
      addresses: ['10.1.10.22'],
      zone: 'private',
      position: at(4, 3),
    },
    { id: 'kube-api', name: 'Kubernetes API', kind: 'kube-api', port: 6443, addresses: ['10.1.10.5'], zone: 'private', position: at(5, 3) },
  ],
  links: [
    { id: 'users-lb', source: 'users', target: 'lb' },
    { id: 'lb-proxy-1', source: 'lb', target: 'proxy-1' },
    { id: 'lb-proxy-2', source: 'lb', target: 'proxy-2' },
    { id: 'proxy-1-auth', source: 'proxy-1', target: 'auth' },
    { id: 'proxy-2-auth', source: 'proxy-2', target: 'auth' },
    { id: 'ssh-agent-lb', source: 'ssh-agent', target: 'lb' },
    { id: 'kube-agent-lb', source: 'kube-agent', target: 'lb' },
    { id: 'kube-agent-kube-api', source: 'kube-agent', target: 'kube-api' },
  ],
};

export const legacySeparateV1: Template = {
  id: 'legacy-separate-v1',
  name: 'Legacy separate ports (config v1)',
  description: 'A config v1 cluster in separate listener mode: web 3080, SSH 3023, reverse tunnel 3024 and Kubernetes 3026 behind an L4 load balancer. Start here to plan a migration to TLS routing.',
  plan: () => buildPlan(PLAN),
};
