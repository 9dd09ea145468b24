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
import { addToBag, bagItems, sortByUniqueId, uniqSortInPlace, uniqSorted } from './util.ts';
import type { Bag } from './util.ts';

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
  add(input: FlowInput): void;
  /** Flows produced by each link: one flow, or a list (may repeat; dedupe when reading). */
  linkFlows: Map<string, Bag<Flow>>;
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

/**
 * The kind words before `{from}` ("tbot ", "Database Service "), dropped when the name already says
 * them: "tbot CI tbot joins" reads "CI tbot joins", "Database Service Database agent" "Database agent".
 */
interface KindPrefix {
  full: string;
  short: string;
  /** The word as written and in lower case (names are matched without allocating). */
  words: readonly [string, string];
}

type Part = string | 0 | 1 | KindPrefix;
const compiled = new Map<string, Part[]>();

const KIND_BEFORE_FROM = /(?:^|\s)((tbot)|([A-Z][a-z]+) Service) $/;

/** Split a purpose template once into literal parts and `{from}` (0) / `{to}` (1) slots. */
function compile(text: string): Part[] {
  let parts = compiled.get(text);
  if (!parts) {
    parts = text.split(/(\{from\}|\{to\})/).filter((x) => x !== '').map((x) => (x === '{from}' ? 0 : x === '{to}' ? 1 : x));
    for (let i = 0; i + 1 < parts.length; i++) {
      const literal = parts[i];
      const m = parts[i + 1] === 0 && typeof literal === 'string' ? KIND_BEFORE_FROM.exec(literal) : null;
      if (!m || typeof literal !== 'string') continue;
      const word = (m[2] ?? m[3]) as string;
      parts[i] = { full: literal, short: literal.slice(0, literal.length - (m[1] as string).length - 1), words: [word, word.toLowerCase()] };
    }
    compiled.set(text, parts);
  }
  return parts;
}

/** Fill `{from}` and `{to}` in a template purpose. */
export function fillPurpose(ctx: Ctx, text: string, from: string, to: string): string {
  return fillNamed(text, nameOf(ctx, from), nameOf(ctx, to));
}

function fillNamed(text: string, fromName: string, toName: string): string {
  let out = '';
  for (const part of compile(text)) {
    if (typeof part === 'object') out += fromName.includes(part.words[0]) || fromName.includes(part.words[1]) ? part.short : part.full;
    else out += part === 0 ? fromName : part === 1 ? toName : part;
  }
  return out;
}

const EMPTY: readonly string[] = NO_SETTINGS;

/** Initiators with more flows than this are looked up by flow id instead of a scan. */
const MAX_SCAN = 16;

/** A new sink for one derive run. */
export function createSink(ctx: Ctx): FlowSink {
  /** Flows in the order they were first added. */
  const all: Flow[] = [];
  /** Flows by their initiator: one flow or a short list (most initiators open one to three). */
  const byFrom = new Map<string, Bag<Flow>>();
  /** Flows by id, for initiators with more than `MAX_SCAN` flows (a Proxy dialling many agents). */
  const flows = new Map<string, Flow>();
  /** Flows whose arrays are private copies (safe to push into). */
  const owned = new Set<Flow>();
  const linkFlows = new Map<string, Bag<Flow>>();
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

  // Consecutive flows mostly share an end (one initiator, one LB): remember the last two names.
  let nameA = '';
  let nameAValue = '';
  let nameB = '';
  let nameBValue = '';
  function name(id: string): string {
    if (id === nameA) return nameAValue;
    if (id === nameB) return nameBValue;
    nameB = nameA;
    nameBValue = nameAValue;
    nameA = id;
    return (nameAValue = nameOf(ctx, id));
  }

  /** The flow with these ends, port, protocol and catalog entry (equivalent to looking up its id). */
  function find(from: string, to: string, port: number, portEnd: number | undefined, t: FlowTemplate): Flow | undefined {
    const seen = byFrom.get(from);
    if (seen === undefined) return undefined;
    if (!Array.isArray(seen)) return seen.to === to && seen.port === port && seen.portEnd === portEnd && seen.catalog === t.id && seen.protocol === t.protocol ? seen : undefined;
    if (seen.length > MAX_SCAN) return flows.get(flowIdFast(from, to, port, portEnd, t.protocol, t.id));
    for (const f of seen) if (f.to === to && f.port === port && f.portEnd === portEnd && f.catalog === t.id && f.protocol === t.protocol) return f;
    return undefined;
  }

  function remember(flow: Flow): void {
    all.push(flow);
    const count = addToBag(byFrom, flow.from, flow);
    // Past MAX_SCAN, this initiator's flows are looked up by id: index them all once, then each new one.
    if (count === MAX_SCAN + 1) for (const f of bagItems(byFrom.get(flow.from))) flows.set(f.id, f);
    else if (count > MAX_SCAN + 1) flows.set(flow.id, flow);
  }

  function add(input: FlowInput): void {
    const t = input.template;
    let flow = find(input.from, input.to, input.port, input.portEnd, t);
    if (!flow) {
      flow = {
        id: flowIdFast(input.from, input.to, input.port, input.portEnd, t.protocol, t.id), from: input.from, to: input.to, port: input.port, protocol: t.protocol, catalog: t.id,
        purpose: input.purpose ?? fillNamed(t.purpose, name(input.from), name(input.to)),
        cause: input.cause, links: input.links as string[], settings: combine(input.settings, input.moreSettings, input.oneMoreSetting),
        longLived: input.longLived ?? t.longLived, docs: input.docs ?? t.docs,
        // Optional fields are always present (undefined when absent; JSON omits them): one object shape for every flow.
        portEnd: input.portEnd, dialTarget: input.dialTarget,
        note: t.note === undefined ? input.note : input.note === undefined || input.note === t.note ? t.note : `${t.note} ${input.note}`,
      };
      remember(flow);
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
    for (const l of input.links) if (linkFlows.get(l) !== flow) addToBag(linkFlows, l, flow);
  }

  function finish(): Flow[] {
    const out = all;
    for (const f of all) {
      if (owned.has(f)) {
        uniqSortInPlace(f.links);
        uniqSortInPlace(f.settings);
      } else if (f.links.length > 1) {
        f.links = uniqSorted(f.links);
      }
    }
    return sortByUniqueId(out);
  }
  return { add, linkFlows, finish };
}
