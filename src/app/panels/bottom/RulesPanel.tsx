/**
 * The derived firewall rules: sortable, filterable, as one list or grouped per zone pair or per host.
 * Selecting a rule highlights its source, destination and links on the canvas.
 *
 * The table is virtual: only the rows in and near the visible part of the panel are in the page, so a
 * plan with thousands of rules opens and scrolls as fast as a small one (laying out every row of a
 * 1,000-rule table took longer than drawing the whole canvas). `@tanstack/react-virtual` is pinned to
 * 3.13.12: the table loads before first paint, and 3.14 weighs 10.5 KB gzipped against 4.5 KB, for
 * touch-gesture handling this table does not need.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FocusEvent, ReactNode } from 'react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { Range, VirtualItem } from '@tanstack/react-virtual';
import { rulesByHost, rulesByZonePair } from '../../../core/engine/views.ts';
import type { Rule } from '../../../core/engine/index.ts';
import { useDerived, useTopologyPlan } from '../../store/derived.ts';
import { useAppStore } from '../../store/index.ts';
import { revealNodes } from '../../commands.ts';
import { UiIcon } from '../../canvas/icons.tsx';
import { RuleBreaksButton } from '../../explain/actions.tsx';
import { nameIn, portText } from '../../explain/names.ts';

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
type Line = { kind: 'group'; key: string; group: string; title: string; count: number } | { kind: 'rule'; key: string; group: string; rule: Rule; direction?: 'in' | 'out' };

/** Estimated heights before a line is measured: a group heading, and a rule with a one-line purpose. */
const GROUP_HEIGHT = 31;
const RULE_HEIGHT = 52;

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
      if (g.title) out.push({ kind: 'group', key: `group:${g.key}`, group: g.key, title: g.title, count: g.rows.length });
      for (const { rule, direction } of g.rows) out.push({ kind: 'rule', key: `${rule.id}:${direction ?? ''}`, group: g.key, rule, ...(direction ? { direction } : {}) });
    }
    return out;
  }, [groups]);

  // The panel body scrolls, and the filter bar and the column headings stick to its top: the rows start
  // below them, `margin` from the top of what scrolls, and a row scrolled to must clear them.
  const root = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const empty = lines.length === 0;
  const [margin, setMargin] = useState(0);
  const scroller = useCallback(() => root.current?.closest<HTMLElement>('.pl-bottom__body') ?? null, []);
  // Measured again whenever the filter bar or the column headings change size.
  useLayoutEffect(() => {
    const el = scroller();
    const measure = () => {
      if (!el || !head.current) return;
      const top = Math.round(head.current.getBoundingClientRect().bottom - el.getBoundingClientRect().top + el.scrollTop);
      setMargin(top);
      // The browser's own scrolling (a focused row, Tab) clears the sticky part too.
      el.style.scrollPaddingTop = `${top}px`;
    };
    measure();
    const observer = new ResizeObserver(measure);
    const bar = root.current?.querySelector('.pl-subbar');
    if (bar) observer.observe(bar);
    if (head.current) observer.observe(head.current);
    return () => {
      observer.disconnect();
      if (el) el.style.scrollPaddingTop = '';
    };
  }, [empty, scroller]);

  // The row that has the keyboard focus stays in the page when it scrolls out of view, so that focus is not lost.
  const [focused, setFocused] = useState<number | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
      return [...indexes, focused].sort((a, b) => a - b);
    },
    [focused],
  );
  const estimateSize = useCallback((i: number) => (lines[i]?.kind === 'group' ? GROUP_HEIGHT : RULE_HEIGHT), [lines]);
  const getItemKey = useCallback((i: number) => lines[i]?.key ?? i, [lines]);
  // The app is not built with the React Compiler; the rule only says this component would not be compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: scroller,
    estimateSize,
    getItemKey,
    rangeExtractor,
    // Unrounded: rows are fractions of a pixel high (line heights of 1.25), and the library's rounding
    // added up to more than the table's real height, so the last row could never be scrolled to.
    measureElement: (el) => el.getBoundingClientRect().height,
    overscan: 8,
    scrollMargin: margin,
    scrollPaddingStart: margin,
  });

  // A rule selected elsewhere (the trace, an assertion) or by the keyboard is scrolled into view.
  const highlighted = highlight?.source.startsWith('rule:') ? highlight.source.slice('rule:'.length) : undefined;
  useEffect(() => {
    if (highlighted === undefined) return;
    const index = lines.findIndex((l) => l.kind === 'rule' && l.rule.id === highlighted);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
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

  const columns = view === 'hosts' ? 6 : 5;

  const renderLine = (line: Line, v: VirtualItem): ReactNode => {
    if (line.kind === 'group') {
      return (
        <tr key={line.key} className="pl-group-row" data-index={v.index} ref={virtualizer.measureElement} aria-rowindex={v.index + 2}>
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
        data-index={v.index}
        ref={virtualizer.measureElement}
        aria-rowindex={v.index + 2}
        className={selected ? 'is-selected' : ''}
        aria-selected={selected}
        tabIndex={0}
        onClick={() => selectRule(rule)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            selectRule(rule);
            return;
          }
          const target = stepTo(v.index, e.key);
          if (target === null) return;
          e.preventDefault();
          moveFocus(target);
        }}
        data-testid="rules.row"
        data-rule-id={rule.id}
      >
        {view === 'hosts' ? <td className="pl-muted">{direction === 'in' ? 'in' : 'out'}</td> : null}
        <td>
          <div className="pl-cell-main">{nameOf(rule.source)}</div>
          <div className="pl-cell-sub">
            {rule.sourceAddress} · {nameOf(rule.sourceZone)}
          </div>
        </td>
        <td>
          <div className="pl-cell-main">{nameOf(rule.destination)}</div>
          <div className="pl-cell-sub">
            {rule.destinationAddress} · {nameOf(rule.destinationZone)}
          </div>
        </td>
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

  // The rendered lines, one <tbody> per group (its heading row labels that body only), with spacer rows
  // standing for the lines left out, so that the scrollbar spans the whole table.
  // Bodies are keyed by group, so that scrolling keeps them, and their rows, mounted: a row that moved to
  // another body would be a new element, and the focused one would lose the focus.
  const bodies: ReactNode[] = [];
  let run = null as { key: string; rows: ReactNode[] } | null;
  let end = margin;
  for (const v of virtualizer.getVirtualItems()) {
    const line = lines[v.index] as Line;
    const key = `group:${line.group}`;
    if (run?.key !== key) {
      if (run) bodies.push(<tbody key={run.key}>{run.rows}</tbody>);
      run = { key, rows: [] };
    }
    if (v.start > end) run.rows.push(<Spacer key={`gap:${v.index}`} height={v.start - end} columns={columns} />);
    run.rows.push(renderLine(line, v));
    end = v.end;
  }
  const rest = virtualizer.getTotalSize() + margin - end;
  if (run) {
    if (rest > 0) run.rows.push(<Spacer key="rest" height={rest} columns={columns} />);
    bodies.push(<tbody key={run.key}>{run.rows}</tbody>);
  } else if (rest > 0) {
    bodies.push(
      <tbody key="rest">
        <Spacer height={rest} columns={columns} />
      </tbody>,
    );
  }

  /** The rule row the arrow keys, Page Up/Down, Home and End lead to from line `from` (null: not a move key). */
  const stepTo = (from: number, key: string): number | null => {
    const rulesOnly = (i: number, dir: 1 | -1): number => {
      for (let j = i; j >= 0 && j < lines.length; j += dir) if (lines[j]?.kind === 'rule') return j;
      return from;
    };
    // About the rows in view below the sticky bar and headings.
    const page = Math.max(1, Math.floor(((scroller()?.clientHeight ?? 0) - margin) / RULE_HEIGHT));
    switch (key) {
      case 'ArrowDown':
        return rulesOnly(from + 1, 1);
      case 'ArrowUp':
        return rulesOnly(from - 1, -1);
      case 'PageDown':
        return rulesOnly(Math.min(lines.length - 1, from + page), 1);
      case 'PageUp':
        return rulesOnly(Math.max(0, from - page), -1);
      case 'Home':
        return rulesOnly(0, 1);
      case 'End':
        return rulesOnly(lines.length - 1, -1);
      default:
        return null;
    }
  };
  // Moving the focus to a row that may not be in the page yet: the focused line is always rendered (see
  // `rangeExtractor`), so it is there after the next render; bring it into view and focus it then.
  const [focusTo, setFocusTo] = useState<number | null>(null);
  const moveFocus = (index: number) => {
    setFocused(index);
    setFocusTo(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  useLayoutEffect(() => {
    if (focusTo === null) return;
    root.current?.querySelector<HTMLElement>(`tr[data-index="${focusTo}"]`)?.focus({ preventScroll: true });
    setFocusTo(null);
  }, [focusTo]);

  const onTableFocus = (e: FocusEvent<HTMLTableElement>) => {
    const index = Number((e.target as HTMLElement).closest('tr')?.dataset.index);
    setFocused(Number.isInteger(index) ? index : null);
  };
  const onTableBlur = (e: FocusEvent<HTMLTableElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
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
          <table className="pl-table" data-testid="rules.table" aria-rowcount={lines.length + 1} onFocus={onTableFocus} onBlur={onTableBlur}>
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
            {bodies}
          </table>
        </div>
      )}
    </div>
  );
}

/** Stands for the rows above or below the rendered ones, so that the scrollbar keeps the whole table's length. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="pl-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}
