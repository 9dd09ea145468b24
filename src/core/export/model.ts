/**
 * What every exporter prints, resolved once: a rule with the names, zones and addresses of both ends.
 *
 * Rules carry node ids; firewall teams read names. An end may also be a synthetic endpoint that is not
 * a plan node (a Teleport Cloud tenant, the ACME CA): the engine gives those ids with a `:` in them,
 * which a plan id can never contain, and they get a readable name here.
 */
import { CLOUD_TENANT_PREFIX, KUBELET_PREFIX } from '../catalog/index.ts';
import { nodeLabel } from '../engine/endpoints.ts';
import type { DeriveResult, Finding, Rule } from '../engine/index.ts';
import type { Plan } from '../schema/index.ts';

/**
 * `node`: a plan node; `cloud-tenant`: a Teleport Cloud tenant; `kubelet`: the kubelet of the Kubernetes
 * node a tbot runs on (inside the tbot's zone); `external`: anything else outside the plan (the ACME CA).
 */
export type EndpointKind = 'node' | 'cloud-tenant' | 'kubelet' | 'external';

/** One end of a rule, as exports show it. */
export interface Endpoint {
  id: string;
  kind: EndpointKind;
  /** Node name, or a readable name for a synthetic endpoint. */
  name: string;
  /** Zone id; absent when the end sits in no zone. */
  zoneId?: string;
  /** Zone name; empty when the end sits in no zone. */
  zoneName: string;
  /** Address or CIDRs the rule uses for this end (from the engine). */
  address: string;
}

/** A rule with both ends resolved. */
export interface RuleRow {
  rule: Rule;
  source: Endpoint;
  destination: Endpoint;
  /** `443`, or `3000-3010` for a range. */
  port: string;
}

/** Deterministic string order, independent of the runtime's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `443` or `3000-3010`. */
export function portText(rule: Pick<Rule, 'port' | 'portEnd'>): string {
  return rule.portEnd !== undefined && rule.portEnd !== rule.port ? `${rule.port}-${rule.portEnd}` : String(rule.port);
}

/** Readable name of any endpoint id: a node's name, a Cloud tenant, the ACME CA (the engine's labels). */
export function endpointName(plan: Plan, id: string): string {
  return nodeLabel(plan, id);
}

function endpointKind(id: string): EndpointKind {
  return id.startsWith(CLOUD_TENANT_PREFIX) ? 'cloud-tenant' : id.startsWith(KUBELET_PREFIX) ? 'kubelet' : 'external';
}

/** Resolves ids to names with lookups built once per export (plans can hold thousands of nodes). */
export class Resolver {
  private readonly nodes: Map<string, string>;
  private readonly zones: Map<string, string>;

  constructor(private readonly plan: Plan) {
    this.nodes = new Map(plan.nodes.map((n) => [n.id, n.name]));
    this.zones = new Map(plan.zones.map((z) => [z.id, z.name]));
  }

  zoneName(zoneId: string | undefined): string {
    if (zoneId === undefined) return '';
    return this.zones.get(zoneId) ?? zoneId;
  }

  endpoint(id: string, zoneId: string | undefined, address: string): Endpoint {
    const name = this.nodes.get(id);
    const base = name !== undefined ? { id, kind: 'node' as const, name } : { id, kind: endpointKind(id), name: nodeLabel(this.plan, id) };
    return zoneId === undefined ? { ...base, zoneName: '', address } : { ...base, zoneId, zoneName: this.zoneName(zoneId), address };
  }

  row(rule: Rule): RuleRow {
    return {
      rule,
      source: this.endpoint(rule.source, rule.sourceZone, rule.sourceAddress),
      destination: this.endpoint(rule.destination, rule.destinationZone, rule.destinationAddress),
      port: portText(rule),
    };
  }
}

/** Every rule of the result, resolved, in rule id order. */
export function ruleRows(plan: Plan, result: DeriveResult): RuleRow[] {
  const resolver = new Resolver(plan);
  return [...result.rules].sort((a, b) => compareText(a.id, b.id)).map((r) => resolver.row(r));
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Findings for people: errors first, then warnings, then info; by id within a severity. */
export function findingsBySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareText(a.id, b.id));
}
