/**
 * The palette: every preset from the catalog, grouped. Drag an item onto the canvas (HTML5 drag and drop),
 * or click it / press Enter on it to add it in the middle of the visible canvas.
 */
import { useMemo, useState } from 'react';
import type { DragEvent } from 'react';
import { KIND_INFO, PALETTE, PALETTE_GROUPS } from '../../core/catalog/kinds.ts';
import type { PaletteItem } from '../../core/catalog/kinds.ts';
import { PALETTE_MIME } from '../canvas/dnd.ts';
import { Icon, UiIcon } from '../canvas/icons.tsx';
import { addPaletteItem } from '../commands.ts';

function onDragStart(event: DragEvent, item: PaletteItem) {
  event.dataTransfer.setData(PALETTE_MIME, item.id);
  event.dataTransfer.setData('text/plain', item.label);
  event.dataTransfer.effectAllowed = 'copy';
}

export function Palette() {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const match = (p: PaletteItem) => q === '' || p.label.toLowerCase().includes(q) || p.hint.toLowerCase().includes(q) || p.group.toLowerCase().includes(q);
    return PALETTE_GROUPS.map((group) => ({ group, items: PALETTE.filter((p) => p.group === group && match(p)) })).filter((g) => g.items.length > 0);
  }, [query]);

  return (
    <aside className="pl-palette" aria-label="Palette" data-testid="palette">
      <div className="pl-panel-title">Components</div>
      <label className="pl-search">
        <UiIcon name="search" size={14} />
        <input type="search" placeholder="Filter components" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Filter components" data-testid="palette.filter" />
      </label>
      <div className="pl-palette__scroll">
        {groups.length === 0 ? <p className="pl-empty">No component matches “{query}”.</p> : null}
        {groups.map(({ group, items }) => (
          <section key={group} className="pl-palette__group" aria-label={group}>
            <h3 className="pl-palette__heading">{group}</h3>
            <ul className="pl-palette__list">
              {items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className={`pl-palette__item pl-fam--${familyOf(item)}`}
                    draggable
                    onDragStart={(e) => onDragStart(e, item)}
                    onClick={() => addPaletteItem(item.id)}
                    data-testid={`palette.item.${item.id}`}
                    aria-label={`Add ${item.label}: ${item.hint}`}
                    title={item.hint}
                  >
                    <span className="pl-palette__icon">
                      <Icon name={item.icon} size={18} />
                    </span>
                    <span className="pl-palette__text">
                      <span className="pl-palette__label">{item.label}</span>
                      <span className="pl-palette__hint">{item.hint}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p className="pl-palette__tip">Drag onto the canvas, or click / press Enter to add.</p>
    </aside>
  );
}

/** The CSS accent family of a palette item (nodes: their kind's family; zones and clusters: network). */
function familyOf(item: PaletteItem): string {
  switch (item.target.type) {
    case 'node':
      return KIND_INFO[item.target.kind].family;
    case 'zone':
      return 'zone';
    case 'leaf-cluster':
      return 'control-plane';
  }
}

