/**
 * Share-link figures: encoded length of every template's link, and its ratio to lz-string's
 * `compressToEncodedURIComponent` of the same plan's plain JSON (the usual playground approach).
 */
import LZString from 'lz-string';
import { encodeShareFragment } from '../src/core/share/index.ts';
import { TEMPLATES } from '../src/core/templates/index.ts';
import { examplePlan } from '../src/core/examples/example-plan.ts';

export interface ShareFigure {
  plan: string;
  jsonChars: number;
  linkChars: number;
  lzChars: number;
  ratio: number;
  encodeMs: number;
}

export function measureShareLinks(): ShareFigure[] {
  const plans = [{ id: 'example', plan: examplePlan() }, ...TEMPLATES.map((t) => ({ id: t.id, plan: t.plan() }))];
  return plans.map(({ id, plan }) => {
    const json = JSON.stringify(plan);
    const t0 = performance.now();
    let link = '';
    for (let i = 0; i < 20; i++) link = encodeShareFragment(plan);
    const encodeMs = (performance.now() - t0) / 20;
    const lz = LZString.compressToEncodedURIComponent(json);
    return { plan: id, jsonChars: json.length, linkChars: link.length, lzChars: lz.length, ratio: link.length / lz.length, encodeMs };
  });
}
