/**
 * Find a node or zone by name, id, kind, zone or address (Ctrl+K or /): type, move with the arrow keys,
 * Enter selects it and brings it into view. A combobox over a listbox, as screen readers expect.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { KIND_INFO } from '../../core/catalog/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import { focusNodes } from '../commands.ts';
import { useAppStore } from '../store/index.ts';
import { UiIcon } from '../canvas/icons.tsx';
import { Dialog } from './Dialog.tsx';

/** Results shown at once: typing narrows the rest. */
const SHOWN = 50;

interface Item {
  id: string;
  name: string;
  /** What it is, and where: `Proxy Service · DMZ`. */
  detail: string;
  /** Lower-case text the query is matched against. */
  text: string;
}

function itemsOf(plan: Plan): Item[] {
  const zoneName = new Map(plan.zones.map((z) => [z.id, z.name]));
  const zones = plan.zones.map((z) => ({ id: z.id, name: z.name, detail: `Zone · ${z.cidrs.join(', ') || 'no CIDR'}`, text: [z.id, z.name, 'zone', z.kind, ...z.cidrs].join(' ').toLowerCase() }));
  const nodes = plan.nodes.map((n) => {
    const kind = KIND_INFO[n.kind].label;
    const where = n.zone === undefined ? 'no zone' : (zoneName.get(n.zone) ?? n.zone);
    return { id: n.id, name: n.name, detail: `${kind} · ${where}`, text: [n.id, n.name, kind, where, ...n.addresses].join(' ').toLowerCase() };
  });
  return [...nodes, ...zones];
}

/** Items whose text holds every word of the query, names that start with it first. */
function search(items: readonly Item[], query: string): Item[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...items].sort((a, b) => a.name.localeCompare(b.name));
  const first = words[0] ?? '';
  return items
    .filter((i) => words.every((w) => i.text.includes(w)))
    .sort((a, b) => Number(!a.name.toLowerCase().startsWith(first)) - Number(!b.name.toLowerCase().startsWith(first)) || a.name.localeCompare(b.name));
}

function FindBody({ onClose }: { onClose: () => void }) {
  const plan = useAppStore((s) => s.plan);
  const items = useMemo(() => itemsOf(plan), [plan]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const found = useMemo(() => search(items, query), [items, query]);
  const shown = found.slice(0, SHOWN);
  const current = Math.min(active, Math.max(0, shown.length - 1));
  const choose = (item: Item | undefined) => {
    if (!item) return;
    onClose();
    useAppStore.getState().select([item.id]);
    focusNodes([item.id]);
    // Keyboard focus follows: on the node (arrows move it, Delete removes it) once the dialog has let go.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(item.id)}"]`)?.focus());
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + shown.length) % Math.max(1, shown.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(shown[current]);
    }
  };
  const input = useRef<HTMLInputElement>(null);
  // showModal() focuses the dialog's first control (its Close button) after this mounts: take it back.
  useEffect(() => {
    const frame = requestAnimationFrame(() => input.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const optionId = (i: number) => `find-option-${i}`;
  // The active match stays in view as the arrows move through a long list.
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  return (
    <div className="pl-find">
      <label className="pl-search">
        <UiIcon name="search" size={14} />
        {/* Not type=search: there Escape would clear the text instead of closing the dialog. */}
        <input
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls="find-results"
          aria-activedescendant={shown.length > 0 ? optionId(current) : undefined}
          aria-label="Find a node or zone"
          placeholder="Name, id, kind, zone or address"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKey}
          ref={input}
          data-testid="find.input"
        />
      </label>
      <ul id="find-results" className="pl-find__list" role="listbox" aria-label="Matches">
        {shown.map((item, i) => (
          <li key={item.id} id={optionId(i)} role="option" aria-selected={i === current} className={i === current ? 'is-active' : ''} onMouseMove={() => setActive(i)} onClick={() => choose(item)} data-testid="find.option">
            <span className="pl-find__name">{item.name}</span>
            <span className="pl-muted">{item.detail}</span>
          </li>
        ))}
      </ul>
      <p className="pl-muted pl-find__status" role="status" data-testid="find.status">
        {found.length === 0 ? 'Nothing in the plan matches.' : found.length > SHOWN ? `${SHOWN} of ${found.length}: type more to narrow.` : `${found.length} match${found.length === 1 ? '' : 'es'}. Enter selects, arrows move.`}
      </p>
    </div>
  );
}

export function FindDialog() {
  const open = useAppStore((s) => s.dialog === 'find');
  const close = () => useAppStore.getState().openDialog(null);
  return (
    <Dialog open={open} title="Find a node or zone" onClose={close} testId="dialog.find" wide>
      <FindBody onClose={close} />
    </Dialog>
  );
}
