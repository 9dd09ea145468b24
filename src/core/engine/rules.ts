/**
 * Flows → firewall rules: flows with the same source, destination, port (range) and protocol merge
 * into one rule whose id is built from that meaning: `<source>-to-<destination>-<port>[-<end>]-<proto>`.
 *
 * Hot path (10,000 rules for 10,000 links): every array is allocated at its final size, and lists
 * that many rules hold alike (no notes, one docs page, the links of a single flow) are shared
 * between rules. `DeriveResult` is read-only, so sharing is safe; the shared lists are frozen.
 */
import type { Ctx } from './context.ts';
import { addressOf, zoneOf } from './endpoints.ts';
import type { Flow, Rule } from './types.ts';
import { sortById, uniqSortInPlace } from './util.ts';

/** Rule id from its meaning. */
export function ruleId(source: string, destination: string, port: number, portEnd: number | undefined, protocol: string): string {
  return `${source}-to-${destination}-${port}${portEnd === undefined ? '' : `-${portEnd}`}-${protocol}`;
}

const NO_NOTES: string[] = Object.freeze([]) as unknown as string[];

const sameEnds = (a: Flow, b: Flow) => a.from === b.from && a.to === b.to && a.port === b.port && a.portEnd === b.portEnd && a.protocol === b.protocol;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// `-<port>-tcp` tails repeat across thousands of rules: build each once.
const tcpTails = new Map<number, string>();

/** `ruleId`, reusing the `<source>-to-` prefix of the previous rule and the cached port tails. */
function ruleIdFast(prefix: string, f: Flow): string {
  if (f.portEnd !== undefined || f.protocol !== 'tcp') return ruleId(f.from, f.to, f.port, f.portEnd, f.protocol);
  let tail = tcpTails.get(f.port);
  if (tail === undefined) tcpTails.set(f.port, (tail = `-${f.port}-tcp`));
  return prefix + f.to + tail;
}

/** What every rule of one source shares. */
interface Source {
  id: string;
  /** `<source>-to-`, the start of its rule ids. */
  prefix: string;
  zone: string | undefined;
  address: string;
}

/** The flows `flows[start..end)` merged into one rule (`docsOf` shares one-page docs lists). */
function newRule(ctx: Ctx, flows: readonly Flow[], start: number, end: number, docsOf: (url: string) => string[], source: Source): Rule {
  const f = flows[start] as Flow;
  const n = end - start;
  const sourceZone = source.zone;
  const destinationZone = zoneOf(ctx, f.to);
  let purposes: string[];
  let causes: string[];
  let docs: string[];
  let notes: string[];
  let ids: string[];
  let links: string[];
  let longLived = f.longLived;
  if (n === 1) {
    purposes = [f.purpose];
    causes = [f.cause];
    docs = docsOf(f.docs);
    notes = f.note === undefined ? NO_NOTES : [f.note];
    ids = [f.id];
    links = f.links;
  } else {
    purposes = new Array<string>(n);
    causes = new Array<string>(n);
    ids = new Array<string>(n);
    let sameDocs = true;
    let sameLinks = true;
    let noteCount = 0;
    let linkCount = 0;
    for (let i = 0; i < n; i++) {
      const g = flows[start + i] as Flow;
      purposes[i] = g.purpose;
      causes[i] = g.cause;
      ids[i] = g.id; // flows arrive sorted by id: already in order and unique
      if (g.longLived) longLived = true;
      if (g.docs !== f.docs) sameDocs = false;
      if (g.note !== undefined) noteCount++;
      if (!sameList(g.links, f.links)) sameLinks = false;
      linkCount += g.links.length;
    }
    uniqSortInPlace(purposes);
    uniqSortInPlace(causes);
    if (sameDocs) docs = docsOf(f.docs);
    else {
      docs = new Array<string>(n);
      for (let i = 0; i < n; i++) docs[i] = (flows[start + i] as Flow).docs;
      uniqSortInPlace(docs);
    }
    if (noteCount === 0) notes = NO_NOTES;
    else {
      notes = new Array<string>(noteCount);
      let w = 0;
      for (let i = start; i < end; i++) {
        const note = (flows[i] as Flow).note;
        if (note !== undefined) notes[w++] = note;
      }
      uniqSortInPlace(notes);
    }
    // A flow's links are sorted and unique (see the sink), so identical lists can be shared as they are.
    if (sameLinks) links = f.links;
    else {
      links = new Array<string>(linkCount);
      let w = 0;
      for (let i = start; i < end; i++) for (const l of (flows[i] as Flow).links) links[w++] = l;
      uniqSortInPlace(links);
    }
  }
  const rule: Rule = {
    id: ruleIdFast(source.prefix, f), source: f.from, destination: f.to,
    sourceAddress: source.address, destinationAddress: addressOf(ctx, f.to),
    port: f.port, protocol: f.protocol, initiator: f.from, longLived,
    sameZone: sourceZone !== undefined && sourceZone === destinationZone,
    purposes, causes, docs, notes, flows: ids, links,
    // Optional fields are always present (undefined when absent; JSON omits them): one object shape for every rule.
    sourceZone, destinationZone, portEnd: f.portEnd,
  };
  return rule;
}

/**
 * Merge flows into rules sorted by id. Flow ids start with `from>to:port[-end]/proto:`, and none of
 * those characters occur in node ids, so the flows of one rule are adjacent in flow-id order.
 */
export function buildRules(ctx: Ctx, flows: readonly Flow[]): Rule[] {
  const shared = new Map<string, string[]>();
  const docsOf = (url: string): string[] => {
    let list = shared.get(url);
    if (!list) shared.set(url, (list = Object.freeze([url]) as unknown as string[]));
    return list;
  };
  const out: Rule[] = [];
  let source: Source | undefined;
  for (let start = 0; start < flows.length; ) {
    const f = flows[start] as Flow;
    let end = start + 1;
    while (end < flows.length && sameEnds(f, flows[end] as Flow)) end++;
    // Flows arrive grouped by source: look its zone and address up once per source.
    if (source?.id !== f.from) source = { id: f.from, prefix: f.from + '-to-', zone: zoneOf(ctx, f.from), address: addressOf(ctx, f.from) };
    out.push(newRule(ctx, flows, start, end, docsOf, source));
    start = end;
  }
  sortById(out);
  // Node ids may contain "-to-", so two endpoint pairs can spell one id: suffix the later ones.
  let renamed = false;
  for (let i = 1; i < out.length; i++) {
    const base = (out[i - 1] as Rule).id;
    for (let n = 2; i < out.length && (out[i] as Rule).id === base; i++, n++) {
      (out[i] as Rule).id = `${base}-${n}`;
      renamed = true;
    }
  }
  return renamed ? sortById(out) : out;
}
