/**
 * `diffPlans(old, new)`: derive both plans and compare their rules by stable rule id (added, removed,
 * changed), then the plan itself: nodes, links, and settings of the plan, clusters, zones and
 * assertions. Canvas geometry (positions, zone sizes, the viewport) is not a change.
 */
import { derive as coreDerive } from '../engine/index.ts';
import type { DeriveResult, Rule } from '../engine/index.ts';
import type { Link, Plan } from '../schema/index.ts';
import { byIdMap, canonical, changedKeys, settingText, sortById } from './canonical.ts';
import type { NodeChange, PlanDiff, RuleChange, SettingChange } from './types.ts';

/**
 * Rule fields compared: what the rule allows and what a reviewer reads. Provenance (`causes`, `flows`,
 * `links`, `docs`) is left out: renaming a link is no change to the firewall. `initiator` always
 * equals `source`.
 */
export const RULE_DIFF_FIELDS = [
  'source', 'destination', 'sourceZone', 'destinationZone', 'sourceAddress', 'destinationAddress',
  'port', 'portEnd', 'protocol', 'longLived', 'sameZone', 'purposes', 'notes',
] as const satisfies readonly (keyof Rule)[];

/** Fields whose change means the firewall must drop the old rule and accept a new one. */
export const FIREWALL_FIELDS: ReadonlySet<string> = new Set(['source', 'destination', 'sourceAddress', 'destinationAddress', 'port', 'portEnd', 'protocol']);

/** Canvas geometry: moving things is not a change. */
const LAYOUT = new Set(['position', 'size']);

/** Options of `diffPlans`: results already derived (the app memoises them), or another engine. */
export interface DiffOptions {
  oldResult?: DeriveResult;
  newResult?: DeriveResult;
  derive?: (plan: Plan) => DeriveResult;
}

function diffRules(before: readonly Rule[], after: readonly Rule[]): Pick<PlanDiff, 'added' | 'removed' | 'changed'> {
  const old = byIdMap(before);
  const now = byIdMap(after);
  const changed: RuleChange[] = [];
  for (const rule of after) {
    const prior = old.get(rule.id);
    if (!prior) continue;
    const fields = RULE_DIFF_FIELDS.filter((f) => canonical(prior[f]) !== canonical(rule[f])).sort();
    if (fields.length > 0) changed.push({ before: prior, after: rule, fields });
  }
  return {
    added: sortById(after.filter((r) => !old.has(r.id))),
    removed: sortById(before.filter((r) => !now.has(r.id))),
    changed: changed.sort((a, b) => (a.after.id < b.after.id ? -1 : a.after.id > b.after.id ? 1 : 0)),
  };
}

function diffNodes(a: Plan, b: Plan): PlanDiff['nodes'] {
  const old = byIdMap(a.nodes);
  const now = byIdMap(b.nodes);
  const changed: NodeChange[] = [];
  for (const node of b.nodes) {
    const prior = old.get(node.id);
    if (!prior) continue;
    const fields = changedKeys(prior, node, LAYOUT);
    if (fields.length > 0) changed.push({ before: prior, after: node, fields });
  }
  return {
    added: sortById(b.nodes.filter((n) => !old.has(n.id))),
    removed: sortById(a.nodes.filter((n) => !now.has(n.id))),
    changed: changed.sort((x, y) => (x.after.id < y.after.id ? -1 : x.after.id > y.after.id ? 1 : 0)),
  };
}

function linkKey(l: Link): string {
  return `${l.id}\u0000${l.source}\u0000${l.target}`;
}

function diffLinks(a: Plan, b: Plan): PlanDiff['links'] {
  const old = new Set(a.links.map(linkKey));
  const now = new Set(b.links.map(linkKey));
  return { added: sortById(b.links.filter((l) => !old.has(linkKey(l)))), removed: sortById(a.links.filter((l) => !now.has(linkKey(l)))) };
}

function setting(path: string, before: unknown, after: unknown): SettingChange {
  const out: SettingChange = { path };
  const b = settingText(before);
  const c = settingText(after);
  if (b !== undefined) out.before = b;
  if (c !== undefined) out.after = c;
  return out;
}

/** Field-level changes of a list of things with ids (clusters, zones); whole-item for assertions. */
function diffItems<T extends { id: string }>(kind: string, a: readonly T[], b: readonly T[], whole: boolean, out: SettingChange[]): void {
  const old = byIdMap(a);
  const now = byIdMap(b);
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
  for (const id of ids) {
    const x = old.get(id);
    const y = now.get(id);
    const strip = (v: T | undefined) => (v === undefined ? undefined : Object.fromEntries(Object.entries(v).filter(([k]) => !LAYOUT.has(k))));
    if (whole || x === undefined || y === undefined) {
      if (canonical(strip(x)) !== canonical(strip(y))) out.push(setting(`${kind}[${id}]`, strip(x), strip(y)));
      continue;
    }
    for (const f of changedKeys(x, y, LAYOUT)) out.push(setting(`${kind}[${id}].${f}`, (x as Record<string, unknown>)[f], (y as Record<string, unknown>)[f]));
  }
}

function diffSettings(a: Plan, b: Plan): SettingChange[] {
  const out: SettingChange[] = [];
  for (const key of ['name', 'description'] as const) if (a[key] !== b[key]) out.push(setting(key, a[key], b[key]));
  diffItems('clusters', a.clusters, b.clusters, false, out);
  diffItems('zones', a.zones, b.zones, false, out);
  diffItems('assertions', a.assertions, b.assertions, true, out);
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

/** Compare two plans: their rules (by stable rule id), nodes, links and settings. Pure and deterministic. */
export function diffPlans(oldPlan: Plan, newPlan: Plan, options: DiffOptions = {}): PlanDiff {
  const derive = options.derive ?? coreDerive;
  const before = options.oldResult ?? derive(oldPlan);
  const after = options.newResult ?? derive(newPlan);
  return {
    ...diffRules(before.rules, after.rules),
    nodes: diffNodes(oldPlan, newPlan),
    links: diffLinks(oldPlan, newPlan),
    settings: diffSettings(oldPlan, newPlan),
  };
}
