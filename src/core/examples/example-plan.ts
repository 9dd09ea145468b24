/**
 * The plan a new user sees first: a realistic self-hosted cluster. Auth in a control-plane subnet,
 * two Proxies behind an L4 load balancer in a DMZ (443 → 3080), agents in a private subnet, a tbot
 * in CI, and users on the internet. Positions are absolute canvas coordinates.
 */
import { PlanSchema } from '../schema/index.ts';
import type { Plan } from '../schema/index.ts';
import type * as z from 'zod/mini';

const EXAMPLE: z.input<typeof PlanSchema> = {
  type: 'portolan-plan',
  version: 1,
  name: 'Example: self-hosted HA cluster',
  description: 'Two Proxies behind an L4 load balancer, Auth in its own subnet, agents in a private subnet.',
  clusters: [
    {
      id: 'main',
      name: 'teleport.example.com',
      deployment: 'self-hosted',
      teleportVersion: 18,
      configVersion: 'v3',
      proxyListenerMode: 'multiplex',
      tunnelStrategy: 'agent_mesh',
      edition: 'oss',
    },
  ],
  zones: [
    { id: 'internet', name: 'Internet', kind: 'internet', cidrs: ['0.0.0.0/0'], position: { x: 0, y: 40 }, size: { width: 264, height: 400 } },
    { id: 'dmz', name: 'DMZ', kind: 'dmz', cidrs: ['10.0.1.0/24'], position: { x: 404, y: 40 }, size: { width: 668, height: 360 } },
    { id: 'control-plane', name: 'Control plane', kind: 'private', cidrs: ['10.0.2.0/24'], position: { x: 1212, y: 140 }, size: { width: 264, height: 180 } },
    { id: 'private', name: 'Private services', kind: 'private', cidrs: ['10.0.10.0/24'], position: { x: 404, y: 460 }, size: { width: 1108, height: 360 } },
    { id: 'ci', name: 'CI runners', kind: 'cloud', cidrs: ['10.20.0.0/16'], position: { x: 0, y: 560 }, size: { width: 264, height: 200 } },
  ],
  nodes: [
    { id: 'users', name: 'Engineers', kind: 'client', tools: ['browser', 'tsh', 'kubectl', 'database'], zone: 'internet', position: { x: 30, y: 200 } },
    { id: 'lb', name: 'Proxy LB', kind: 'load-balancer', layer: 'l4', mappings: [{ frontPort: 443, targetPort: 3080 }], idleTimeoutSeconds: 350, addresses: ['teleport.example.com'], zone: 'dmz', position: { x: 484, y: 200 } },
    {
      id: 'proxy-1',
      name: 'Proxy 1',
      kind: 'proxy',
      publicAddr: ['teleport.example.com:443'],
      webListenAddr: '0.0.0.0:3080',
      proxyProtocol: 'off',
      addresses: ['10.0.1.11'],
      zone: 'dmz',
      position: { x: 848, y: 100 },
    },
    {
      id: 'proxy-2',
      name: 'Proxy 2',
      kind: 'proxy',
      publicAddr: ['teleport.example.com:443'],
      webListenAddr: '0.0.0.0:3080',
      proxyProtocol: 'off',
      addresses: ['10.0.1.12'],
      zone: 'dmz',
      position: { x: 848, y: 300 },
    },
    { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], proxyProtocol: 'off', zone: 'control-plane', position: { x: 1252, y: 200 } },
    { id: 'ssh-agent', name: 'SSH agent', kind: 'agent', services: ['ssh'], addresses: ['10.0.10.21'], zone: 'private', position: { x: 484, y: 500 } },
    { id: 'db-agent', name: 'Database agent', kind: 'agent', services: ['database'], addresses: ['10.0.10.22'], zone: 'private', position: { x: 644, y: 600 } },
    { id: 'postgres', name: 'Orders DB', kind: 'database', engine: 'postgres', port: 5432, addresses: ['orders-db.internal.example.com'], zone: 'private', position: { x: 1048, y: 600 } },
    { id: 'kube-agent', name: 'Kubernetes agent', kind: 'agent', services: ['kubernetes'], addresses: ['10.0.10.23'], zone: 'private', position: { x: 844, y: 700 } },
    { id: 'kube-api', name: 'Prod Kubernetes API', kind: 'kube-api', port: 6443, addresses: ['10.0.10.5'], zone: 'private', position: { x: 1248, y: 700 } },
    { id: 'tbot', name: 'CI tbot', kind: 'tbot', joinVia: 'proxy', zone: 'ci', position: { x: 40, y: 620 } },
  ],
  links: [
    { id: 'users-lb', source: 'users', target: 'lb' },
    { id: 'lb-proxy-1', source: 'lb', target: 'proxy-1' },
    { id: 'lb-proxy-2', source: 'lb', target: 'proxy-2' },
    { id: 'proxy-1-auth', source: 'proxy-1', target: 'auth' },
    { id: 'proxy-2-auth', source: 'proxy-2', target: 'auth' },
    { id: 'ssh-agent-lb', source: 'ssh-agent', target: 'lb' },
    { id: 'db-agent-lb', source: 'db-agent', target: 'lb' },
    { id: 'db-agent-postgres', source: 'db-agent', target: 'postgres' },
    { id: 'kube-agent-lb', source: 'kube-agent', target: 'lb' },
    { id: 'kube-agent-kube-api', source: 'kube-agent', target: 'kube-api' },
    { id: 'tbot-lb', source: 'tbot', target: 'lb' },
  ],
};

/** A fresh copy of the example plan (validated: throws only if the example itself is broken). */
export function examplePlan(): Plan {
  return PlanSchema.parse(JSON.parse(JSON.stringify(EXAMPLE)));
}
