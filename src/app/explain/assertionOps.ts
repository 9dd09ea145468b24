/** Pure plan edits for assertions (each one store edit, so one undo step), and the add form's validation. */
import type { Assertion, Plan } from '../../core/schema/index.ts';
import { AssertionSchema, planIds } from '../../core/schema/index.ts';
import { freeId } from '../../core/catalog/kinds.ts';

export type AssertionType = Assertion['type'];

export const ASSERTION_TYPES: readonly { type: AssertionType; label: string }[] = [
  { type: 'no-inbound', label: 'Nothing inbound to zone' },
  { type: 'no-outbound', label: 'Nothing outbound from zone' },
  { type: 'no-traffic', label: 'No traffic from zone … to zone' },
  { type: 'only-ports-from', label: 'Only these ports from zone' },
];

export interface AssertionDraft {
  type: AssertionType;
  zone: string;
  toZone: string;
  ports: string;
}

export function addAssertion(plan: Plan, assertion: Assertion): Plan {
  return { ...plan, assertions: [...plan.assertions, assertion] };
}

export function removeAssertion(plan: Plan, id: string): Plan {
  const assertions = plan.assertions.filter((a) => a.id !== id);
  return assertions.length === plan.assertions.length ? plan : { ...plan, assertions };
}

function same(a: Assertion, b: Assertion): boolean {
  const { id: _a, description: _da, ...x } = a;
  const { id: _b, description: _db, ...y } = b;
  const norm = (v: object) => JSON.stringify(v, (k, val: unknown) => ((k === 'ports' || k === 'udpPorts') && Array.isArray(val) ? [...(val as number[])].sort((p, q) => p - q) : val));
  return norm(x) === norm(y);
}

/** The assertion the form describes, checked with the plan schema's `AssertionSchema`; or what is wrong. */
export function draftToAssertion(plan: Plan, d: AssertionDraft): { ok: true; assertion: Assertion } | { ok: false; message: string } {
  if (d.zone === '') return { ok: false, message: d.type === 'no-traffic' ? 'Choose the zone traffic comes from.' : 'Choose a zone.' };
  if (d.type === 'no-traffic' && d.toZone === '') return { ok: false, message: 'Choose the zone traffic goes to.' };
  if (d.type === 'no-traffic' && d.toZone === d.zone) return { ok: false, message: 'Choose two different zones.' };
  const words = d.ports.split(/[\s,]+/).filter(Boolean);
  if (d.type === 'only-ports-from' && words.length === 0) return { ok: false, message: 'List the allowed ports, e.g. 443 or 443, 3024 (3021/udp for UDP).' };
  const parsedWords = words.map((w) => /^(\d+)(?:\/(tcp|udp))?$/i.exec(w));
  const bad = words.find((_, i) => parsedWords[i] === null);
  if (d.type === 'only-ports-from' && bad !== undefined) return { ok: false, message: `“${bad}” is not a port number (write 443, or 3021/udp for a UDP port).` };
  const portsOf = (udp: boolean) => [...new Set(parsedWords.filter((m) => m !== null && (m[2]?.toLowerCase() === 'udp') === udp).map((m) => Number(m![1])))];
  const udpPorts = portsOf(true);
  const taken = planIds(plan);
  const zoneSlug = d.type === 'no-traffic' ? `${d.zone}-to-${d.toZone}` : d.zone;
  const id = freeId(`${d.type}-${zoneSlug}`, taken);
  const candidate =
    d.type === 'no-traffic'
      ? { id, type: d.type, fromZone: d.zone, toZone: d.toZone }
      : d.type === 'only-ports-from'
        ? { id, type: d.type, zone: d.zone, ports: portsOf(false), ...(udpPorts.length > 0 ? { udpPorts } : {}) }
        : { id, type: d.type, zone: d.zone };
  const parsed = AssertionSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    const aboutPorts = ['ports', 'udpPorts'].some((k) => where === k || where.startsWith(`${k}.`));
    return { ok: false, message: `${aboutPorts ? 'Ports' : 'Assertion'}: ${issue?.message ?? 'not valid'}` };
  }
  const zones = new Set(plan.zones.map((z) => z.id));
  const named = parsed.data.type === 'no-traffic' ? [parsed.data.fromZone, parsed.data.toZone] : [parsed.data.zone];
  if (!named.every((z) => zones.has(z))) return { ok: false, message: 'That zone is no longer in the plan.' };
  if (plan.assertions.some((a) => same(a, parsed.data))) return { ok: false, message: 'The plan already has this assertion.' };
  return { ok: true, assertion: parsed.data };
}
