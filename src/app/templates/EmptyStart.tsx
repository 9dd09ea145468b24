/** Ways to start shown on an empty canvas, under the canvas' own hint: a template, a file, an import. */
import { pickPlanFile } from '../files/files.ts';
import { TravelIcon } from '../share/icons.tsx';
import { useAppStore } from '../store/index.ts';

export function EmptyStart() {
  const empty = useAppStore((s) => s.plan.nodes.length === 0 && s.plan.zones.length === 0);
  if (!empty) return null;
  const open = useAppStore.getState().openDialog;
  return (
    <div className="pl-start" data-testid="empty.start">
      <button type="button" className="pl-btn pl-btn--primary" onClick={() => open('templates')} data-testid="empty.templates">
        <TravelIcon name="templates" /> Start from a template
      </button>
      <button type="button" className="pl-btn" onClick={pickPlanFile} data-testid="empty.open-file">
        <TravelIcon name="open" /> Open a file
      </button>
      <button type="button" className="pl-btn" onClick={() => open('import')} data-testid="empty.import">
        <TravelIcon name="import" /> Import…
      </button>
    </div>
  );
}
