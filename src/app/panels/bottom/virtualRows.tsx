/**
 * A table that draws only the rows in and near view (`@tanstack/react-virtual`), for the rules panel: a
 * plan with thousands of rules then opens and scrolls as fast as a small one. Laying out every row of a
 * 1,000-rule table took longer than drawing the whole canvas.
 *
 * What it keeps of a plain table:
 * - the scrollbar spans the whole table: spacer rows stand for the lines left out;
 * - one `<tbody>` per group, so that a group's heading row labels its own rows only; the heading of the
 *   group at the top of the view stays in the page and sticks below the column headings;
 * - the row with the keyboard focus stays in the page when it scrolls away, so that focus is not lost;
 *   the arrow keys, Page Up/Down, Home and End move it from row to row, headings skipped;
 * - assistive tech hears the table's full row count (`aria-rowcount`) and each row's place in it;
 * - the sticky filter bar and column headings above the rows: a row scrolled to clears them.
 *
 * `@tanstack/react-virtual` is pinned to 3.13.12: the rules panel loads before first paint, and 3.14
 * weighs 10.5 KB gzipped against 4.5 KB, for touch-gesture handling a table does not need.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, FocusEvent, KeyboardEvent, ReactNode } from 'react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { Range } from '@tanstack/react-virtual';

/** One line of the table: a group's heading or a row. */
export interface VirtualLine {
  key: string;
  /** Lines of one group are consecutive; each group gets its own `<tbody>`. */
  group: string;
  /** A group heading: not focusable, skipped by the arrow keys. */
  heading: boolean;
}

interface Options {
  lines: readonly VirtualLine[];
  /** Columns of the table (spacer rows span them). */
  columns: number;
  /** The element that scrolls the table, found from the element holding the table. */
  scrollerOf: (root: HTMLElement) => HTMLElement | null;
  /** Estimated heights before a line is measured. */
  headingHeight: number;
  rowHeight: number;
}

export function useVirtualRows({ lines, columns, scrollerOf, headingHeight, rowHeight }: Options) {
  const root = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const scroller = useCallback(() => (root.current ? scrollerOf(root.current) : null), [scrollerOf]);

  // The rows start below the sticky filter bar and column headings, `margin` from the top of what
  // scrolls; measured again whenever either changes size.
  const [margin, setMargin] = useState(0);
  const empty = lines.length === 0;
  // A stuck group heading covers the top of the rows, too.
  const stuck = lines.some((line) => line.heading) ? headingHeight : 0;
  useLayoutEffect(() => {
    const el = scroller();
    const measure = () => {
      if (!el || !head.current) return;
      const top = Math.round(head.current.getBoundingClientRect().bottom - el.getBoundingClientRect().top + el.scrollTop);
      setMargin(top);
      // The browser's own scrolling (Tab to a row) clears the sticky part too.
      el.style.scrollPaddingTop = `${top + stuck}px`;
    };
    measure();
    const observer = new ResizeObserver(measure);
    const sticky = head.current?.closest('.pl-table-wrap')?.previousElementSibling;
    if (sticky) observer.observe(sticky);
    if (head.current) observer.observe(head.current);
    return () => {
      observer.disconnect();
      if (el) el.style.scrollPaddingTop = '';
    };
  }, [empty, scroller, stuck]);

  // Per line, the index of its group's heading (-1 when the group has none).
  const headingOf = useMemo(() => {
    const out: number[] = [];
    let heading = -1;
    lines.forEach((line, i) => {
      if (line.heading) heading = i;
      else if (i > 0 && lines[i - 1]?.group !== line.group) heading = -1;
      out.push(heading);
    });
    return out;
  }, [lines]);

  // Besides the lines in and near view: the heading of the first one's group, and the focused line.
  const [focused, setFocused] = useState<number | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const extra = [headingOf[range.startIndex] ?? -1, focused ?? -1].filter((i) => i >= 0 && i < range.count && !indexes.includes(i));
      return extra.length === 0 ? indexes : [...new Set([...indexes, ...extra])].sort((a, b) => a - b);
    },
    [focused, headingOf],
  );
  const estimateSize = useCallback((i: number) => (lines[i]?.heading ? headingHeight : rowHeight), [lines, headingHeight, rowHeight]);
  const getItemKey = useCallback((i: number) => lines[i]?.key ?? i, [lines]);
  // The app is not built with the React Compiler; the rule only says this hook would not be compiled.
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
    scrollPaddingStart: margin + stuck,
  });

  /** Bring line `index` into view (it may not be in the page yet). */
  const scrollTo = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }), [virtualizer]);

  // Moving the focus to a row that may not be in the page yet: the focused line is always rendered (see
  // `rangeExtractor`), so it is there after the next render; it is brought into view and focused then.
  const [focusTo, setFocusTo] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (focusTo === null) return;
    root.current?.querySelector<HTMLElement>(`tr[data-index="${focusTo}"]`)?.focus({ preventScroll: true });
    setFocusTo(null);
  }, [focusTo]);

  /** The row the arrow keys, Page Up/Down, Home and End lead to from line `from` (null: not such a key). */
  const stepTo = (from: number, key: string): number | null => {
    const row = (i: number, dir: 1 | -1): number => {
      for (let j = i; j >= 0 && j < lines.length; j += dir) if (lines[j]?.heading === false) return j;
      return from;
    };
    // About the rows in view below the sticky bar and headings.
    const page = Math.max(1, Math.floor(((scroller()?.clientHeight ?? 0) - margin) / rowHeight));
    switch (key) {
      case 'ArrowDown':
        return row(from + 1, 1);
      case 'ArrowUp':
        return row(from - 1, -1);
      case 'PageDown':
        return row(Math.min(lines.length - 1, from + page), 1);
      case 'PageUp':
        return row(Math.max(0, from - page), -1);
      case 'Home':
        return row(0, 1);
      case 'End':
        return row(lines.length - 1, -1);
      default:
        return null;
    }
  };

  /** Props of the row element of line `index`, with its key handling for moving between rows. */
  const rowProps = (index: number) => ({
    'data-index': index,
    ref: virtualizer.measureElement,
    'aria-rowindex': index + 2,
    onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
      const target = stepTo(index, e.key);
      if (target === null) return;
      e.preventDefault();
      setFocused(target);
      setFocusTo(target);
      scrollTo(target);
    },
  });

  const tableProps = {
    'aria-rowcount': lines.length + 1,
    // Where group headings stick (see panels.css).
    style: { '--pl-rows-top': `${margin}px` } as CSSProperties,
    onFocus: (e: FocusEvent<HTMLTableElement>) => {
      const index = Number((e.target as HTMLElement).closest('tr')?.dataset.index);
      setFocused(Number.isInteger(index) ? index : null);
    },
    onBlur: (e: FocusEvent<HTMLTableElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
    },
  };

  /**
   * The `<tbody>` elements of the lines in and near view, each line drawn by `render`. Bodies are keyed by
   * group, so that scrolling keeps them, and their rows, mounted: a row moved to another body would be a
   * new element, and the focused one would lose the focus.
   */
  const bodies = (render: (index: number) => ReactNode): ReactNode[] => {
    const out: ReactNode[] = [];
    let run = null as { key: string; rows: ReactNode[] } | null;
    let end = margin;
    for (const v of virtualizer.getVirtualItems()) {
      const key = `group:${(lines[v.index] as VirtualLine).group}`;
      if (run?.key !== key) {
        if (run) out.push(<tbody key={run.key}>{run.rows}</tbody>);
        run = { key, rows: [] };
      }
      if (v.start > end) run.rows.push(<Spacer key={`gap:${v.index}`} height={v.start - end} columns={columns} />);
      run.rows.push(render(v.index));
      end = v.end;
    }
    const rest = virtualizer.getTotalSize() + margin - end;
    if (run) {
      if (rest > 0) run.rows.push(<Spacer key="rest" height={rest} columns={columns} />);
      out.push(<tbody key={run.key}>{run.rows}</tbody>);
    } else if (rest > 0) {
      out.push(
        <tbody key="rest">
          <Spacer height={rest} columns={columns} />
        </tbody>,
      );
    }
    return out;
  };

  return { root, head, tableProps, rowProps, bodies, scrollTo };
}

/** Stands for the rows above or below the rendered ones, so that the scrollbar keeps the whole table's length. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className="pl-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}
