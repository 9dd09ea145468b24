/**
 * Collects flows while the families run: one flow per id (merging links and settings when two
 * causes produce the same connection), plus the index link → flows used by `LinkInfo`.
 *
 * Hot path: at 10,000 links this runs ~15,000 times, so it avoids intermediate objects. Arrays
 * passed in are adopted as they are (copy-on-write when a second cause merges into the flow), and
 * combined settings lists are shared between flows that have the same inputs.
 */
import type { FlowTemplate } from '../catalog/index.ts';
import type { Ctx } from './context.ts';
import { nameOf } from './endpoints.ts';
import type { Flow } from './types.ts';
import { sortById, uniqSortInPlace, uniqSorted } from './util.ts';

/** What a family asks for. */
export interface FlowInput {
  from: string;
  to: string;
  port: number;
  portEnd?: number;
  template: FlowTemplate;
  /** Replaces the template's purpose (already filled in). */
  purpose?: string;
  cause: string;
  /** Adopted as given: do not mutate it afterwards. */
  links: readonly string[];
  settings: readonly string[];
  /** More settings, kept apart so that hot paths need not concatenate arrays. */
  moreSettings?: readonly string[];
  oneMoreSetting?: string;
  note?: string;
  dialTarget?: string;
  /** Overrides the template's value. */
  longLived?: boolean;
  /** Extra docs page (replaces the template's when set). */
  docs?: string;
}

/** Shared empty settings list (flows that trace to a link need no per-node setting). */
export const NO_SETTINGS: readonly string[] = [];

/** The flow accumulator. */
export interface FlowSink {
  add(input: FlowInput): string;
  /** Flows produced by each link: one flow, or a list (may repeat; dedupe when reading). */
  linkFlows: Map<string, Flow | Flow[]>;
  /** Final flows, sorted by id. */
  finish(): Flow[];
}

/** Flow id: `from>to:port[-end]/proto:catalog`. */
export function flowId(from: string, to: string, port: number, portEnd: number | undefined, protocol: string, catalog: string): string {
  return `${from}>${to}:${port}${portEnd === undefined ? '' : `-${portEnd}`}/${protocol}:${catalog}`;
}

// The `:port/proto:catalog` tail of flow ids repeats across thousands of flows: build each once.
const tails = new Map<string, Map<number, string>>();

function flowIdFast(from: string, to: string, port: number, portEnd: number | undefined, protocol: string, catalog: string): string {
  if (portEnd !== undefined || protocol !== 'tcp') return flowId(from, to, port, portEnd, protocol, catalog);
  let byPort = tails.get(catalog);
  if (!byPort) tails.set(catalog, (byPort = new Map()));
  let tail = byPort.get(port);
  if (tail === undefined) byPort.set(port, (tail = `:${port}/tcp:${catalog}`));
  return from + '>' + to + tail;
}

type Part = string | 0 | 1;
const compiled = new Map<string, Part[]>();

/** Split a purpose template once into literal parts and `{from}` (0) / `{to}` (1) slots. */
function compile(text: string): Part[] {
  let parts = compiled.get(text);
  if (!parts) {
    parts = text.split(/(\{from\}|\{to\})/).filter((x) => x !== '').map((x) => (x === '{from}' ? 0 : x === '{to}' ? 1 : x));
    compiled.set(text, parts);
  }
  return parts;
}

/** Fill `{from}` and `{to}` in a template purpose. */
export function fillPurpose(ctx: Ctx, text: string, from: string, to: string): string {
  let out = '';
  for (const part of compile(text)) out += part === 0 ? nameOf(ctx, from) : part === 1 ? nameOf(ctx, to) : part;
  return out;
}

const EMPTY: readonly string[] = NO_SETTINGS;

/** A new sink for one derive run. */
export function createSink(ctx: Ctx): FlowSink {
  const flows = new Map<string, Flow>();
  /** Flows whose arrays are private copies (safe to push into). */
  const owned = new Set<Flow>();
  const linkFlows = new Map<string, Flow | Flow[]>();
  // Combined settings lists without per-flow parts are shared, by identity of their inputs.
  const combos = new Map<readonly string[], Map<string, string[]>>();

  function combine(a: readonly string[], b: readonly string[] | undefined, c: string | undefined): string[] {
    // A single setting is sorted already: adopt the caller's array (copied before any merge, see `owned`).
    if (a.length === 1 && b === undefined && c === undefined) return a as string[];
    if (a.length > 0) {
      const out = b ? a.concat(b) : a.slice();
      if (c !== undefined) out.push(c);
      return uniqSortInPlace(out);
    }
    const bb = b ?? EMPTY;
    let m = combos.get(bb);
    if (!m) combos.set(bb, (m = new Map()));
    let out = m.get(c ?? '');
    if (!out) {
      out = bb.slice();
      if (c !== undefined) out.push(c);
      m.set(c ?? '', (out = uniqSortInPlace(out)));
    }
    return out;
  }

  function add(input: FlowInput): string {
    const t = input.template;
    const id = flowIdFast(input.from, input.to, input.port, input.portEnd, t.protocol, t.id);
    let flow = flows.get(id);
    if (!flow) {
      flow = {
        id, from: input.from, to: input.to, port: input.port, protocol: t.protocol, catalog: t.id,
        purpose: input.purpose ?? fillPurpose(ctx, t.purpose, input.from, input.to),
        cause: input.cause, links: input.links as string[], settings: combine(input.settings, input.moreSettings, input.oneMoreSetting),
        longLived: input.longLived ?? t.longLived, docs: input.docs ?? t.docs,
      };
      if (input.portEnd !== undefined) flow.portEnd = input.portEnd;
      if (input.dialTarget !== undefined) flow.dialTarget = input.dialTarget;
      const note = t.note === undefined ? input.note : input.note === undefined || input.note === t.note ? t.note : `${t.note} ${input.note}`;
      if (note !== undefined) flow.note = note;
      flows.set(id, flow);
    } else {
      if (!owned.has(flow)) {
        flow.links = flow.links.slice();
        flow.settings = flow.settings.slice();
        owned.add(flow);
      }
      for (const l of input.links) flow.links.push(l);
      for (const s of input.settings) flow.settings.push(s);
      if (input.moreSettings) for (const s of input.moreSettings) flow.settings.push(s);
      if (input.oneMoreSetting !== undefined) flow.settings.push(input.oneMoreSetting);
      if (input.note !== undefined && !(flow.note ?? '').includes(input.note)) flow.note = flow.note === undefined ? input.note : `${flow.note} ${input.note}`;
    }
    for (const l of input.links) {
      const seen = linkFlows.get(l);
      if (seen === undefined) linkFlows.set(l, flow);
      else if (Array.isArray(seen)) seen.push(flow);
      else if (seen !== flow) linkFlows.set(l, [seen, flow]);
    }
    return id;
  }

  function finish(): Flow[] {
    const out: Flow[] = [];
    for (const f of flows.values()) {
      if (owned.has(f)) {
        uniqSortInPlace(f.links);
        uniqSortInPlace(f.settings);
      } else if (f.links.length > 1) {
        f.links = uniqSorted(f.links);
      }
      out.push(f);
    }
    return sortById(out);
  }
  return { add, linkFlows, finish };
}
