import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import { templateById } from '../templates/index.ts';
import type { Plan } from '../schema/index.ts';
import { traceAccess } from './index.ts';
import type { Trace, TraceOptions } from './index.ts';
import { cloudPlan, hopKeys, httpConnectPlan, peeringPlan, scenario } from './__fixtures__/plans.ts';

function trace(plan: Plan, from: string, to: string, options?: TraceOptions): Trace {
  return traceAccess(plan, derive(plan), from, to, options);
}

function template(id: string): Plan {
  const t = templateById(id);
  if (!t) throw new Error(`no template ${id}`);
  return t.plan();
}

describe('traces of the reference scenarios: exact hops, ports and rules', () => {
  it('1. multiplex: one web-port hop in, the agent tunnel on 443 back', () => {
    const t = trace(scenario(1), 'users', 'ssh-agent');
    expect(t).toMatchObject({ ok: true, tool: 'tsh' });
    expect(t.missing).toBeUndefined();
    expect(hopKeys(t.hops)).toEqual([
      'users>proxy:443/tcp users-to-proxy-443-tcp',
      'proxy>ssh-agent:443/tcp ssh-agent-to-proxy-443-tcp (reverse)',
    ]);
  });

  it('2. separate (config v1): tsh needs web 3080 and SSH 3023, the tunnel uses 3024', () => {
    const t = trace(scenario(2), 'users', 'ssh-agent');
    expect(t.ok).toBe(true);
    expect(hopKeys(t.hops)).toEqual([
      'users>proxy:3080/tcp users-to-proxy-3080-tcp',
      'users>proxy:3023/tcp users-to-proxy-3023-tcp',
      'proxy>ssh-agent:3024/tcp ssh-agent-to-proxy-3024-tcp (reverse)',
    ]);
  });

  it('3. direct dial: the Proxy dials the agent joined to Auth on 3022', () => {
    const t = trace(scenario(3), 'users', 'ssh-agent');
    expect(t.ok).toBe(true);
    expect(hopKeys(t.hops)).toEqual(['users>proxy:443/tcp users-to-proxy-443-tcp', 'proxy>ssh-agent:3022/tcp proxy-to-ssh-agent-3022-tcp']);
  });

  it('4. HTTP CONNECT: the tunnel goes agent → forward proxy → Proxy, traced back', () => {
    const t = trace(httpConnectPlan(), 'users', 'ssh-agent');
    expect(t.ok).toBe(true);
    expect(hopKeys(t.hops)).toEqual([
      'users>proxy:443/tcp users-to-proxy-443-tcp',
      'proxy>fwd:443/tcp fwd-to-proxy-443-tcp (reverse)',
      'fwd>ssh-agent:3128/tcp ssh-agent-to-fwd-3128-tcp (reverse)',
    ]);
    // Scenario 4 (NO_PROXY exempts 3024): the tunnel goes direct, only the join uses the forward proxy.
    const s4 = derive(scenario(4));
    expect(s4.rules.map((r) => r.id)).toContain('ssh-agent-to-proxy-3024-tcp');
  });

  it('4c. HTTP CONNECT to the resource: the last leg goes agent → forward proxy → resource', () => {
    const p = httpConnectPlan();
    p.nodes = p.nodes.map((n) => (n.kind === 'agent' ? { ...n, services: ['app' as const] } : n.kind === 'client' ? { ...n, tools: [...n.tools, 'browser' as const] } : n));
    p.nodes.push({ id: 'wiki', name: 'Wiki', kind: 'app', uri: 'https://wiki.corp.example.com', addresses: ['10.0.10.40'], zone: 'private', position: { x: 0, y: 0 } } as Plan['nodes'][number]);
    p.links.push({ id: 'ssh-agent--wiki', source: 'ssh-agent', target: 'wiki' });
    const t = trace(p, 'users', 'wiki');
    expect(t.ok).toBe(true);
    expect(hopKeys(t.hops).slice(-2)).toEqual(['ssh-agent>fwd:3128/tcp ssh-agent-to-fwd-3128-tcp', 'fwd>wiki:443/tcp fwd-to-wiki-443-tcp']);
  });

  it('4b. HTTP CONNECT template: client → LB → Proxy, then back through the LB and the forward proxy', () => {
    const t = trace(template('http-connect-egress'), 'users', 'ssh-agent');
    expect(hopKeys(t.hops)).toEqual([
      'users>lb:443/tcp users-to-lb-443-tcp',
      'lb>proxy:3080/tcp lb-to-proxy-3080-tcp',
      'proxy>lb:3080/tcp lb-to-proxy-3080-tcp (reverse)',
      'lb>forward-proxy:443/tcp forward-proxy-to-lb-443-tcp (reverse)',
      'forward-proxy>ssh-agent:3128/tcp ssh-agent-to-forward-proxy-3128-tcp (reverse)',
    ]);
  });

  it('5. proxy peering: the entry Proxy forwards to the Proxy that holds the tunnel on 3021', () => {
    const t = trace(peeringPlan(), 'users', 'ssh-agent');
    expect(hopKeys(t.hops)).toEqual([
      'users>proxy-1:443/tcp users-to-proxy-1-443-tcp',
      'proxy-1>proxy-2:3021/tcp proxy-1-to-proxy-2-3021-tcp',
      'proxy-2>ssh-agent:443/tcp ssh-agent-to-proxy-2-443-tcp (reverse)',
    ]);
  });

  it('5. proxy peering over QUIC: the same path, on UDP 3021', () => {
    const plan = peeringPlan();
    plan.nodes = plan.nodes.map((n) => (n.kind === 'proxy' ? { ...n, quicPeering: true } : n));
    const t = trace(plan, 'users', 'ssh-agent');
    expect(t.ok).toBe(true);
    expect(hopKeys(t.hops)).toEqual([
      'users>proxy-1:443/tcp users-to-proxy-1-443-tcp',
      'proxy-1>proxy-2:3021/udp proxy-1-to-proxy-2-3021-udp',
      'proxy-2>ssh-agent:443/tcp ssh-agent-to-proxy-2-443-tcp (reverse)',
    ]);
  });

  it('6. Teleport Cloud: the tenant stands in for the Proxy', () => {
    const t = trace(cloudPlan(), 'users', 'postgres');
    expect(t).toMatchObject({ ok: true, tool: 'database' });
    expect(hopKeys(t.hops)).toEqual([
      'users>cloud-tenant:cloud:443/tcp users-to-cloud-tenant:cloud-443-tcp',
      'cloud-tenant:cloud>db-agent:443/tcp db-agent-to-cloud-tenant:cloud-443-tcp (reverse)',
      'db-agent>postgres:5432/tcp db-agent-to-postgres-5432-tcp',
    ]);
  });

  it('7. trusted clusters: root Proxy → leaf Proxy over the tunnel the leaf opened', () => {
    const t = trace(template('trusted-clusters'), 'users', 'leaf-ssh');
    expect(t.ok).toBe(true);
    expect(hopKeys(t.hops)).toEqual([
      'users>root-lb:443/tcp users-to-root-lb-443-tcp',
      'root-lb>root-proxy:3080/tcp root-lb-to-root-proxy-3080-tcp',
      'root-proxy>root-lb:3080/tcp root-lb-to-root-proxy-3080-tcp (reverse)',
      'root-lb>leaf-proxy:443/tcp leaf-proxy-to-root-lb-443-tcp (reverse)',
      'leaf-proxy>leaf-ssh:443/tcp leaf-ssh-to-leaf-proxy-443-tcp (reverse)',
    ]);
  });
});

describe('traces by client tool on the example plan', () => {
  const plan = examplePlan();
  const result = derive(plan);

  it.each([
    ['ssh-agent', 'tsh', 'ssh-agent-to-lb-443-tcp', undefined],
    ['kube-api', 'kubectl', 'kube-agent-to-lb-443-tcp', 'kube-agent-to-kube-api-6443-tcp'],
    ['postgres', 'database', 'db-agent-to-lb-443-tcp', 'db-agent-to-postgres-5432-tcp'],
  ])('Engineers → %s infers %s and ends with the agent tunnel and the resource hop', (to, tool, tunnelRule, resourceRule) => {
    const t = traceAccess(plan, result, 'users', to);
    expect(t).toMatchObject({ ok: true, tool, from: 'users', to });
    const keys = hopKeys(t.hops);
    expect(keys.slice(0, 3)).toEqual(['users>lb:443/tcp users-to-lb-443-tcp', 'lb>proxy-1:3080/tcp lb-to-proxy-1-3080-tcp', 'proxy-1>lb:3080/tcp lb-to-proxy-1-3080-tcp (reverse)']);
    expect(keys[3]).toMatch(new RegExp(`^lb>[a-z-]+:443/tcp ${tunnelRule} \\(reverse\\)$`));
    expect(keys.length).toBe(resourceRule === undefined ? 4 : 5);
    if (resourceRule !== undefined) expect(keys[4]).toContain(resourceRule);
    expect(t.hops.every((h) => h.rule !== undefined && result.rules.some((r) => r.id === h.rule))).toBe(true);
  });

  it('tbot → Proxy, by the Proxy or by its load balancer', () => {
    expect(hopKeys(traceAccess(plan, result, 'tbot', 'proxy-2').hops)).toEqual(['tbot>lb:443/tcp tbot-to-lb-443-tcp', 'lb>proxy-2:3080/tcp lb-to-proxy-2-3080-tcp']);
    expect(traceAccess(plan, result, 'tbot', 'lb')).toMatchObject({ ok: true, tool: 'tbot' });
  });

  it('says which way the traffic and the rule go on a reverse-tunnel hop', () => {
    const hop = traceAccess(plan, result, 'users', 'ssh-agent').hops[3];
    expect(hop).toMatchObject({ from: 'lb', to: 'ssh-agent', reverse: true, rule: 'ssh-agent-to-lb-443-tcp' });
    expect(hop?.description).toMatch(/^reverse tunnel, traffic Proxy LB → SSH agent; SSH agent opened it to Proxy LB on 443\/tcp, so the rule goes SSH agent → Proxy LB\./);
  });

  it('windows host and app: rdp and browser, through the Desktop and App agents (template)', () => {
    const p = template('kubernetes-db-desktop');
    const t = trace(p, 'users', 'windows');
    expect(t).toMatchObject({ ok: true, tool: 'rdp' });
    expect(hopKeys(t.hops).at(-1)).toBe('desktop-agent>windows:3389/tcp desktop-agent-to-windows-3389-tcp');
  });

  it('takes an explicit tool, and the dedicated listeners of separate mode', () => {
    const p = template('legacy-separate-v1');
    expect(hopKeys(trace(p, 'users', 'kube-api').hops)[0]).toBe('users>lb:3026/tcp users-to-lb-3026-tcp');
    const viaTsh = trace(p, 'users', 'kube-api', { tool: 'tsh' });
    expect(viaTsh).toMatchObject({ ok: true, tool: 'tsh' });
    expect(hopKeys(viaTsh.hops)[0]).toBe('users>lb:3080/tcp users-to-lb-3080-tcp');
  });
});

describe('what is missing', () => {
  it('no link from the client', () => {
    const p = examplePlan();
    p.links = p.links.filter((l) => l.id !== 'users-lb');
    const t = trace(p, 'users', 'ssh-agent');
    expect(t).toMatchObject({ ok: false, hops: [], missing: { message: 'no link from the client Engineers to a Proxy or load balancer', nodes: ['users'] } });
  });

  it('the agent has no path to the Proxy (the partial path is kept)', () => {
    const p = examplePlan();
    p.links = p.links.filter((l) => l.id !== 'ssh-agent-lb');
    const t = trace(p, 'users', 'ssh-agent');
    expect(t.ok).toBe(false);
    expect(t.missing?.message).toBe('SSH agent has no path to the Proxy: link it to the Proxy or its load balancer');
    expect(t.missing?.nodes).toEqual(['ssh-agent']);
    expect(hopKeys(t.hops)).toEqual(['users>lb:443/tcp users-to-lb-443-tcp', 'lb>proxy-1:3080/tcp lb-to-proxy-1-3080-tcp']);
  });

  it('the agent tunnels to another Proxy than the users reach', () => {
    const p = peeringPlan();
    p.clusters[0]!.tunnelStrategy = 'agent_mesh';
    const t = trace(p, 'users', 'ssh-agent');
    expect(t.missing?.message).toBe('SSH agent has no path to Proxy 1, which Engineers reaches (its reverse tunnel ends at Proxy 2)');
  });

  it('a separate-mode listener the load balancer does not forward', () => {
    const p = template('legacy-separate-v1');
    const lb = p.nodes.find((n) => n.id === 'lb');
    if (lb?.kind !== 'load-balancer') throw new Error('no lb');
    lb.mappings = lb.mappings.filter((m) => m.frontPort !== 3023);
    const t = trace(p, 'users', 'ssh-agent');
    expect(t.ok).toBe(false);
    expect(t.missing?.message).toMatch(/^Engineers has no tsh ssh connection \(C3\) to Proxy 1, which separate mode needs/);
  });

  it('a load balancer that forwards to no Proxy', () => {
    const p = examplePlan();
    p.links = p.links.filter((l) => l.id !== 'lb-proxy-1' && l.id !== 'lb-proxy-2');
    const t = trace(p, 'tbot', 'lb');
    expect(t.missing).toMatchObject({ nodes: ['lb', 'tbot'], links: ['tbot-lb'], setting: 'nodes[lb].mappings' });
    expect(t.missing?.message).toMatch(/^the load balancer Proxy LB forwards nothing CI tbot needs to a Proxy/);
    expect(t.hops).toEqual([]);
  });

  it('a resource no agent serves, a tool the client lacks, a target that is none', () => {
    const p = examplePlan();
    p.links = p.links.filter((l) => l.id !== 'db-agent-postgres');
    expect(trace(p, 'users', 'postgres').missing?.message).toBe('no agent serves Orders DB: link an agent running the Database Service to it');
    const noRdp = trace(examplePlan(), 'users', 'ssh-agent', { tool: 'rdp' });
    expect(noRdp.missing).toMatchObject({ setting: 'nodes[ssh-agent].services' });
    const t = trace(template('http-connect-egress'), 'users', 'postgres');
    expect(t.missing).toMatchObject({ message: 'the client Users does not use database client: add it to its tools', setting: 'nodes[users].tools' });
    expect(trace(examplePlan(), 'users', 'auth').missing?.message).toMatch(/^Auth is not an access target/);
    expect(trace(examplePlan(), 'auth', 'ssh-agent').missing?.message).toMatch(/^Auth is not a client or a tbot/);
  });

  it('traces the SSH leg through a Relay Service: transport via the relay LB, the agent\'s relay tunnel backwards', () => {
    const p = template('relay-site');
    const t = trace(p, 'site-users', 'ssh-agents', { via: 'relay' });
    expect(t.ok).toBe(true);
    expect(hopKeys(t.hops)).toEqual([
      'site-users>relay-lb:443/tcp site-users-to-relay-lb-443-tcp',
      'relay-lb>relay-1:3040/tcp relay-lb-to-relay-1-3040-tcp',
      'relay-1>relay-lb:3042/tcp relay-lb-to-relay-1-3042-tcp (reverse)',
      'relay-lb>ssh-agents:3042/tcp ssh-agents-to-relay-lb-3042-tcp (reverse)',
    ]);
    expect(t.hops.every((h) => h.rule !== undefined)).toBe(true);
    // Without relay_server on the agent there is no tunnel: the gap names the setting.
    const broken = { ...p, nodes: p.nodes.map((n) => (n.id === 'ssh-agents' ? { ...n, relayServer: undefined } : n)), links: p.links.filter((l) => l.id !== 'ssh-agents-relay-lb') };
    const gap = trace(broken, 'site-users', 'ssh-agents', { via: 'relay' });
    expect(gap.ok).toBe(false);
    expect(gap.missing).toMatchObject({ setting: 'nodes[ssh-agents].relayServer' });
    expect(trace(p, 'users', 'ssh-agents', { via: 'relay' }).missing?.message).toMatch(/^Engineers has no relay transport connection/);
  });

  it('a relay or relay LB is not an access target (instead of being treated as a Proxy entry)', () => {
    const p = template('relay-site');
    expect(trace(p, 'site-users', 'relay-lb').missing?.message).toBe('Relay LB fronts Relay Services, not an access target: trace to the SSH host behind it, via the Relay Service');
    expect(trace(p, 'site-users', 'relay-1').missing?.message).toMatch(/^Relay 1 is a Relay Service/);
    expect(trace(p, 'site-users', 'ssh-agents').missing).toBeUndefined();
  });

  it('a leaf cluster without a tunnel to the root', () => {
    const p = template('trusted-clusters');
    p.links = p.links.filter((l) => l.id !== 'leaf-proxy-root-lb');
    expect(trace(p, 'users', 'leaf-ssh').missing?.message).toBe('the leaf cluster leaf.example.com has no tunnel to Root Proxy: link a leaf Proxy to the root Proxy or its load balancer');
  });

  it('is deterministic', () => {
    const p = examplePlan();
    expect(JSON.stringify(trace(p, 'users', 'kube-api'))).toBe(JSON.stringify(trace(examplePlan(), 'users', 'kube-api')));
  });
});
