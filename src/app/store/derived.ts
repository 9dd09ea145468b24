/**
 * Derived data (flows, rules, findings, link meanings) is never stored: it is computed from the plan by
 * the engine and memoised on the plan's *topology*, a key that leaves out positions, sizes and the view.
 * Dragging a node makes a new plan object with the same topology key, so the engine does not run again.
 *
 * The checks (and their texts) load after first paint: until they are in, the result has the rules and
 * no findings; then it is derived again with them, and every `useDerived` re-renders.
 */
import { useSyncExternalStore } from 'react';
import { withAssertionFindings } from '../../core/assertions/index.ts';
import { deriveWith } from '../../core/engine/derive-core.ts';
import type { FindingsOf } from '../../core/engine/derive-core.ts';
import type { DeriveResult, Finding, Severity } from '../../core/engine/index.ts';
import type { Plan, PlanNode, Zone } from '../../core/schema/index.ts';
import { useAppStore } from './index.ts';

const nodeKeys = new WeakMap<PlanNode, string>();
const zoneKeys = new WeakMap<Zone, string>();
const planKeys = new WeakMap<Plan, string>();

function nodeKey(node: PlanNode): string {
  let key = nodeKeys.get(node);
  if (key === undefined) {
    const { position: _position, ...rest } = node;
    key = JSON.stringify(rest);
    nodeKeys.set(node, key);
  }
  return key;
}

function zoneKey(zone: Zone): string {
  let key = zoneKeys.get(zone);
  if (key === undefined) {
    const { position: _position, size: _size, ...rest } = zone;
    key = JSON.stringify(rest);
    zoneKeys.set(zone, key);
  }
  return key;
}

/** Everything the engine may depend on, as a string: settings, zones, nodes and links without geometry. */
export function topologyKey(plan: Plan): string {
  let key = planKeys.get(plan);
  if (key === undefined) {
    key = [
      JSON.stringify(plan.clusters),
      plan.zones.map(zoneKey).join('\n'),
      plan.nodes.map(nodeKey).join('\n'),
      JSON.stringify(plan.links),
    ].join('\u0000');
    planKeys.set(plan, key);
  }
  return key;
}

let last: { key: string; result: DeriveResult } | null = null;
let runs = 0;

/** Where the checks are: loading after first paint, in, or not loadable (the app then says so). */
export type ChecksState = 'loading' | 'ready' | 'failed';
let findingsOf: FindingsOf | undefined;
let current: ChecksState = 'loading';
const checksListeners = new Set<() => void>();

let pending: Promise<void> | null = null;

function setChecks(state: ChecksState, fn?: FindingsOf): void {
  current = state;
  if (fn) {
    findingsOf = fn;
    last = null;
  }
  for (const listener of checksListeners) listener();
}

/** Loads the checks (once, or again after a failure) and resolves when they are in or failed to load. */
export function loadChecks(): Promise<void> {
  if (current === 'ready') return Promise.resolve();
  if (pending) return pending;
  if (current === 'failed') setChecks('loading');
  pending = import('../../core/findings/index.ts').then(
    (m) => setChecks('ready', m.findingsOf),
    () => setChecks('failed'),
  ).finally(() => {
    pending = null;
  });
  return pending;
}

function subscribeChecks(listener: () => void): () => void {
  checksListeners.add(listener);
  return () => checksListeners.delete(listener);
}

/** Where the checks are now. */
export function checksState(): ChecksState {
  return current;
}

/** Whether the findings are in (a component that shows them re-renders when that changes). */
export function useChecksState(): ChecksState {
  return useSyncExternalStore(subscribeChecks, checksState);
}

/** The engine's result for this plan, re-running the engine only when the topology changed (or the checks came in). */
function derivedTopology(plan: Plan): DeriveResult {
  const key = topologyKey(plan);
  if (last && last.key === key) return last.result;
  runs += 1;
  const result = deriveWith(plan, findingsOf);
  last = { key, result };
  return result;
}

let checked: { result: DeriveResult; assertions: Plan['assertions']; value: DeriveResult } | null = null;

/**
 * The engine's result with the plan's assertions checked (violations are `PL-ASSERT` findings), memoised
 * on the topology and on the assertions list (a drag keeps both, so nothing re-runs).
 */
export function derivedFor(plan: Plan): DeriveResult {
  const result = derivedTopology(plan);
  if (checked && checked.result === result && checked.assertions === plan.assertions) return checked.value;
  const value = plan.assertions.length === 0 ? result : withAssertionFindings(plan, result);
  checked = { result, assertions: plan.assertions, value };
  return value;
}

/** How many times `derive` ran (for tests). */
export function deriveRuns(): number {
  return runs;
}

/** The engine's result for the current plan; re-renders only when the result changes (not on a drag). */
export function useDerived(): DeriveResult {
  useChecksState();
  return useAppStore((s) => derivedFor(s.plan));
}

let stable: Plan | null = null;

/**
 * The plan as of its last change other than geometry: the same object while only positions and sizes
 * change. For views that show no geometry (the rules table, "Connect to…"), so that a drag does not
 * re-render them on every frame. Read-only: edits must start from the store's plan (`editPlan`).
 */
export function topologyPlan(plan: Plan): Plan {
  const prior = stable;
  if (prior === plan) return plan;
  if (prior && prior.name === plan.name && prior.description === plan.description && prior.assertions === plan.assertions && topologyKey(prior) === topologyKey(plan)) return prior;
  return (stable = plan);
}

/** `topologyPlan` of the store's plan, as a hook. */
export function useTopologyPlan(): Plan {
  return useAppStore((s) => topologyPlan(s.plan));
}

export interface NodeFindings {
  count: number;
  worst: Severity;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const byNodeCache = new WeakMap<Finding[], Map<string, NodeFindings>>();

/** Finding count and worst severity per node id (memoised on the findings list). */
export function findingsByNode(findings: Finding[]): Map<string, NodeFindings> {
  let map = byNodeCache.get(findings);
  if (!map) {
    map = new Map();
    for (const f of findings) {
      for (const id of new Set(f.nodes)) {
        const prior = map.get(id);
        if (!prior) map.set(id, { count: 1, worst: f.severity });
        else map.set(id, { count: prior.count + 1, worst: SEVERITY_RANK[f.severity] > SEVERITY_RANK[prior.worst] ? f.severity : prior.worst });
      }
    }
    byNodeCache.set(findings, map);
  }
  return map;
}
