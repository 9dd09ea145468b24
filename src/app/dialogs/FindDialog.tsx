/**
 * Find a node or zone by name, id, kind, zone or address (Ctrl+K or /): type, move with the arrow keys,
 * Enter selects it, brings it into view and puts keyboard focus on it. A combobox over a listbox, as
 * screen readers expect.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Plan } from '../../core/schema/index.ts';
import { kindLabel } from '../canvas/nodeText.ts';
import { UiIcon } from '../canvas/icons.tsx';
import { focusNodes } from '../commands.ts';
import { useAppStore } from '../store/index.ts';
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
    // The card's own words (`SSH agent`), and the addresses users type: a Proxy's public_addr too.
    const kind = kindLabel(n);
    const where = n.zone === undefined ? 'no zone' : (zoneName.get(n.zone) ?? n.zone);
    const extra = n.kind === 'proxy' ? n.publicAddr : [];
    return { id: n.id, name: n.name, detail: `${kind} · ${where}`, text: [n.id, n.name, kind, where, ...n.addresses, ...extra].join(' ').toLowerCase() };
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
  // The active match by id, so that a plan change (another tab saving) does not move it to another item.
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const found = useMemo(() => search(items, query), [items, query]);
  const shown = found.slice(0, SHOWN);
  const index = Math.max(0, shown.findIndex((item) => item.id === activeId));
  const idBase = useId();
  const optionId = (item: Item) => `${idBase}-${item.id}`;
  // Only the arrow keys scroll the list (hovering must not scroll it under the pointer).
  const scrollOnMove = useRef(false);
  useEffect(() => {
    if (!scrollOnMove.current) return;
    scrollOnMove.current = false;
    const item = shown[index];
    if (item) document.getElementById(optionId(item))?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
  const choose = (item: Item | undefined) => {
    if (!item) return;
    onClose();
    useAppStore.getState().select([item.id]);
    // Keyboard focus follows, on the node (arrows move it, Delete removes it) or the zone, once the dialog
    // has let go; without scrolling, so that the fit-in-view animation below is not cut short.
    requestAnimationFrame(() => {
      document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(item.id)}"]`)?.focus({ preventScroll: true });
      focusNodes([item.id]);
    });
  };
  const move = (to: number) => {
    const item = shown[(to + shown.length) % Math.max(1, shown.length)];
    scrollOnMove.current = true;
    setActiveId(item?.id);
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.nativeEvent.isComposing) return; // Enter ends an IME composition, it does not choose
    if (e.key === 'ArrowDown') move(index + 1);
    else if (e.key === 'ArrowUp') move(index - 1);
    else if (e.key === 'Enter') choose(shown[index]);
    else return;
    e.preventDefault();
  };
  const active = shown[index];
  return (
    <div className="pl-find">
      <label className="pl-search">
        <UiIcon name="search" size={14} />
        {/* Not type=search: there Escape would clear the text instead of closing the dialog. */}
        <input
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-autocomplete="list"
          aria-controls={`${idBase}-results`}
          aria-activedescendant={active ? optionId(active) : undefined}
          aria-label="Find a node or zone"
          placeholder="Name, id, kind, zone or address"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActiveId(undefined);
          }}
          onKeyDown={onKey}
          data-autofocus
          data-testid="find.input"
        />
      </label>
      <ul id={`${idBase}-results`} className="pl-find__list" role="listbox" aria-label="Matches">
        {shown.map((item, i) => (
          <li key={item.id} id={optionId(item)} role="option" aria-selected={i === index} className={i === index ? 'is-active' : ''} onMouseMove={() => setActiveId(item.id)} onClick={() => choose(item)} data-testid="find.option">
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
