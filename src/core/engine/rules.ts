/**
 * Flows → firewall rules: flows with the same source, destination, port (range) and protocol merge
 * into one rule whose id is built from that meaning: `<source>-to-<destination>-<port>[-<end>]-<proto>`.
 */
import type { Ctx } from './context.ts';
import { addressOf, zoneOf } from './endpoints.ts';
import type { Flow, Rule } from './types.ts';
import { sortById, uniqSortInPlace } from './util.ts';

/** Rule id from its meaning. */
export function ruleId(source: string, destination: string, port: number, portEnd: number | undefined, protocol: string): string {
  return `${source}-to-${destination}-${port}${portEnd === undefined ? '' : `-${portEnd}`}-${protocol}`;
}

function newRule(ctx: Ctx, f: Flow): Rule {
  const sourceZone = zoneOf(ctx, f.from);
  const destinationZone = zoneOf(ctx, f.to);
  const rule: Rule = {
    id: ruleId(f.from, f.to, f.port, f.portEnd, f.protocol), source: f.from, destination: f.to,
    sourceAddress: addressOf(ctx, f.from), destinationAddress: addressOf(ctx, f.to),
    port: f.port, protocol: f.protocol, initiator: f.from, longLived: f.longLived,
    sameZone: sourceZone !== undefined && sourceZone === destinationZone,
    purposes: [f.purpose], causes: [f.cause], docs: [f.docs], notes: f.note === undefined ? [] : [f.note], flows: [f.id], links: f.links,
  };
  if (sourceZone !== undefined) rule.sourceZone = sourceZone;
  if (destinationZone !== undefined) rule.destinationZone = destinationZone;
  if (f.portEnd !== undefined) rule.portEnd = f.portEnd;
  return rule;
}

const sameEnds = (r: Rule, f: Flow) => r.source === f.from && r.destination === f.to && r.port === f.port && r.portEnd === f.portEnd && r.protocol === f.protocol;

/**
 * Merge flows into rules sorted by id. Flow ids start with `from>to:port[-end]/proto:`, and none of
 * those characters occur in node ids, so the flows of one rule are adjacent in flow-id order.
 */
export function buildRules(ctx: Ctx, flows: readonly Flow[]): Rule[] {
  const out: Rule[] = [];
  let rule: Rule | undefined;
  let merged = false;
  for (const f of flows) {
    if (rule && sameEnds(rule, f)) {
      if (!merged) rule.links = rule.links.slice(); // first merge: stop sharing the flow's array
      rule.flows.push(f.id);
      if (f.longLived) rule.longLived = true;
      rule.purposes.push(f.purpose);
      rule.causes.push(f.cause);
      rule.docs.push(f.docs);
      if (f.note !== undefined) rule.notes.push(f.note);
      for (const l of f.links) rule.links.push(l);
      merged = true;
      continue;
    }
    if (rule && merged) tidy(rule);
    rule = newRule(ctx, f);
    merged = false;
    out.push(rule);
  }
  if (rule && merged) tidy(rule);
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

function tidy(r: Rule): void {
  uniqSortInPlace(r.purposes);
  uniqSortInPlace(r.causes);
  uniqSortInPlace(r.docs);
  uniqSortInPlace(r.notes);
  uniqSortInPlace(r.links);
}
