/**
 * Short, stable resource names for the cloud exports (GCP, Azure): the slug of what a name stands for,
 * behind a fixed prefix, cut with a hash of its identity when it is too long or when two names would be
 * equal. A hash only enters a name when it must, so names stay readable, and a name only changes when a
 * new name collides with it. Pure and deterministic: no clock, no randomness.
 */
import type { Plan } from '../schema/index.ts';
import { compareText } from './model.ts';
import type { Endpoint } from './model.ts';
import { slug } from './escape.ts';

/** 32-bit FNV-1a of the UTF-16 code units, as 8 hex digits: a short, stable suffix for cut names. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** `base` cut so that `-<hash of seed>` fits in `max` characters. */
export function withHash(base: string, seed: string, max: number): string {
  return `${base.slice(0, max - 9).replace(/-+$/, '')}-${fnv1a(seed)}`;
}

/**
 * `prefix` (lower case, starting with a letter) and the slug of `text`, at most `max` characters; cut
 * with a hash of `seed` (what it names, unique) when too long or when the slug is empty.
 */
export function slugName(prefix: string, text: string, seed: string, max: number): string {
  const s = slug(text);
  const base = `${prefix}${s}`.replace(/-+$/, '');
  return s !== '' && base.length <= max ? base : withHash(base, seed, max);
}

export interface NameRequest {
  /** Unique identity of the named thing: seeds the hash. */
  seed: string;
  prefix: string;
  text: string;
}

/**
 * Names of at most `max` characters for all `requests`, unique: those whose plain name would be shared
 * get a hash of their seed instead (so a name only changes when a new name collides with it). Keyed by seed.
 */
export function uniqueNames(requests: readonly NameRequest[], max: number): Map<string, string> {
  const plain = requests.map((r) => slugName(r.prefix, r.text, r.seed, max));
  const count = new Map<string, number>();
  for (const n of plain) count.set(n, (count.get(n) ?? 0) + 1);
  const used = new Set(plain.filter((n) => count.get(n) === 1));
  const out = new Map<string, string>();
  requests.forEach((r, i) => {
    let name = plain[i] ?? '';
    if (count.get(name) !== 1) {
      // Shared: hash the seed (and a counter, in the unlikely case that the hash is taken too).
      for (let salt = 0; salt === 0 || used.has(name); salt++) name = withHash(`${r.prefix}${slug(r.text)}`, salt === 0 ? r.seed : `${r.seed}#${salt}`, max);
    }
    used.add(name);
    out.set(r.seed, name);
  });
  return out;
}

/** Zone kinds that live outside a cloud network: no security group, tag or NSG in the cloud exports. */
export const OUTSIDE_CLOUD_ZONE_KINDS: ReadonlySet<string> = new Set(['internet', 'on-prem', 'cloud-tenant']);

/**
 * Nodes in no zone that get a group of their own in the cloud exports (AWS, GCP, Azure): those that can be a
 * machine there. A client has none; nor has a node with no address (the rule names `any` for it, so it
 * cannot be placed) or a cloud API (someone else's endpoint).
 */
export function ownGroupNodes(plan: Plan): Plan['nodes'] {
  return plan.nodes.filter((n) => n.zone === undefined && n.kind !== 'client' && n.kind !== 'cloud-api' && n.addresses.length > 0);
}

/** A zone inside the cloud, or a node in no zone placed there: one security group, tag or NSG and ASG. */
export interface CloudGroup {
  /** `zone:<id>` or `host:<id>`. */
  seed: string;
  /** `portolan-<zone id>` or `portolan-host-<node id>`, unique, at most `max` characters. */
  name: string;
  /** `zone <name>` or `host <name> (no zone)`. */
  description: string;
}

/**
 * The groups of the GCP and Azure exports, sorted by name, and the group of a rule's end: its zone's, a
 * kubelet its tbot's zone's (it runs on a node there), a node in no zone its own; none outside the cloud.
 */
export function cloudGroups(plan: Plan, max: number): { groups: CloudGroup[]; groupOf: (e: Endpoint) => CloudGroup | undefined } {
  const zones = plan.zones.filter((z) => !OUTSIDE_CLOUD_ZONE_KINDS.has(z.kind));
  const requests = [
    ...zones.map((z) => ({ seed: `zone:${z.id}`, prefix: 'portolan-', text: z.id, description: `zone ${z.name}` })),
    ...ownGroupNodes(plan).map((n) => ({ seed: `host:${n.id}`, prefix: 'portolan-host-', text: n.id, description: `host ${n.name} (no zone)` })),
  ].sort((a, b) => compareText(a.seed, b.seed));
  const names = uniqueNames(requests, max);
  const groups = requests.map((r) => ({ seed: r.seed, name: names.get(r.seed) ?? '', description: r.description }));
  const bySeed = new Map(groups.map((g) => [g.seed, g]));
  const groupOf = (e: Endpoint) => {
    if (e.kind === 'kubelet' || (e.kind === 'node' && e.zoneId !== undefined)) return e.zoneId === undefined ? undefined : bySeed.get(`zone:${e.zoneId}`);
    return e.kind === 'node' ? bySeed.get(`host:${e.id}`) : undefined;
  };
  return { groups: groups.sort((a, b) => compareText(a.name, b.name)), groupOf };
}
