/**
 * The engine without its checks: classify every link, let the family of its relation emit flows, run
 * the generators that depend on settings alone (peering, ACME, Cloud tenant, workload attestation),
 * merge flows into rules, then hand everything to the checks it is given. `derive` (derive.ts) gives it
 * all of them; the browser gives them once their module has loaded, so that the checks and the finding
 * texts stay out of the JavaScript loaded before first paint.
 */
import type { RelationId } from '../catalog/index.ts';
import type { CheckInput } from '../findings/input.ts';
import type { Link, Plan } from '../schema/index.ts';
import { buildContext } from './context.ts';
import { memberAuth, memberTunnel, proxyDialsAgent } from './families/agents.ts';
import { clientEntry } from './families/clients.ts';
import { peeringFlows, peeringLink, proxyAuth } from './families/control-plane.ts';
import { lbBackend } from './families/load-balancers.ts';
import { monitoring } from './families/monitoring.ts';
import { relayJoin, relayPeering, relayTransport, relayTunnel } from './families/relay.ts';
import { forwardProxyEgress, tenantFlows, usesForwardProxy } from './families/network.ts';
import { acmeFlows, proxyKubeApi, proxyOpenssh } from './families/proxy-egress.ts';
import { agentResource, authBackend } from './families/resources.ts';
import { trustAuth, trustProxy } from './families/trust.ts';
import { workloadAttestation } from './families/workload.ts';
import { buildLinkInfos } from './link-info.ts';
import { emptyObservations } from './observations.ts';
import { classify } from './relations.ts';
import type { Classification } from './relations.ts';
import { buildRules } from './rules.ts';
import type { Handler, Run } from './run.ts';
import { createSink } from './sink.ts';
import type { DeriveResult, Finding } from './types.ts';

/** Findings from what a run derived (the checks, and the plan's assertions). */
export type FindingsOf = (plan: Plan, input: Omit<CheckInput, 'out'>) => Finding[];

/** One handler per relation (exhaustive: adding a relation to the catalog fails to compile here). */
const HANDLERS: Record<RelationId, Handler> = {
  'client-entry': clientEntry,
  'lb-backend': lbBackend,
  'proxy-auth': proxyAuth,
  'agent-tunnel': memberTunnel,
  'agent-auth': memberAuth,
  'proxy-dials-agent': proxyDialsAgent,
  'tbot-proxy': memberTunnel,
  'tbot-auth': memberAuth,
  'agent-resource': agentResource,
  'proxy-openssh': proxyOpenssh,
  'proxy-kube-api': proxyKubeApi,
  'trust-proxy': trustProxy,
  'trust-auth': trustAuth,
  peering: peeringLink,
  'uses-forward-proxy': usesForwardProxy,
  'forward-proxy-egress': forwardProxyEgress,
  'auth-backend': authBackend,
  monitoring,
  'relay-tunnel': relayTunnel,
  'relay-transport': relayTransport,
  'relay-join': relayJoin,
};

/** Flows, rules and link infos of a plan, with the findings of `findingsOf` (none without it). Pure and deterministic. */
export function deriveWith(plan: Plan, findingsOf: FindingsOf | undefined): DeriveResult {
  const ctx = buildContext(plan);
  const sink = createSink(ctx);
  const obs = emptyObservations();
  const links = ctx.sortedLinks;
  const classes = new Array<Classification>(links.length);
  for (let i = 0; i < links.length; i++) {
    const link = links[i] as Link;
    const c = classify(ctx, ctx.nodes.get(link.source)!, ctx.nodes.get(link.target)!);
    classes[i] = c;
    if (!c.ok) obs.refusals.push({ link: link.id, a: link.source, b: link.target, reason: c.reason, ...(c.agent === undefined ? {} : { agent: c.agent }) });
  }
  const run: Run = { ctx, sink, obs, classes };
  for (let i = 0; i < links.length; i++) {
    const c = classes[i] as Classification;
    if (c.ok) HANDLERS[c.relation.id](run, links[i] as Link, c.initiator, c.listener);
  }
  peeringFlows(run);
  relayPeering(run);
  acmeFlows(run);
  tenantFlows(run);
  workloadAttestation(run);
  const flows = sink.finish();
  const rules = buildRules(ctx, flows);
  const infos = buildLinkInfos(ctx, links, classes, sink.linkFlows);
  const findings = findingsOf ? findingsOf(plan, { ctx, obs, flows, rules, classes }) : [];
  return { flows, rules, findings, links: infos };
}
