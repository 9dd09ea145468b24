/**
 * A remote site served through the Relay Service (Teleport 18.3+): SSH agents at the site keep their
 * Proxy tunnel and also tunnel to two relays behind a site load balancer; engineers at the site reach
 * the SSH hosts through the relays (tsh --relay) instead of crossing to the central Proxy. Prometheus
 * in the control plane scrapes the Auth and Proxy metrics services.
 */
import { buildPlan, INTERNET_ZONE, SELF_HOSTED_CLUSTER } from './build.ts';
import { at } from './layout.ts';
import type { PlanInput } from './layout.ts';
import type { Template } from './types.ts';

const relay = (n: number, row: number) => ({
  id: `relay-${n}`,
  name: `Relay ${n}`,
  kind: 'relay' as const,
  relayGroup: 'site-a',
  targetConnectionCount: 2,
  publicHostnames: ['relay.site-a.example.com'],
  addresses: [`10.50.0.1${n}`],
  zone: 'site',
  position: at(2, row),
});

const PLAN: PlanInput = {
  type: 'portolan-plan',
  version: 1,
  name: 'Remote site with the Relay Service',
  description: 'SSH agents at a remote site tunnel to two relays behind a site load balancer; engineers at the site connect through the relays. Prometheus scrapes Auth and the Proxy.',
  clusters: [SELF_HOSTED_CLUSTER],
  zones: [
    INTERNET_ZONE,
    { id: 'dmz', name: 'Public subnets', kind: 'dmz', cidrs: ['10.0.1.0/24'] },
    { id: 'control-plane', name: 'Control plane', kind: 'private', cidrs: ['10.0.2.0/24'] },
    { id: 'site', name: 'Remote site A', kind: 'on-prem', cidrs: ['10.50.0.0/16'] },
  ],
  nodes: [
    { id: 'users', name: 'Engineers', kind: 'client', tools: ['browser', 'tsh'], zone: 'internet', position: at(0, 2) },
    { id: 'proxy-lb', name: 'Proxy NLB', kind: 'load-balancer', mappings: [{ frontPort: 443, targetPort: 3080 }], idleTimeoutSeconds: 350, addresses: ['teleport.example.com'], zone: 'dmz', position: at(1, 2) },
    { id: 'proxy', name: 'Proxy', kind: 'proxy', publicAddr: ['teleport.example.com:443'], proxyProtocol: 'off', addresses: ['10.0.1.11'], zone: 'dmz', position: at(2, 2), metricsListenAddr: '0.0.0.0:3081' },
    { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], proxyProtocol: 'off', zone: 'control-plane', position: at(3, 2), metricsListenAddr: '0.0.0.0:3081' },
    { id: 'prometheus', name: 'Prometheus', kind: 'client', tools: ['monitoring'], addresses: ['10.0.2.50'], zone: 'control-plane', position: at(3, 4) },
    { id: 'site-users', name: 'Site engineers', kind: 'client', tools: ['tsh'], zone: 'site', position: at(0, 7), notes: 'tsh login through the Proxy, then SSH through the relays: tsh --relay=relay.site-a.example.com (or TELEPORT_RELAY).' },
    {
      id: 'relay-lb',
      name: 'Relay LB',
      kind: 'load-balancer',
      mappings: [{ frontPort: 443, targetPort: 3040 }, { frontPort: 3042, targetPort: 3042 }],
      idleTimeoutSeconds: 350,
      addresses: ['relay.site-a.example.com'],
      zone: 'site',
      position: at(1, 7),
      notes: 'TCP pass-through: relay transport (443 → 3040) and tunnels (3042) are mTLS end to end.',
    },
    relay(1, 6),
    relay(2, 8),
    { id: 'ssh-agents', name: 'Site SSH agents', kind: 'agent', services: ['ssh'], relayServer: 'relay.site-a.example.com:3042', addresses: ['10.50.1.21'], zone: 'site', position: at(3, 7) },
  ],
  links: [
    { id: 'users-proxy-lb', source: 'users', target: 'proxy-lb' },
    { id: 'proxy-lb-proxy', source: 'proxy-lb', target: 'proxy' },
    { id: 'proxy-auth', source: 'proxy', target: 'auth' },
    { id: 'prometheus-auth', source: 'prometheus', target: 'auth' },
    { id: 'prometheus-proxy', source: 'prometheus', target: 'proxy' },
    { id: 'relay-1-proxy-lb', source: 'relay-1', target: 'proxy-lb' },
    { id: 'relay-2-proxy-lb', source: 'relay-2', target: 'proxy-lb' },
    { id: 'relay-lb-relay-1', source: 'relay-lb', target: 'relay-1' },
    { id: 'relay-lb-relay-2', source: 'relay-lb', target: 'relay-2' },
    { id: 'ssh-agents-proxy-lb', source: 'ssh-agents', target: 'proxy-lb' },
    { id: 'ssh-agents-relay-lb', source: 'ssh-agents', target: 'relay-lb' },
    { id: 'site-users-relay-lb', source: 'site-users', target: 'relay-lb' },
    { id: 'site-users-proxy-lb', source: 'site-users', target: 'proxy-lb' },
  ],
};

export const relaySite: Template = {
  id: 'relay-site',
  name: 'Remote site with the Relay Service',
  description: 'SSH agents at a remote site tunnel to two relays behind a site load balancer (Teleport 18.3+), engineers there connect through the relays, and Prometheus scrapes the metrics services.',
  plan: () => buildPlan(PLAN),
};
