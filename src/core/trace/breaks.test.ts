import { describe, expect, it } from 'vitest';
import { derive } from '../engine/index.ts';
import type { DeriveResult } from '../engine/index.ts';
import { examplePlan } from '../examples/example-plan.ts';
import type { Plan } from '../schema/index.ts';
import { templateById } from '../templates/index.ts';
import { accessPairs, whatBreaks } from './index.ts';
import type { WhatBreaks } from './index.ts';

const keys = (w: WhatBreaks) => w.broken.map((b) => `${b.from}>${b.to}:${b.tool}`);

function template(id: string): Plan {
  const t = templateById(id);
  if (!t) throw new Error(`no template ${id}`);
  return t.plan();
}

/** Targets that depend on `agent`: the agent itself, and the resources only it serves. */
function agentTargets(result: DeriveResult, agent: string): Set<string> {
  const resources = result.flows.filter((f) => f.from === agent && f.catalog.startsWith('agent-') && f.catalog !== 'agent-join' && f.catalog !== 'agent-reverse-tunnel');
  return new Set([agent, ...resources.map((f) => f.to)]);
}

/**
 * For every agent: closing its rule to the Proxy (or LB, or forward proxy) that carries its reverse
 * tunnel breaks exactly the access to it and its resources. (In separate mode the join on the web
 * port is a rule of its own that access does not depend on: the 3024 listener also serves the join
 * API, reference I4.)
 */
function checkAgentRules(plan: Plan): number {
  const result = derive(plan);
  const pairs = accessPairs(plan, result);
  let checkedRules = 0;
  for (const agent of plan.nodes.filter((n) => n.kind === 'agent')) {
    const toProxy = result.rules.filter((r) => r.source === agent.id && r.flows.some((f) => f.endsWith(':agent-reverse-tunnel')));
    const targets = agentTargets(result, agent.id);
    const expected = pairs.filter((p) => targets.has(p.to)).map((p) => `${p.from}>${p.to}:${p.tool}`);
    for (const rule of toProxy) {
      checkedRules += 1;
      expect(keys(whatBreaks(plan, result, { rule: rule.id })), `closing ${rule.id}`).toEqual(expected);
    }
  }
  return checkedRules;
}

describe('whatBreaks', () => {
  const plan = examplePlan();
  const result = derive(plan);

  it('lists every access path of the plan', () => {
    expect(accessPairs(plan, result)).toEqual([
      { from: 'tbot', to: 'lb', tool: 'tbot' },
      { from: 'users', to: 'kube-api', tool: 'kubectl' },
      { from: 'users', to: 'postgres', tool: 'database' },
      { from: 'users', to: 'ssh-agent', tool: 'tsh' },
    ]);
  });

  it('checks SSH paths through a Relay Service too: the relay tunnel rule breaks only the relay path', () => {
    const relaySite = template('relay-site');
    const r = derive(relaySite);
    expect(accessPairs(relaySite, r).filter((p) => p.to === 'ssh-agents')).toEqual([
      { from: 'site-users', to: 'ssh-agents', tool: 'tsh' },
      { from: 'site-users', to: 'ssh-agents', tool: 'tsh', via: 'relay' },
      { from: 'users', to: 'ssh-agents', tool: 'tsh' },
    ]);
    const viaRelay = whatBreaks(relaySite, r, { rule: 'ssh-agents-to-relay-lb-3042-tcp' });
    expect(viaRelay.broken.map((b) => `${b.from}>${b.to}:${b.tool}:${b.via ?? 'proxy'}`)).toEqual(['site-users>ssh-agents:tsh:relay']);
    expect(viaRelay.broken[0]?.after.missing?.setting).toBe('nodes[ssh-agents].relayServer');
    // Closing the agent's Proxy tunnel leaves the relay path working.
    const viaProxy = whatBreaks(relaySite, r, { rule: 'ssh-agents-to-proxy-lb-443-tcp' });
    expect(viaProxy.broken.map((b) => `${b.from}>${b.to}:${b.via ?? 'proxy'}`)).toEqual(['site-users>ssh-agents:proxy', 'users>ssh-agents:proxy']);
  });

  it('closing the SSH agent → Proxy LB rule breaks SSH to that agent and nothing else', () => {
    const w = whatBreaks(plan, result, { rule: 'ssh-agent-to-lb-443-tcp' });
    expect(w.checked).toBe(4);
    expect(keys(w)).toEqual(['users>ssh-agent:tsh']);
    const b = w.broken[0];
    expect(b?.before.ok).toBe(true);
    expect(b?.after).toMatchObject({ ok: false, missing: { message: 'SSH agent has no path to the Proxy: link it to the Proxy or its load balancer' } });
  });

  it('closing any agent → Proxy rule breaks every access to its resources and nothing else (example plan and templates)', () => {
    expect(checkAgentRules(plan)).toBe(3);
    expect(checkAgentRules(template('kubernetes-db-desktop'))).toBe(3);
    expect(checkAgentRules(template('legacy-separate-v1'))).toBe(2);
    expect(checkAgentRules(template('trusted-clusters'))).toBeGreaterThan(0);
  });

  it('a database rule breaks only the database; the users rule breaks all the users paths', () => {
    expect(keys(whatBreaks(plan, result, { rule: 'db-agent-to-postgres-5432-tcp' }))).toEqual(['users>postgres:database']);
    expect(keys(whatBreaks(plan, result, { rule: 'users-to-lb-443-tcp' }))).toEqual(['users>kube-api:kubectl', 'users>postgres:database', 'users>ssh-agent:tsh']);
  });

  it('one of two Proxies behind the load balancer is no single point of failure', () => {
    expect(keys(whatBreaks(plan, result, { rule: 'lb-to-proxy-1-3080-tcp' }))).toEqual([]);
    expect(keys(whatBreaks(plan, result, { link: 'lb-proxy-2' }))).toEqual([]);
    expect(keys(whatBreaks(plan, result, { link: 'lb-proxy-1', rule: 'lb-to-proxy-2-3080-tcp' }))).toHaveLength(4);
  });

  it('closing a port breaks every path that uses it', () => {
    expect(keys(whatBreaks(plan, result, { port: 443 }))).toHaveLength(4);
    expect(keys(whatBreaks(plan, result, { port: 6443 }))).toEqual(['users>kube-api:kubectl']);
    expect(keys(whatBreaks(plan, result, { port: 3025 }))).toEqual([]);
    const legacy = template('legacy-separate-v1');
    const legacyResult = derive(legacy);
    expect(keys(whatBreaks(legacy, legacyResult, { port: 3023 }))).toEqual(['users>ssh-agent:tsh']);
    expect(keys(whatBreaks(legacy, legacyResult, { port: 3024 }))).toEqual(['users>kube-api:kubectl', 'users>ssh-agent:tsh']);
  });

  it('removing a link re-derives the plan', () => {
    const w = whatBreaks(plan, result, { link: 'kube-agent-kube-api' });
    expect(keys(w)).toEqual(['users>kube-api:kubectl']);
    expect(w.broken[0]?.after.missing?.message).toBe('no agent serves Prod Kubernetes API: link an agent running the Kubernetes Service to it');
  });

  it('an unknown rule, port or link breaks nothing', () => {
    expect(whatBreaks(plan, result, { rule: 'nope' })).toEqual({ checked: 4, broken: [] });
    expect(whatBreaks(plan, result, { link: 'nope' }).broken).toEqual([]);
  });
});
