/** Jump from an explain tab to a rule: select it in the Rules tab (which highlights it on the canvas). */
import type { DeriveResult } from '../../core/engine/index.ts';
import { useAppStore } from '../store/index.ts';

export function selectRule(result: DeriveResult, id: string): void {
  const rule = result.rules.find((r) => r.id === id);
  if (!rule) return;
  const s = useAppStore.getState();
  s.setHighlight({ source: `rule:${rule.id}`, nodes: [rule.source, rule.destination], links: rule.links });
  // The Rules tab scrolls its highlighted rule into view (RulesPanel.tsx).
  s.setBottom('rules', true);
}
