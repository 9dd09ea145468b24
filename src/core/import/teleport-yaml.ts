/**
 * Import a teleport.yaml into a plan: the node(s) it describes (Auth, Proxy, one Agent for the
 * agent services, and the resources the agent declares statically, linked to it) and the cluster
 * settings it carries (`version`, `proxy_listener_mode`, `tunnel_strategy`). Returns a preview;
 * the input plan is never changed.
 *
 * Decision — which sections count as enabled: a section is enabled when it is present and not
 * `enabled: no`/`false`. Teleport itself also starts `auth_service`, `proxy_service` and `ssh_service`
 * when a file omits them (config v1–v3; that is why `teleport configure` writes `enabled: no` for the
 * ones an agent does not run). Real configs name what they run, and an agent file that only lists
 * `db_service` is not meant to add an Auth and a Proxy to the plan, so absent sections are treated as
 * disabled here.
 */
import { freeId } from '../catalog/kinds.ts';
import { parsePlan, planIds } from '../schema/index.ts';
import type { AgentServiceName, Plan, PlanNode } from '../schema/index.ts';
import { splitHostPort } from './addr.ts';
import { ChangeList } from './changes.ts';
import type { PlanChange } from './changes.ts';
import { clonePlan, positionsBeside, positionsRightOf } from './placement.ts';
import { decodeTeleportYaml } from './yaml-decode.ts';
import { decideJoin, refusedCombinations } from './yaml-join.ts';
import { AGENT_SECTIONS, agentNode, authNode, isEnabled, proxyNode } from './yaml-nodes.ts';
import { declaredResources, twinWarning } from './yaml-resources.ts';
import { AUTH_CLUSTER_KEYS, applyYamlClusterSettings, ignoredClusterSettings } from './yaml-cluster.ts';
import { unknownKeyWarnings } from './yaml-keys.ts';
import type { UnknownKey } from './yaml-keys.ts';

/**
 * An import adds at most this many declared resources (databases, apps, Windows hosts…); the rest are
 * named in a warning. A file may declare hundreds, and hundreds of cards at once help nobody.
 */
export const MAX_IMPORTED_RESOURCES = 50;

export interface YamlImportOptions {
  /** The cluster the file belongs to (default: the first cluster). */
  clusterId?: string;
}

export type YamlImportResult =
  | { ok: false; message: string }
  | {
      ok: true;
      /** The plan with the new nodes, links and settings (validated). */
      plan: Plan;
      /** Ids of the nodes added. */
      added: string[];
      changes: PlanChange[];
      /** Things the user should look at (misconfigurations Teleport would warn about or refuse). */
      warnings: string[];
    };

/** Preview what a teleport.yaml adds to `plan`. Never mutates `plan`. */
export function previewYamlImport(plan: Plan, yamlText: string, options: YamlImportOptions = {}): YamlImportResult {
  const decoded = decodeTeleportYaml(yamlText);
  if (!decoded.ok) return decoded;
  const cfg = decoded.value;
  const next = clonePlan(plan);
  const cluster = options.clusterId === undefined ? next.clusters[0] : next.clusters.find((c) => c.id === options.clusterId);
  if (!cluster) return { ok: false, message: `There is no cluster "${String(options.clusterId)}" in the plan.` };

  const version = cfg.version ?? 'v1';
  const authOn = isEnabled(cfg.auth_service, 'auth_service' in cfg);
  const proxyOn = isEnabled(cfg.proxy_service, 'proxy_service' in cfg);
  const services: AgentServiceName[] = AGENT_SECTIONS.filter((s) => isEnabled(cfg[s.section], s.section in cfg)).map((s) => s.service);
  if (!authOn && !proxyOn && services.length === 0) {
    return { ok: false, message: 'This teleport.yaml enables no service (every section has enabled: no), so there is nothing to add.' };
  }

  const changes = new ChangeList();
  // Unknown keys first: Teleport refuses such a file before anything else below matters.
  const warnings: string[] = unknownKeyWarnings(decoded.unknownKeys.filter((k) => !explainedElsewhere(k)));
  applyYamlClusterSettings(cluster, cfg, version, authOn, changes);

  const taken = planIds(next);
  const positions = positionsRightOf(next, 3);
  const advertise = cfg.teleport?.advertise_ip?.trim();
  let slot = 0;
  const common = (base: string) => {
    const id = freeId(base, taken);
    taken.add(id);
    return {
      id,
      position: positions[slot++] ?? { x: 0, y: 0 },
      addresses: advertise ? [advertise] : [],
      ...(cluster.id !== next.clusters[0]?.id ? { cluster: cluster.id } : {}),
    };
  };
  const added: PlanNode[] = [];
  const proxy = proxyOn ? proxyNode(cfg, common('proxy')) : undefined;
  const auth = authOn ? authNode(cfg, common('auth')) : undefined;
  const join = services.length > 0 || (proxy && !auth) ? decideJoin(cfg, version, authOn) : undefined;
  const agent = join && services.length > 0 ? agentNode(cfg, services, join, common(services.length === 1 ? (AGENT_SECTIONS.find((s) => s.service === services[0])?.idBase ?? 'agent') : 'agent')) : undefined;
  for (const node of [proxy, auth, agent]) {
    if (!node) continue;
    added.push(node);
    next.nodes.push(node);
    changes.record(`nodes[${node.id}]`, undefined, `${node.kind === 'agent' ? 'Agent' : node.kind === 'auth' ? 'Auth' : 'Proxy'} "${node.name}"`, `added from ${SOURCE[node.kind] ?? 'the file'}`);
  }
  if (join) warnings.push(...join.warnings);
  warnings.push(...refusedCombinations(cfg, version), ...ignoredClusterSettings(cfg, authOn));

  const link = (source: string, target: string, why: string) => {
    const id = freeId(`${source}-${target}`, taken);
    taken.add(id);
    next.links.push({ id, source, target });
    changes.record(`links[${id}]`, undefined, `${source} — ${target}`, why);
  };
  if (proxy && auth) link(proxy.id, auth.id, 'Proxy and Auth run in the same process');
  if (agent && auth && join?.via === 'auth' && (join.target === undefined || isLocal(join.target))) link(agent.id, auth.id, 'the agent uses the Auth Service in the same process');
  else if (agent && join?.target) linkToExisting(next, agent.id, join, link, warnings);
  if (proxy && !auth && join?.target) linkToExisting(next, proxy.id, { ...join, via: 'auth' }, link, warnings);

  if (agent) {
    const declared = declaredResources(cfg, services, decoded.lineOf);
    warnings.push(...declared.warnings);
    const kept = declared.resources.slice(0, MAX_IMPORTED_RESOURCES);
    const skipped = declared.resources[MAX_IMPORTED_RESOURCES];
    if (skipped) {
      const total = declared.resources.length;
      warnings.push(`The file declares ${total} resources: the import adds the first ${MAX_IMPORTED_RESOURCES}, not the other ${total - MAX_IMPORTED_RESOURCES} (from ${skipped.where} on). Add them by hand where their rules matter.`);
    }
    const spots = positionsBeside(agent.position, kept.length);
    kept.forEach((resource, i) => {
      const id = freeId(resource.idBase, taken);
      taken.add(id);
      // Like the agent, in no zone: the user places them.
      const node: PlanNode = { ...resource.node, id, position: spots[i] ?? agent.position };
      added.push(node);
      next.nodes.push(node);
      changes.record(`nodes[${id}]`, undefined, resource.label, `declared in ${resource.from}`);
      const twin = twinWarning(plan.nodes, node, agent.id);
      if (twin) warnings.push(twin);
      link(agent.id, id, `${agent.id} reaches the resource it declares in ${resource.from}`);
    });
  }

  const checked = parsePlan(next);
  if (!checked.ok) return { ok: false, message: `The teleport.yaml cannot be added to this plan: ${checked.error.message}` };
  return { ok: true, plan: checked.plan, added: added.map((n) => n.id), changes: changes.items, warnings };
}

/**
 * Unknown keys another warning already explains better: Auth's cluster settings under proxy_service
 * (ignoredClusterSettings says where they belong and what the plan keeps).
 */
function explainedElsewhere({ section, key }: UnknownKey): boolean {
  return section === 'proxy_service' && (AUTH_CLUSTER_KEYS as readonly string[]).includes(key);
}

const SOURCE: Partial<Record<PlanNode['kind'], string>> = {
  auth: 'auth_service',
  proxy: 'proxy_service',
  agent: 'the enabled agent services',
};

function isLocal(addr: string): boolean {
  const host = splitHostPort(addr).host.toLowerCase();
  return host === 'localhost' || host.startsWith('127.') || host === '::1';
}

/**
 * Link a new node to the existing node the file dials (matched by address or public address);
 * when none matches, tell the user which address to connect.
 */
function linkToExisting(
  plan: Plan,
  from: string,
  join: { via: 'proxy' | 'auth'; target?: string },
  link: (source: string, target: string, why: string) => void,
  warnings: string[],
): void {
  if (join.target === undefined || isLocal(join.target)) return;
  const { host } = splitHostPort(join.target);
  const wanted = join.via === 'proxy' ? ['load-balancer', 'proxy'] : ['load-balancer', 'auth'];
  const knows = (n: PlanNode) => {
    const hosts = [...n.addresses, ...('publicAddr' in n ? n.publicAddr : [])].map((a) => splitHostPort(a).host.toLowerCase());
    return hosts.includes(host.toLowerCase());
  };
  const match = wanted.map((kind) => plan.nodes.find((n) => n.kind === kind && n.id !== from && knows(n))).find((n) => n !== undefined);
  if (match) link(from, match.id, `${from} dials ${join.target}, which is ${match.id}`);
  else warnings.push(`Nothing in the plan has the address ${host}: link ${from} to the ${join.via === 'proxy' ? 'Proxy or load balancer' : 'Auth Service or its load balancer'} it dials (${join.target}).`);
}
