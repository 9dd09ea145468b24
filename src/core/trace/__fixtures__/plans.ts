/** Plans for trace tests, built with the engine's test builder (schema-validated, defaults applied). */
import { SCENARIOS } from '../../engine/__fixtures__/scenarios.ts';
import { plan } from '../../engine/__fixtures__/build.ts';
import type { NodeInput } from '../../engine/__fixtures__/build.ts';
import type { Hop } from '../types.ts';
import { PlanSchema } from '../../schema/index.ts';
import type { Plan } from '../../schema/index.ts';

/** The engine's reference scenario with this number (1-based, as in issue 3). */
export function scenario(n: number): Plan {
  const s = SCENARIOS.find((x) => x.name.startsWith(`${n}. `));
  if (!s) throw new Error(`no scenario ${n}`);
  return PlanSchema.parse(s.plan); // a fresh copy: zod rebuilds every object
}

/** `from>to:port/proto rule`, with ` (reverse)` for hops over a reverse tunnel. */
export function hopKeys(hops: readonly Hop[]): string[] {
  return hops.map((h) => `${h.from}>${h.to}:${h.port}/${h.protocol} ${h.rule ?? '-'}${h.reverse ? ' (reverse)' : ''}`);
}

const users: NodeInput = { id: 'users', name: 'Engineers', kind: 'client', tools: ['tsh', 'kubectl', 'database'], zone: 'internet' };
const auth: NodeInput = { id: 'auth', name: 'Auth', kind: 'auth', addresses: ['10.0.2.10'], zone: 'cp' };
const proxy: NodeInput = { id: 'proxy', name: 'Proxy', kind: 'proxy', webListenAddr: '0.0.0.0:443', publicAddr: ['teleport.example.com:443'], addresses: ['10.0.1.11'], zone: 'dmz' };

/** Agents behind an HTTP CONNECT forward proxy that is their only way to the Proxy (multiplex, 443). */
export function httpConnectPlan(): Plan {
  return plan(
    [{ id: 'main', name: 'teleport.example.com' }],
    [
      users, auth, proxy,
      { id: 'fwd', name: 'Squid', kind: 'http-proxy', port: 3128, addresses: ['squid.corp.example.com'], zone: 'private' },
      { id: 'ssh-agent', name: 'SSH agent', kind: 'agent', services: ['ssh'], env: { httpsProxy: 'http://squid.corp.example.com:3128' }, addresses: ['10.0.10.21'], zone: 'private' },
    ],
    [['users', 'proxy'], ['proxy', 'auth'], ['ssh-agent', 'fwd'], ['fwd', 'proxy']],
  );
}

/** A Teleport Cloud cluster: users and a Database agent reach the tenant on 443. */
export function cloudPlan(): Plan {
  return plan(
    [{ id: 'cloud', name: 'example.teleport.sh', deployment: 'cloud', cloudTenant: 'example.teleport.sh:443' }],
    [
      { ...users, id: 'users' },
      { id: 'db-agent', name: 'DB agent', kind: 'agent', services: ['database'], zone: 'private' },
      { id: 'postgres', name: 'Postgres', kind: 'database', engine: 'postgres', port: 5432, zone: 'private' },
    ],
    [['db-agent', 'postgres']],
  );
}

/** Proxy peering on Enterprise: users enter through Proxy 1, the agent's only tunnel goes to Proxy 2. */
export function peeringPlan(): Plan {
  return plan(
    [{ id: 'main', name: 'teleport.example.com', tunnelStrategy: 'proxy_peering', edition: 'enterprise' }],
    [
      users, auth,
      { ...proxy, id: 'proxy-1', name: 'Proxy 1' } as NodeInput,
      { ...proxy, id: 'proxy-2', name: 'Proxy 2', addresses: ['10.0.1.12'] } as NodeInput,
      { id: 'ssh-agent', name: 'SSH agent', kind: 'agent', services: ['ssh'], addresses: ['10.0.10.21'], zone: 'private' },
    ],
    [['users', 'proxy-1'], ['proxy-1', 'auth'], ['proxy-2', 'auth'], ['ssh-agent', 'proxy-2']],
  );
}
