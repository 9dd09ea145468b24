/** Jump from an explain tab to a rule: select it in the Rules tab (which highlights it on the canvas). */
import type { DeriveResult } from '../../core/engine/index.ts';
import { useAppStore } from '../store/index.ts';

export function selectRule(result: DeriveResult, id: string): void {
  const rule = result.rules.find((r) => r.id === id);
  if (!rule) return;
  const s = useAppStore.getState();
  s.setHighlight({ source: `rule:${rule.id}`, nodes: [rule.source, rule.destination], links: rule.links });
  s.setBottom('rules', true);
  // The Rules tab renders on the next frame; bring the row into view then.
  requestAnimationFrame(() => {
    document.querySelector(`[data-testid="rules.row"][data-rule-id="${CSS.escape(rule.id)}"]`)?.scrollIntoView({ block: 'nearest' });
  });
}
