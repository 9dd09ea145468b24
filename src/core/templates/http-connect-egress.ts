/**
 * Agents in a corporate network whose only way out is an HTTP CONNECT forward proxy. Teleport's
 * reverse tunnels honour HTTPS_PROXY (it wins over HTTP_PROXY for tunnels); NO_PROXY keeps internal
 * destinations (the corporate domain and network) direct, with Go's matching rules: a `.domain` entry
 * matches its subdomains, a CIDR matches IP literals only.
 */
import { buildPlan, INTERNET_ZONE, SELF_HOSTED_CLUSTER } from './build.ts';
import { at } from './layout.ts';
import type { PlanInput } from './layout.ts';
import type { Template } from './types.ts';

const FORWARD_PROXY = 'proxy.corp.example.com';
const EGRESS_ENV = {
  httpsProxy: `http://${FORWARD_PROXY}:3128`,
  noProxy: 'localhost,127.0.0.1,.corp.example.com,10.50.0.0/16',
};

const PLAN: PlanInput = {
  type: 'portolan-plan',
  version: 1,
  name: 'Corporate egress through an HTTP CONNECT proxy',
  description: `Agents in the corporate network reach the Teleport Proxy only through ${FORWARD_PROXY}:3128; NO_PROXY exempts internal destinations.`,
  clusters: [SELF_HOSTED_CLUSTER],
  zones: [
    INTERNET_ZONE,
    { id: 'dmz', name: 'Teleport (public subnet)', kind: 'dmz', cidrs: ['10.0.1.0/24'] },
    { id: 'control-plane', name: 'Control plane', kind: 'private', cidrs: ['10.0.2.0/24'] },
    { id: 'corp-edge', name: 'Corporate egress', kind: 'dmz', cidrs: ['10.50.0.0/24'] },
    { id: 'corp', name: 'Corporate network', kind: 'on-prem', cidrs: ['10.50.10.0/24'] },
  ],
  nodes: [
    { id: 'users', name: 'Users', kind: 'client', tools: ['browser', 'tsh'], zone: 'internet', position: at(0, 2) },
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
    {
      id: 'proxy',
      name: 'Proxy',
      kind: 'proxy',
      publicAddr: ['teleport.example.com:443'],
      webListenAddr: '0.0.0.0:3080',
      proxyProtocol: 'off',
      addresses: ['10.0.1.11'],
      zone: 'dmz',
      position: at(2, 2),
    },
    { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], proxyProtocol: 'off', zone: 'control-plane', position: at(3, 2) },
    {
      id: 'forward-proxy',
      name: 'Forward proxy (Squid)',
      kind: 'http-proxy',
      port: 3128,
      addresses: [FORWARD_PROXY, '10.50.0.5'],
      zone: 'corp-edge',
      position: at(4, 2),
      notes: 'Must allow CONNECT to teleport.example.com:443 and keep idle tunnels open for more than 5 minutes.',
    },
    {
      id: 'ssh-agent',
      name: 'SSH agents',
      kind: 'agent',
      services: ['ssh'],
      env: EGRESS_ENV,
      addresses: ['10.50.10.21'],
      zone: 'corp',
      position: at(5, 1),
    },
    {
      id: 'db-agent',
      name: 'Database agent',
      kind: 'agent',
      services: ['database'],
      env: EGRESS_ENV,
      addresses: ['10.50.10.22'],
      zone: 'corp',
      position: at(5, 3),
    },
    { id: 'postgres', name: 'HR DB (Postgres)', kind: 'database', engine: 'postgres', port: 5432, addresses: ['hr-db.corp.example.com'], zone: 'corp', position: at(6, 3) },
  ],
  links: [
    { id: 'users-lb', source: 'users', target: 'lb' },
    { id: 'lb-proxy', source: 'lb', target: 'proxy' },
    { id: 'proxy-auth', source: 'proxy', target: 'auth' },
    { id: 'ssh-agent-forward-proxy', source: 'ssh-agent', target: 'forward-proxy' },
    { id: 'db-agent-forward-proxy', source: 'db-agent', target: 'forward-proxy' },
    { id: 'forward-proxy-lb', source: 'forward-proxy', target: 'lb' },
    { id: 'db-agent-postgres', source: 'db-agent', target: 'postgres' },
  ],
};

export const httpConnectEgress: Template = {
  id: 'http-connect-egress',
  name: 'Corporate egress through an HTTP CONNECT proxy',
  description: 'Agents whose only way to the internet is a corporate forward proxy: HTTPS_PROXY carries the reverse tunnels to the Proxy on 443, NO_PROXY keeps internal destinations direct.',
  plan: () => buildPlan(PLAN),
};
