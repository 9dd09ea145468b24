import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { allCases, hostileCase, runExport } from './__fixtures__/plans.ts';
import type { Case } from './__fixtures__/plans.ts';
import { hasTool, TOOL_TIMEOUT } from './__fixtures__/tools.ts';

/** A small XML well-formedness check: tags nest and close, attributes are quoted, entities known. */
function wellFormed(xml: string): string[] {
  const errors: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const tag = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(tag)) {
    if (m[6]) errors.push(`stray < at ${m.index}`);
    const text = m[5] ?? m[3] ?? '';
    for (const e of text.matchAll(/&([^;\s]*);?/g)) if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(e[1] ?? '') || !e[0].endsWith(';')) errors.push(`bad entity ${e[0]}`);
    if (m[5] !== undefined) {
      if (m[5].trim() !== '') errors.push(`text outside elements: ${m[5].slice(0, 20)}`);
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) errors.push(`mismatched </${m[2]}>`);
    } else if (!m[4]) stack.push(m[2] ?? '');
  }
  if (stack.length > 0) errors.push(`unclosed ${stack.join(', ')}`);
  return errors;
}

const HAS_PYTHON = hasTool('python3', ['--version']);

describe('draw.io export', () => {
  it('matches the golden file', async () => {
    await expect(runExport('drawio', allCases()[0] as Case)).toMatchFileSnapshot('__golden__/example.drawio');
  });

  it('is well-formed XML with one vertex per zone and node and one edge per link, for every plan', () => {
    for (const c of [...allCases(), hostileCase()]) {
      const xml = runExport('drawio', c);
      expect(wellFormed(xml), c.name).toEqual([]);
      expect([...xml.matchAll(/<mxCell [^>]*vertex="1"/g)]).toHaveLength(c.plan.nodes.length + c.plan.zones.length);
      expect([...xml.matchAll(/<mxCell [^>]*edge="1"/g)]).toHaveLength(c.plan.links.length);
      // Edges point from the initiator to the listener, labelled by the engine.
      for (const info of c.result.links.filter((l) => l.ok)) {
        expect(xml).toContain(`id="link-${info.id}" value="${info.label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
        expect(xml).toMatch(new RegExp(`id="link-${info.id}"[^>]* source="node-${info.initiator}" target="node-${info.listener}"`));
      }
    }
  });

  it.skipIf(!HAS_PYTHON)('parses with a real XML parser (python3 xml.dom.minidom; skipped when python3 is missing)', TOOL_TIMEOUT, () => {
    for (const c of [allCases()[0] as Case, hostileCase()]) {
      const py = 'import sys, xml.dom.minidom as m; d = m.parseString(sys.stdin.buffer.read()); print(len(d.getElementsByTagName("mxCell")))';
      const run = spawnSync('python3', ['-c', py], { input: runExport('drawio', c), encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(Number(run.stdout.trim())).toBe(2 + c.plan.zones.length + c.plan.nodes.length + c.plan.links.length);
    }
  });

  it('escapes names and places nodes relative to their zone', () => {
    const c = hostileCase();
    const xml = runExport('drawio', c);
    expect(xml).toContain('value="&quot;quoted&quot; &lt;b&gt;&amp;amp;&lt;/b&gt; `id` 2&#10;(proxy)"');
    expect(xml).toContain('value="line one&#10;line two # ${var} 3&#10;(proxy)"');
    const example = runExport('drawio', allCases()[0] as Case);
    // Proxy 1 at (848, 100) inside the DMZ at (404, 40).
    expect(example).toMatch(/id="node-proxy-1"[^>]*parent="zone-dmz"><mxGeometry x="444" y="60" width="180" height="70"/);
  });
});
