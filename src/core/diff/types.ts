/** Shapes of a plan diff: what changed between two plans, rules first (keyed by stable rule ids). */
import type { Rule } from '../engine/index.ts';
import type { Link, PlanNode } from '../schema/index.ts';

/** A rule with the same id in both plans whose content differs. */
export interface RuleChange {
  before: Rule;
  after: Rule;
  /** Names of the `Rule` fields that differ, sorted (e.g. `destinationAddress`, `purposes`). */
  fields: string[];
}

/** A node with the same id in both plans whose settings differ (canvas position is ignored). */
export interface NodeChange {
  before: PlanNode;
  after: PlanNode;
  /** Names of the node fields that differ, sorted. */
  fields: string[];
}

/** One changed setting of the plan, a cluster, a zone or an assertion. */
export interface SettingChange {
  /** Path of the setting: `name`, `clusters[main].proxyListenerMode`, `zones[dmz].cidrs`, `assertions[a1]`. */
  path: string;
  /** Value before, as text (JSON for non-strings); absent when it was not set (or did not exist). */
  before?: string;
  /** Value after; absent when it is no longer set. */
  after?: string;
}

/** Everything that differs between two plans. All lists are sorted by id (settings by path). */
export interface PlanDiff {
  /** Rules only the new plan needs. */
  added: Rule[];
  /** Rules only the old plan needed. */
  removed: Rule[];
  changed: RuleChange[];
  nodes: { added: PlanNode[]; removed: PlanNode[]; changed: NodeChange[] };
  /** A link whose ends changed counts as removed and added. */
  links: { added: Link[]; removed: Link[] };
  settings: SettingChange[];
}
