/** What each plan link became: direction (initiator → listener), a short label and its flows. */
import { FLOW_TEMPLATES } from '../catalog/index.ts';
import type { Link } from '../schema/index.ts';
import type { Ctx } from './context.ts';
import { nameOf } from './endpoints.ts';
import type { Classification } from './relations.ts';
import type { Flow, LinkInfo } from './types.ts';
import { sortById, sortStrings } from './util.ts';
import type { Bag } from './util.ts';

function dedupe(xs: readonly Flow[]): Flow[] {
  const list = xs as Flow[];
  if (list.length <= 1) return list;
  if (list.length > 32) return [...new Set(list)];
  let w = 0;
  for (let i = 0; i < list.length; i++) {
    const f = list[i] as Flow;
    let seen = false;
    for (let j = 0; j < w; j++) if (list[j] === f) seen = true;
    if (!seen) list[w++] = f;
  }
  list.length = w;
  return list;
}

function pushUnique<T>(xs: T[], x: T): void {
  if (!xs.includes(x)) xs.push(x);
}

// Labels depend only on (catalog, port, end, protocol) of at most a few flows: cache them by that signature.
const labelCache = new Map<string, string>();

function signature(flows: readonly Flow[]): string {
  let key = '';
  for (const f of flows) key += `${f.catalog}|${f.port}|${f.portEnd ?? ''}|${f.protocol};`;
  return key;
}

// Single-flow links (the majority) are cached by catalog then port, without building a key string.
const singleCache = new Map<string, Map<number, string>>();

function singleLabel(f: Flow): string {
  if (f.portEnd !== undefined || f.protocol !== 'tcp') return linkLabel([f]);
  let byPort = singleCache.get(f.catalog);
  if (!byPort) singleCache.set(f.catalog, (byPort = new Map()));
  let l = byPort.get(f.port);
  if (l === undefined) byPort.set(f.port, (l = linkLabel([f])));
  return l;
}

// Two-flow links (an agent's tunnel + join) are cached by catalog and port of each, without a key string.
const pairCache = new Map<string, Map<number, Map<string, Map<number, string>>>>();

function pairLabel(flows: readonly Flow[]): string {
  const a = flows[0] as Flow;
  const b = flows[1] as Flow;
  if (a.portEnd !== undefined || b.portEnd !== undefined || a.protocol !== 'tcp' || b.protocol !== 'tcp') return linkLabel(flows);
  let m1 = pairCache.get(a.catalog);
  if (!m1) pairCache.set(a.catalog, (m1 = new Map()));
  let m2 = m1.get(a.port);
  if (!m2) m1.set(a.port, (m2 = new Map()));
  let m3 = m2.get(b.catalog);
  if (!m3) m2.set(b.catalog, (m3 = new Map()));
  let l = m3.get(b.port);
  if (l === undefined) m3.set(b.port, (l = linkLabel(flows)));
  return l;
}

/** `linkLabel`, cached by signature. */
export function cachedLinkLabel(flows: readonly Flow[]): string {
  if (flows.length === 1) return singleLabel(flows[0] as Flow);
  if (flows.length === 2) return pairLabel(flows);
  if (flows.length > 4) return linkLabel(flows);
  const key = signature(flows);
  let label = labelCache.get(key);
  if (label === undefined) {
    if (labelCache.size > 1000) labelCache.clear();
    labelCache.set(key, (label = linkLabel(flows)));
  }
  return label;
}

/** Edge label of some flows (chosen by `buildLinkInfos`): `443/tcp reverse tunnel + join` or `3023, 3080/tcp`. */
export function linkLabel(flows: readonly Flow[]): string {
  if (flows.length === 0) return '';
  if (flows.length === 1) {
    const f = flows[0] as Flow;
    return `${f.portEnd === undefined ? f.port : `${f.port}-${f.portEnd}`}/${f.protocol} ${FLOW_TEMPLATES.get(f.catalog)?.label ?? f.catalog}`;
  }
  const ports: { port: number; text: string }[] = [];
  const protos: string[] = [];
  const labels: string[] = [];
  for (const f of flows) {
    const text = f.portEnd === undefined ? `${f.port}` : `${f.port}-${f.portEnd}`;
    if (!ports.some((p) => p.text === text)) ports.push({ port: f.port, text });
    pushUnique(protos, f.protocol);
    pushUnique(labels, FLOW_TEMPLATES.get(f.catalog)?.label ?? f.catalog);
  }
  if (ports.length > 1) ports.sort((a, b) => a.port - b.port || (a.text < b.text ? -1 : 1));
  sortStrings(protos);
  const proto = protos.join('+');
  if (ports.length > 1) return `${ports.map((p) => p.text).join(', ')}/${proto}`;
  return `${ports[0]?.text}/${proto} ${labels.join(' + ')}`;
}

/**
 * The label of a link whose initiator reaches the listener only through its HTTP CONNECT forward proxy:
 * what the forward proxy opens to the listener, and through which one (`443/tcp app via Squid`).
 * Undefined when the flows do not have that shape (all from the initiator to one forward proxy, all
 * from that forward proxy to the listener).
 */
function viaLabel(ctx: Ctx, flows: readonly Flow[], from: string, to: string): string | undefined {
  let fwd: string | undefined;
  const carried: Flow[] = [];
  for (const f of flows) {
    if (f.from === from) {
      if (fwd !== undefined && f.to !== fwd) return undefined;
      fwd = f.to;
    } else if (f.to === to) carried.push(f);
  }
  if (fwd === undefined || carried.length === 0 || ctx.nodes.get(fwd)?.kind !== 'http-proxy') return undefined;
  if (carried.some((f) => f.from !== fwd)) return undefined;
  return `${cachedLinkLabel(carried)} via ${nameOf(ctx, fwd)}`;
}

/**
 * A link's label: from its direct flows between the two ends, else what a forward proxy carries for the
 * initiator ("… via <forward proxy>"), else from the flows the initiator opens, else from all of them.
 */
function labelOf(ctx: Ctx, flows: readonly Flow[], from: string, to: string): string {
  const direct = flows.every((f) => f.from === from && f.to === to) ? flows : flows.filter((f) => f.from === from && f.to === to);
  if (direct.length > 0) return cachedLinkLabel(direct);
  const via = viaLabel(ctx, flows, from, to);
  if (via !== undefined) return via;
  const opened = flows.filter((f) => f.from === from);
  return cachedLinkLabel(opened.length > 0 ? opened : flows);
}

/** LinkInfo for every link, sorted by id. */
export function buildLinkInfos(ctx: Ctx, links: readonly Link[], classes: readonly Classification[], linkFlows: ReadonlyMap<string, Bag<Flow>>): LinkInfo[] {
  const out = new Array<LinkInfo>(links.length);
  for (let i = 0; i < links.length; i++) {
    const link = links[i] as Link;
    const c = classes[i];
    if (!c || !c.ok) {
      out[i] = { id: link.id, ok: false, initiator: link.source, listener: link.target, label: '', reason: c && !c.ok ? c.reason : 'The link points at a node that does not exist.', flows: [] };
      continue;
    }
    const seen = linkFlows.get(link.id);
    if (seen !== undefined && !Array.isArray(seen)) {
      out[i] = { id: link.id, ok: true, initiator: c.initiator.id, listener: c.listener.id, label: singleLabel(seen), flows: [seen.id] };
      continue;
    }
    // The sink's per-link list is ours to reorder: dedupe and sort it in place.
    const flows = dedupe(seen ?? []);
    sortById(flows);
    const label = labelOf(ctx, flows, c.initiator.id, c.listener.id);
    const ids = new Array<string>(flows.length);
    for (let j = 0; j < flows.length; j++) ids[j] = (flows[j] as Flow).id;
    out[i] = { id: link.id, ok: true, initiator: c.initiator.id, listener: c.listener.id, label, flows: ids };
  }
  return out;
}
