/** The lists of a plan diff, grouped and counted: rules first (what a firewall ticket needs), then the rest. */
import type { ReactNode } from 'react';
import type { PlanDiff } from '../../core/diff/index.ts';
import type { Rule } from '../../core/engine/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import { nameIn, portText } from './names.ts';
import type { Comparison } from './state.ts';

type Change = 'added' | 'removed' | 'changed';

function Group({ title, count, change, testId, children }: { title: string; count: number; change: Change; testId: string; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className={`pl-diff-group is-${change}`} data-testid={testId} aria-label={`${title} (${count})`}>
      <h3 className="pl-diff-group__title">
        <span className="pl-diff-dot" aria-hidden="true" />
        {title} <span className="pl-diff-group__count">{count}</span>
      </h3>
      <ul className="pl-diff-list">{children}</ul>
    </section>
  );
}

function RuleItem({ rule, change, name, detail }: { rule: Rule; change: Change; name: (id: string) => string; detail?: string }) {
  return (
    <li className="pl-diff-item" data-testid="compare.rule" data-rule-id={rule.id} data-change={change}>
      <span className="pl-diff-item__main">
        {name(rule.source)} → {name(rule.destination)}
      </span>
      <code className="pl-hop__port">
        {portText(rule)}/{rule.protocol}
      </code>
      <code className="pl-diff-item__id">{rule.id}</code>
      {detail ? <span className="pl-diff-item__detail">{detail}</span> : <span className="pl-diff-item__detail">{rule.purposes[0] ?? ''}</span>}
    </li>
  );
}

export function DiffLists({ diff, comparison, current }: { diff: PlanDiff; comparison: Comparison; current: Plan }) {
  const before = comparison.otherIs === 'before' ? comparison.other : current;
  const after = comparison.otherIs === 'before' ? current : comparison.other;
  const oldName = nameIn(before);
  const newName = nameIn(after);
  const linkText = (plan: Plan, id: string, source: string, target: string) => `${nameIn(plan)(source)} – ${nameIn(plan)(target)} (${id})`;
  const nothing = diff.added.length + diff.removed.length + diff.changed.length + diff.nodes.added.length + diff.nodes.removed.length + diff.nodes.changed.length + diff.links.added.length + diff.links.removed.length + diff.settings.length === 0;
  if (nothing) {
    return (
      <p className="pl-explain__status is-ok" data-testid="compare.same">
        The two plans need the same rules and have the same nodes, links and settings.
      </p>
    );
  }
  return (
    <div className="pl-diff">
      <div className="pl-diff__col">
        <Group title="Rules added" count={diff.added.length} change="added" testId="compare.rules.added">
          {diff.added.map((r) => (
            <RuleItem key={r.id} rule={r} change="added" name={newName} />
          ))}
        </Group>
        <Group title="Rules removed" count={diff.removed.length} change="removed" testId="compare.rules.removed">
          {diff.removed.map((r) => (
            <RuleItem key={r.id} rule={r} change="removed" name={oldName} />
          ))}
        </Group>
        <Group title="Rules changed" count={diff.changed.length} change="changed" testId="compare.rules.changed">
          {diff.changed.map((c) => (
            <RuleItem key={c.after.id} rule={c.after} change="changed" name={newName} detail={`changed: ${c.fields.join(', ')}`} />
          ))}
        </Group>
      </div>
      <div className="pl-diff__col">
        <Group title="Nodes added" count={diff.nodes.added.length} change="added" testId="compare.nodes.added">
          {diff.nodes.added.map((n) => (
            <li key={n.id} className="pl-diff-item">
              <span className="pl-diff-item__main">{n.name}</span> <code className="pl-diff-item__id">{n.id}</code>
            </li>
          ))}
        </Group>
        <Group title="Nodes removed" count={diff.nodes.removed.length} change="removed" testId="compare.nodes.removed">
          {diff.nodes.removed.map((n) => (
            <li key={n.id} className="pl-diff-item">
              <span className="pl-diff-item__main">{n.name}</span> <code className="pl-diff-item__id">{n.id}</code>
            </li>
          ))}
        </Group>
        <Group title="Nodes changed" count={diff.nodes.changed.length} change="changed" testId="compare.nodes.changed">
          {diff.nodes.changed.map((c) => (
            <li key={c.after.id} className="pl-diff-item">
              <span className="pl-diff-item__main">{c.after.name}</span> <span className="pl-diff-item__detail">{c.fields.join(', ')}</span>
            </li>
          ))}
        </Group>
        <Group title="Links added" count={diff.links.added.length} change="added" testId="compare.links.added">
          {diff.links.added.map((l) => (
            <li key={l.id} className="pl-diff-item">
              {linkText(after, l.id, l.source, l.target)}
            </li>
          ))}
        </Group>
        <Group title="Links removed" count={diff.links.removed.length} change="removed" testId="compare.links.removed">
          {diff.links.removed.map((l) => (
            <li key={l.id} className="pl-diff-item">
              {linkText(before, l.id, l.source, l.target)}
            </li>
          ))}
        </Group>
        <Group title="Settings changed" count={diff.settings.length} change="changed" testId="compare.settings">
          {diff.settings.map((s) => (
            <li key={s.path} className="pl-diff-item">
              <code>{s.path}</code>{' '}
              <span className="pl-diff-item__detail">
                {s.before ?? '(not set)'} → {s.after ?? '(not set)'}
              </span>
            </li>
          ))}
        </Group>
      </div>
    </div>
  );
}
