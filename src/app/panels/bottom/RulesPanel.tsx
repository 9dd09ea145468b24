/**
 * The derived firewall rules: sortable, filterable, as one list or grouped per zone pair or per host.
 * Selecting a rule highlights its source, destination and links on the canvas. The table draws only the
 * rows in and near view (virtualRows.tsx).
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { rulesByHost, rulesByZonePair } from '../../../core/engine/views.ts';
import type { Rule } from '../../../core/engine/index.ts';
import { useDerived, useTopologyPlan } from '../../store/derived.ts';
import { useAppStore } from '../../store/index.ts';
import { revealNodes } from '../../commands.ts';
import { UiIcon } from '../../canvas/icons.tsx';
import { RuleBreaksButton } from '../../explain/actions.tsx';
import { nameIn, portText } from '../../explain/names.ts';
import { useVirtualRows } from './virtualRows.tsx';
import type { VirtualLine } from './virtualRows.tsx';

type SortKey = 'source' | 'destination' | 'port' | 'protocol' | 'purpose';
type View = 'all' | 'zones' | 'hosts';

// Port and protocol keep room for `30000-32767` and `udp` in narrow windows.
const COLUMN_WIDTH: Record<SortKey, string | undefined> = { source: '23%', destination: '25%', port: '84px', protocol: '64px', purpose: undefined };

interface Group {
  key: string;
  title: string;
  rows: { rule: Rule; direction?: 'in' | 'out' }[];
}

/** One line of the table: a group's heading or a rule. */
type Line = VirtualLine & ({ heading: true; title: string; count: number } | { heading: false; rule: Rule; direction?: 'in' | 'out' });

/** Estimated heights before a line is measured: a group heading, and a rule with a one-line purpose. */
const GROUP_HEIGHT = 31;
const RULE_HEIGHT = 52;

/** The rules panel scrolls with the bottom panel's body. */
const bodyOf = (root: HTMLElement) => root.closest<HTMLElement>('.pl-bottom__body');

export function RulesPanel() {
  // Names and zones only: a drag (positions) must not rebuild the table.
  const plan = useTopologyPlan();
  const highlight = useAppStore((s) => s.highlight);
  const derived = useDerived();
  const { rules } = derived;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'source', dir: 1 });
  const [view, setView] = useState<View>('all');
  const nameOf = useMemo(() => nameIn(plan), [plan]);

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    const value = (r: Rule, key: SortKey): string | number => {
      switch (key) {
        case 'source':
          return nameOf(r.source).toLowerCase();
        case 'destination':
          return nameOf(r.destination).toLowerCase();
        case 'port':
          return r.port;
        case 'protocol':
          return r.protocol;
        case 'purpose':
          return r.purposes.join(', ').toLowerCase();
      }
    };
    const match = (r: Rule) =>
      q === '' ||
      [nameOf(r.source), nameOf(r.destination), nameOf(r.sourceZone), nameOf(r.destinationZone), r.sourceAddress, r.destinationAddress, `${portText(r)}/${r.protocol}`, ...r.purposes]
        .join(' ')
        .toLowerCase()
        .includes(q);
    return rules
      .filter(match)
      .slice()
      .sort((a, b) => {
        const va = value(a, sort.key);
        const vb = value(b, sort.key);
        const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
        return c !== 0 ? c * sort.dir : a.id.localeCompare(b.id);
      });
  }, [rules, query, sort, nameOf]);

  // Grouping comes from the engine's own views; they keep the order of the rules they are given.
  const groups: Group[] = useMemo(() => {
    if (view === 'all') return [{ key: 'all', title: '', rows: filtered.map((rule) => ({ rule })) }];
    const subset = { ...derived, rules: filtered };
    if (view === 'zones') {
      return rulesByZonePair(subset, plan).map((g) => ({
        key: g.id,
        title: `${nameOf(g.sourceZone)} → ${nameOf(g.destinationZone)}${g.sameZone ? ' (same zone: host firewalls only)' : ''}`,
        rows: g.rules.map((rule) => ({ rule })),
      }));
    }
    return rulesByHost(subset, plan)
      .filter((h) => h.inbound.length + h.outbound.length > 0)
      .map((h) => ({
        key: h.id,
        title: `${h.name}${h.zone !== undefined ? ` · ${nameOf(h.zone)}` : ''}`,
        rows: [...h.inbound.map((rule) => ({ rule, direction: 'in' as const })), ...h.outbound.map((rule) => ({ rule, direction: 'out' as const }))],
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [filtered, view, nameOf, derived, plan]);

  const lines: Line[] = useMemo(() => {
    const out: Line[] = [];
    for (const g of groups) {
      if (g.title) out.push({ heading: true, key: `group:${g.key}`, group: g.key, title: g.title, count: g.rows.length });
      for (const { rule, direction } of g.rows) out.push({ heading: false, key: `${rule.id}:${direction ?? ''}`, group: g.key, rule, ...(direction ? { direction } : {}) });
    }
    return out;
  }, [groups]);

  const columns = view === 'hosts' ? 6 : 5;
  const { root, head, tableProps, rowProps, bodies, scrollTo } = useVirtualRows({ lines, columns, scrollerOf: bodyOf, headingHeight: GROUP_HEIGHT, rowHeight: RULE_HEIGHT });

  // A rule selected elsewhere (the trace, an assertion) or by the keyboard is scrolled into view.
  const highlighted = highlight?.source.startsWith('rule:') ? highlight.source.slice('rule:'.length) : undefined;
  useEffect(() => {
    if (highlighted === undefined) return;
    const index = lines.findIndex((l) => !l.heading && l.rule.id === highlighted);
    if (index >= 0) scrollTo(index);
    // Only when the highlighted rule changes (not when the lines do, which would pull the view back).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlighted]);

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'} scope="col" style={{ width: COLUMN_WIDTH[key] }}>
        <button type="button" className="pl-th-btn" onClick={() => setSort({ key, dir: active ? ((-sort.dir) as 1 | -1) : 1 })} data-testid={`rules.sort.${key}`}>
          {label}
          <span className="pl-th-arrow" aria-hidden="true">
            {active ? (sort.dir === 1 ? '▲' : '▼') : ''}
          </span>
        </button>
      </th>
    );
  };

  const selectRule = (rule: Rule) => {
    const s = useAppStore.getState();
    const source = `rule:${rule.id}`;
    if (s.highlight?.source === source) s.setHighlight(null);
    else {
      s.setHighlight({ source, nodes: [rule.source, rule.destination], links: rule.links });
      revealNodes([rule.source, rule.destination]);
    }
  };

  const renderLine = (index: number): ReactNode => {
    const line = lines[index] as Line;
    const row = rowProps(index);
    if (line.heading) {
      return (
        <tr key={line.key} className="pl-group-row" {...row}>
          <th colSpan={columns} scope="rowgroup">
            {line.title} <span className="pl-muted">({line.count})</span>
          </th>
        </tr>
      );
    }
    const { rule, direction } = line;
    const selected = highlight?.source === `rule:${rule.id}`;
    return (
      <tr
        key={line.key}
        {...row}
        className={selected ? 'is-selected' : ''}
        aria-selected={selected}
        tabIndex={0}
        onClick={() => selectRule(rule)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            selectRule(rule);
          } else row.onKeyDown(e);
        }}
        data-testid="rules.row"
        data-rule-id={rule.id}
      >
        {view === 'hosts' ? <td className="pl-muted">{direction === 'in' ? 'in' : 'out'}</td> : null}
        <EndCell name={nameOf(rule.source)} address={rule.sourceAddress} zone={nameOf(rule.sourceZone)} />
        <EndCell name={nameOf(rule.destination)} address={rule.destinationAddress} zone={nameOf(rule.destinationZone)} />
        <td className="pl-mono" data-testid="rules.port">
          {portText(rule)}
        </td>
        <td className="pl-mono" data-testid="rules.protocol">
          {rule.protocol}
        </td>
        <td title={rule.purposes.join('\n')}>
          <div className="pl-clamp">{rule.purposes.join('; ')}</div>
          {rule.longLived ? <div className="pl-cell-sub">long-lived connection</div> : null}
        </td>
      </tr>
    );
  };

  return (
    <div className="pl-rules" ref={root}>
      <div className="pl-subbar">
        <label className="pl-search">
          <UiIcon name="search" size={14} />
          <input type="search" placeholder="Filter rules: host, zone, port, purpose" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Filter rules" data-testid="rules.filter" />
        </label>
        <div className="pl-segmented" role="radiogroup" aria-label="Rules view">
          {(
            [
              ['all', 'All rules'],
              ['zones', 'By zone pair'],
              ['hosts', 'By host'],
            ] as const
          ).map(([v, label]) => (
            <button key={v} type="button" role="radio" aria-checked={view === v} className={view === v ? 'is-on' : ''} onClick={() => setView(v)} data-testid={`rules.view.${v}`}>
              {label}
            </button>
          ))}
        </div>
        <RuleBreaksButton />
        <span className="pl-muted pl-count">
          {filtered.length === rules.length ? `${rules.length} rule${rules.length === 1 ? '' : 's'}` : `${filtered.length} of ${rules.length}`}
        </span>
      </div>
      {rules.length === 0 ? (
        <p className="pl-empty pl-empty--panel" data-testid="rules.empty">
          No rules yet. Link components on the canvas (for example an agent to a Proxy) and the firewall rules they need appear here.
        </p>
      ) : filtered.length === 0 ? (
        <p className="pl-empty pl-empty--panel">No rule matches “{query}”.</p>
      ) : (
        <div className="pl-table-wrap">
          <table className="pl-table" data-testid="rules.table" {...tableProps}>
            <thead ref={head}>
              <tr aria-rowindex={1}>
                {view === 'hosts' ? <th scope="col" style={{ width: '5%' }}>Dir.</th> : null}
                {header('source', 'Source')}
                {header('destination', 'Destination')}
                {header('port', 'Port')}
                {header('protocol', 'Proto')}
                {header('purpose', 'Purpose')}
              </tr>
            </thead>
            {bodies(renderLine)}
          </table>
        </div>
      )}
    </div>
  );
}

/** A rule's source or destination: its name, and under it its address and zone. */
function EndCell({ name, address, zone }: { name: string; address: string; zone: string }) {
  return (
    <td>
      <div className="pl-cell-main">{name}</div>
      <div className="pl-cell-sub">
        {address} · {zone}
      </div>
    </td>
  );
}
