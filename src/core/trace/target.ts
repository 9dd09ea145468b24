/**
 * What a trace aims at: the target's kind decides the client tool (when none is given), the agent
 * service that reaches it, and the flows of the last hops (reference §2.1, §2.3, §2.6).
 */
import { DATABASE_ENGINES } from '../catalog/index.ts';
import type { AgentServiceName, PlanNode } from '../schema/index.ts';
import { isTenant } from './graph.ts';
import type { FlowGraph } from './graph.ts';
import type { AccessTool } from './types.ts';

/** A resolved target. */
export type Target =
  /** The Proxy itself (a Proxy node, its load balancer, or a Cloud tenant): tbot, or a client's login. */
  | { kind: 'entry'; id: string }
  /** A Teleport agent reached as such: an SSH host (the agent runs the SSH Service), or a Kubernetes agent. */
  | { kind: 'agent'; id: string; service: AgentServiceName }
  /** A resource an agent reaches: the agent's flow `template` to it, or the Proxy's own `proxyTemplate`. */
  | { kind: 'resource'; id: string; service: AgentServiceName; template: string; proxyTemplate?: string }
  /** An agentless OpenSSH host: the Proxy dials its sshd. */
  | { kind: 'agentless'; id: string };

/** The agent service each tool uses when the target is an agent. */
const TOOL_SERVICE: Readonly<Record<Exclude<AccessTool, 'tbot'>, AgentServiceName>> = {
  tsh: 'ssh',
  kubectl: 'kubernetes',
  database: 'database',
  browser: 'app',
  rdp: 'desktop',
};

/** The tool that reaches each agent service, in the order a target agent's services are tried. */
const SERVICE_TOOL: readonly [AgentServiceName, Exclude<AccessTool, 'tbot'>][] = [
  ['ssh', 'tsh'],
  ['kubernetes', 'kubectl'],
  ['database', 'database'],
  ['app', 'browser'],
  ['desktop', 'rdp'],
];

/** A target that cannot be traced, with the reason (and the setting to change, if one would help). */
export interface TargetProblem {
  message: string;
  setting?: string;
}

/** Default tool for a target kind (undefined: the kind is no access target). */
function defaultTool(target: PlanNode): Exclude<AccessTool, 'tbot'> | undefined {
  switch (target.kind) {
    case 'agent':
      return SERVICE_TOOL.find(([s]) => target.services.includes(s))?.[1];
    case 'openssh-host':
      return 'tsh';
    case 'kube-api':
      return 'kubectl';
    case 'database':
      return 'database';
    case 'app':
      return 'browser';
    case 'windows-host':
      return 'rdp';
    case 'proxy':
    case 'load-balancer':
      return 'tsh';
    default:
      return undefined;
  }
}

const ACCESS_KINDS = 'an SSH host (SSH agent or OpenSSH host), a Kubernetes API, a database, an app, a Windows host or a Proxy';

/** Resolve the tool and the target; a problem when the pair makes no sense. */
export function resolveTarget(g: FlowGraph, from: PlanNode, toId: string, asked: AccessTool | undefined): { tool: AccessTool; target: Target } | { tool: AccessTool; problem: TargetProblem } {
  const target = g.nodes.get(toId);
  const fallbackTool: AccessTool = from.kind === 'tbot' ? 'tbot' : (asked ?? 'tsh');
  if (isTenant(toId)) return { tool: from.kind === 'tbot' ? 'tbot' : (asked ?? 'tsh'), target: { kind: 'entry', id: toId } };
  if (!target) return { tool: fallbackTool, problem: { message: `no node "${toId}" in the plan` } };
  // A relay (or its LB) is not where a session ends: say so instead of treating the relay LB as a Proxy entry.
  const ends = target.kind === 'load-balancer' ? (g.linksOf.get(target.id) ?? []).map((l) => g.nodes.get(l.source === target.id ? l.target : l.source)?.kind) : [];
  const frontsRelays = ends.includes('relay') && !ends.includes('proxy') && !ends.includes('auth');
  if (target.kind === 'relay' || frontsRelays) {
    return { tool: fallbackTool, problem: { message: `${target.name} ${frontsRelays ? 'fronts Relay Services' : 'is a Relay Service'}, not an access target: trace to the SSH host behind it, via the Relay Service` } };
  }
  const inferred = defaultTool(target);
  if (inferred === undefined) return { tool: fallbackTool, problem: { message: `${target.name} is not an access target (pick ${ACCESS_KINDS})` } };
  const tool: AccessTool = from.kind === 'tbot' ? 'tbot' : (asked ?? inferred);
  switch (target.kind) {
    case 'proxy':
    case 'load-balancer':
      return { tool, target: { kind: 'entry', id: target.id } };
    case 'agent': {
      const service = tool === 'tbot' ? (SERVICE_TOOL.find(([s]) => target.services.includes(s))?.[0] as AgentServiceName) : TOOL_SERVICE[tool];
      if (!target.services.includes(service)) {
        return { tool, problem: { message: `${target.name} does not run the ${service} service that ${tool} needs`, setting: `nodes[${target.id}].services` } };
      }
      return { tool, target: { kind: 'agent', id: target.id, service } };
    }
    case 'openssh-host':
      return { tool, target: { kind: 'agentless', id: target.id } };
    case 'kube-api':
      return { tool, target: { kind: 'resource', id: target.id, service: 'kubernetes', template: 'agent-kube-api', proxyTemplate: 'proxy-kube-api' } };
    case 'database':
      return { tool, target: { kind: 'resource', id: target.id, service: 'database', template: 'agent-database' } };
    case 'app':
      return { tool, target: { kind: 'resource', id: target.id, service: 'app', template: 'agent-app' } };
    case 'windows-host':
      return { tool, target: { kind: 'resource', id: target.id, service: 'desktop', template: 'agent-rdp' } };
    default:
      return { tool, problem: { message: `${target.name} is not an access target (pick ${ACCESS_KINDS})` } };
  }
}

/** Separate-mode Proxy listener template of a database engine (Postgres, MySQL, Mongo), by ALPN protocol. */
const DB_LISTENER_TEMPLATES: Readonly<Record<string, string>> = {
  'teleport-postgres': 'client-db-postgres',
  'teleport-mysql': 'client-db-mysql',
  'teleport-mongodb': 'client-db-mongo',
};

/**
 * The connections the tool needs to the Proxy, as lists of alternatives (the first that exists is
 * used), per listener mode. Mirrors `catalog/client-tools.ts`, narrowed to the target: tsh needs the
 * SSH listener only for SSH targets, a database client only its own engine's listener.
 */
export function entryNeeds(g: FlowGraph, tool: AccessTool, mode: 'multiplex' | 'separate', target: Target): string[][] {
  const separate = mode === 'separate';
  switch (tool) {
    case 'tbot':
      return [['tbot-web']];
    case 'browser':
      return [['client-browser-web']];
    case 'rdp':
      return [['client-rdp-web']];
    case 'tsh':
      return separate && (target.kind === 'agentless' || (target.kind === 'agent' && target.service === 'ssh')) ? [['client-tsh-web'], ['client-tsh-ssh']] : [['client-tsh-web']];
    case 'kubectl':
      return separate ? [['client-kube-listener']] : [['client-kube-web']];
    case 'database': {
      const node = g.nodes.get(target.id);
      const own = node?.kind === 'database' ? DB_LISTENER_TEMPLATES[DATABASE_ENGINES[node.engine].alpn] : undefined;
      return separate && own !== undefined ? [['client-db-web'], [own, 'client-db-web']] : [['client-db-web']];
    }
  }
}

/** Every template any mode may use for the tool (to find the Proxies the initiator reaches at all). */
export function allEntryTemplates(g: FlowGraph, tool: AccessTool, target: Target): Set<string> {
  return new Set([...entryNeeds(g, tool, 'multiplex', target), ...entryNeeds(g, tool, 'separate', target)].flat());
}
