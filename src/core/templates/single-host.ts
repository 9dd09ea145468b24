/**
 * Single-host demo: what `teleport configure --acme` writes. Auth, Proxy and the SSH Service run in
 * one `teleport` process on one public host; the Proxy serves 443 itself and gets its certificate
 * from Let's Encrypt (ACME TLS-ALPN-01, so 443 must be reachable from the internet).
 */
import { buildPlan, INTERNET_ZONE, SELF_HOSTED_CLUSTER } from './build.ts';
import { at } from './layout.ts';
import type { PlanInput } from './layout.ts';
import type { Template } from './types.ts';

const HOST = '203.0.113.10';

const PLAN: PlanInput = {
  type: 'portolan-plan',
  version: 1,
  name: 'Single-host demo',
  description: 'Auth, Proxy and SSH Service in one teleport process on one host; the Proxy listens on 443 with ACME.',
  clusters: [SELF_HOSTED_CLUSTER],
  zones: [
    INTERNET_ZONE,
    { id: 'host', name: 'teleport.example.com (one VM)', kind: 'cloud', cidrs: [`${HOST}/32`], notes: 'One VM with a public IP; every Teleport service runs in the same process.' },
  ],
  nodes: [
    { id: 'users', name: 'Users', kind: 'client', tools: ['browser', 'tsh'], zone: 'internet', position: at(0, 1) },
    {
      id: 'proxy',
      name: 'Proxy',
      kind: 'proxy',
      publicAddr: ['teleport.example.com:443'],
      webListenAddr: '0.0.0.0:443',
      acme: true,
      proxyProtocol: 'off',
      addresses: [HOST],
      zone: 'host',
      position: at(1, 1),
      notes: 'proxy_service with acme.enabled: yes; Let\'s Encrypt validates over 443 (TLS-ALPN-01).',
    },
    { id: 'auth', name: 'Auth', kind: 'auth', addresses: [HOST], proxyProtocol: 'off', zone: 'host', position: at(2, 0) },
    {
      id: 'ssh',
      name: 'SSH agent (same process)',
      kind: 'agent',
      services: ['ssh'],
      joinVia: 'auth',
      sshListenAddr: '0.0.0.0:3022',
      addresses: [HOST],
      zone: 'host',
      position: at(2, 2),
      notes: 'ssh_service in the same process as Auth: it uses the local Auth directly and listens on 3022 for the Proxy.',
    },
  ],
  links: [
    { id: 'users-proxy', source: 'users', target: 'proxy' },
    { id: 'proxy-auth', source: 'proxy', target: 'auth' },
    { id: 'ssh-auth', source: 'ssh', target: 'auth' },
  ],
};

export const singleHost: Template = {
  id: 'single-host',
  name: 'Single-host demo',
  description: 'Auth, Proxy and SSH on one host, as `teleport configure --acme` sets it up: the Proxy on 443 with a Let\'s Encrypt certificate, users on the internet.',
  plan: () => buildPlan(PLAN),
};
