/**
 * The seven scenarios of issue 3, each with the exact rule set it must produce
 * (`source>destination:port/proto`). Used by `scenarios.test.ts`.
 */
import type { Plan } from '../../schema/index.ts';
import { plan } from './build.ts';
import type { ClusterInput, NodeInput } from './build.ts';

/** A scenario: a plan and the exact rules it must yield. */
export interface Scenario {
  name: string;
  plan: Plan;
  rules: string[];
}

const selfHosted = (over: Partial<ClusterInput> = {}): ClusterInput => ({ id: 'main', name: 'teleport.example.com', ...over });
const users: NodeInput = { id: 'users', name: 'Users', kind: 'client', tools: ['tsh'], zone: 'internet' };
const auth: NodeInput = { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], zone: 'cp' };
const sshAgent = (over: Record<string, unknown> = {}): NodeInput => ({ id: 'ssh-agent', name: 'SSH agent', kind: 'agent', services: ['ssh'], addresses: ['10.0.10.21'], zone: 'private', ...over }) as NodeInput;

/** 1. Multiplex, web on 443. */
const multiplex443: Scenario = {
  name: '1. self-hosted multiplex, Proxy web on 443',
  plan: plan(
    [selfHosted()],
    [users, auth, sshAgent(), { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], addresses: ['10.0.1.11'], zone: 'dmz' }],
    [['users', 'proxy'], ['proxy', 'auth'], ['ssh-agent', 'proxy']],
  ),
  rules: ['proxy>auth:3025/tcp', 'ssh-agent>proxy:443/tcp', 'users>proxy:443/tcp'],
};

/** 2. Config v1, separate, web on 3080. */
const separateV1: Scenario = {
  name: '2. config v1, separate mode, web on 3080',
  plan: plan(
    [selfHosted({ configVersion: 'v1', proxyListenerMode: 'separate' })],
    [users, auth, sshAgent(), { id: 'proxy', name: 'Proxy', kind: 'proxy', publicAddr: ['teleport.example.com:3080'], addresses: ['10.0.1.11'], zone: 'dmz' }],
    [['users', 'proxy'], ['auth', 'proxy'], ['proxy', 'ssh-agent']],
  ),
  rules: ['proxy>auth:3025/tcp', 'ssh-agent>proxy:3024/tcp', 'ssh-agent>proxy:3080/tcp', 'users>proxy:3023/tcp', 'users>proxy:3080/tcp'],
};

/** 3. SSH agent joined directly to Auth. */
const directAuth: Scenario = {
  name: '3. SSH agent joined directly to Auth',
  plan: plan(
    [selfHosted()],
    [users, auth, sshAgent({ joinVia: 'auth' }), { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], addresses: ['10.0.1.11'], zone: 'dmz' }],
    [['users', 'proxy'], ['proxy', 'auth'], ['ssh-agent', 'auth']],
  ),
  rules: ['proxy>auth:3025/tcp', 'proxy>ssh-agent:3022/tcp', 'ssh-agent>auth:3025/tcp', 'users>proxy:443/tcp'],
};

/** 4. HTTP CONNECT proxy with NO_PROXY for the tunnel port only. */
const httpConnect: Scenario = {
  name: '4. agent behind an HTTP CONNECT proxy, NO_PROXY exempts 3024',
  plan: plan(
    [selfHosted({ configVersion: 'v1', proxyListenerMode: 'separate' })],
    [
      auth,
      { id: 'proxy', name: 'Proxy', kind: 'proxy', publicAddr: ['teleportproxy.example.com:3080'], addresses: ['10.0.1.11'], zone: 'dmz' },
      { id: 'fwd', name: 'Corporate proxy', kind: 'http-proxy', port: 8080, addresses: ['httpproxy.example.com'], zone: 'private' },
      sshAgent({ env: { httpsProxy: 'http://httpproxy.example.com:8080', noProxy: 'teleportproxy.example.com:3024' } }),
    ],
    [['proxy', 'auth'], ['ssh-agent', 'proxy'], ['ssh-agent', 'fwd'], ['fwd', 'proxy']],
  ),
  rules: ['fwd>proxy:3080/tcp', 'proxy>auth:3025/tcp', 'ssh-agent>fwd:8080/tcp', 'ssh-agent>proxy:3024/tcp'],
};

const peeringNodes = (): NodeInput[] => [
  auth,
  ...[1, 2, 3].map((i): NodeInput => ({ id: `proxy-${i}`, name: `Proxy ${i}`, kind: 'proxy', publicAddr: ['teleport.example.com:443'], addresses: [`10.0.1.1${i}`], zone: 'dmz' })),
];
const peeringLinks: [string, string][] = [['proxy-1', 'auth'], ['proxy-2', 'auth'], ['proxy-3', 'auth']];

/** 5a. Proxy peering on Enterprise. */
const peeringEnterprise: Scenario = {
  name: '5a. three Proxies with proxy peering on Enterprise',
  plan: plan([selfHosted({ tunnelStrategy: 'proxy_peering', edition: 'enterprise' })], peeringNodes(), peeringLinks),
  rules: [
    'proxy-1>auth:3025/tcp', 'proxy-1>proxy-2:3021/tcp', 'proxy-1>proxy-3:3021/tcp',
    'proxy-2>auth:3025/tcp', 'proxy-2>proxy-1:3021/tcp', 'proxy-2>proxy-3:3021/tcp',
    'proxy-3>auth:3025/tcp', 'proxy-3>proxy-1:3021/tcp', 'proxy-3>proxy-2:3021/tcp',
  ],
};

/** 5b. Proxy peering on OSS: no peering rules (and an L-R1 error). */
const peeringOss: Scenario = {
  name: '5b. three Proxies with proxy peering on OSS',
  plan: plan([selfHosted({ tunnelStrategy: 'proxy_peering', edition: 'oss' })], peeringNodes(), peeringLinks),
  rules: ['proxy-1>auth:3025/tcp', 'proxy-2>auth:3025/tcp', 'proxy-3>auth:3025/tcp'],
};

/** 6. Teleport Cloud with a Database agent and a Desktop agent. */
const cloud: Scenario = {
  name: '6. Teleport Cloud tenant, Database and Desktop agents',
  plan: plan(
    [{ id: 'cloud', name: 'example.teleport.sh', deployment: 'cloud', cloudTenant: 'example.teleport.sh:443' }],
    [
      { id: 'db-agent', name: 'DB agent', kind: 'agent', services: ['database'], zone: 'private' },
      { id: 'postgres', name: 'Postgres', kind: 'database', engine: 'postgres', port: 5432, zone: 'private' },
      { id: 'desktop-agent', name: 'Desktop agent', kind: 'agent', services: ['desktop'], desktopUsesAd: true, zone: 'private' },
      { id: 'windows', name: 'Windows', kind: 'windows-host', zone: 'private' },
      { id: 'dc', name: 'DC', kind: 'domain-controller', zone: 'private' },
    ],
    [['db-agent', 'postgres'], ['desktop-agent', 'windows'], ['dc', 'desktop-agent']],
  ),
  rules: [
    'db-agent>cloud-tenant:cloud:443/tcp', 'db-agent>postgres:5432/tcp',
    'desktop-agent>cloud-tenant:cloud:443/tcp', 'desktop-agent>dc:636/tcp', 'desktop-agent>dc:88/tcp', 'desktop-agent>windows:3389/tcp',
  ],
};

/** 7. A leaf cluster trusting a multiplex root. */
const trusted: Scenario = {
  name: '7. leaf cluster trusting a multiplex root',
  plan: plan(
    [{ id: 'root', name: 'root.example.com' }, { id: 'leaf', name: 'leaf.example.com', trustedRoot: 'root' }],
    [
      { id: 'root-auth', name: 'Root Auth', kind: 'auth', cluster: 'root', zone: 'cp' },
      { id: 'root-proxy', name: 'Root Proxy', kind: 'proxy', cluster: 'root', webListenAddr: '0.0.0.0:443', publicAddr: ['root.example.com:443'], zone: 'dmz' },
      { id: 'leaf-auth', name: 'Leaf Auth', kind: 'auth', cluster: 'leaf', zone: 'private' },
      { id: 'leaf-proxy', name: 'Leaf Proxy', kind: 'proxy', cluster: 'leaf', webListenAddr: '0.0.0.0:443', publicAddr: ['leaf.example.com:443'], zone: 'private' },
    ],
    [['root-proxy', 'root-auth'], ['leaf-proxy', 'leaf-auth'], ['root-proxy', 'leaf-proxy']],
  ),
  rules: ['leaf-auth>root-proxy:443/tcp', 'leaf-proxy>leaf-auth:3025/tcp', 'leaf-proxy>root-proxy:443/tcp', 'root-proxy>root-auth:3025/tcp'],
};

/** All scenarios, in issue order. */
export const SCENARIOS: readonly Scenario[] = [multiplex443, separateV1, directAuth, httpConnect, peeringEnterprise, peeringOss, cloud, trusted];
