/** Toolbar buttons for plans that travel: the library, templates, files, import and share link. */
import { TravelIcon } from '../share/icons.tsx';
import { pickPlanFile, savePlanFile } from '../files/files.ts';
import { displayKey } from '../shortcuts.ts';
import { useAppStore } from '../store/index.ts';

export function TravelButtons() {
  const open = useAppStore.getState().openDialog;
  return (
    <>
      <button type="button" className="pl-btn" onClick={() => open('plans')} title="Plans kept in this browser" data-testid="toolbar.plans">
        <TravelIcon name="plans" /> Plans
      </button>
      <button type="button" className="pl-icon-btn" onClick={() => open('templates')} aria-label="Templates" title="Start from a template" data-testid="toolbar.templates">
        <TravelIcon name="templates" />
      </button>
      <button type="button" className="pl-icon-btn" onClick={pickPlanFile} aria-label="Open a file" title={`Open a plan file (${displayKey('Mod+O')})`} data-testid="toolbar.open-file">
        <TravelIcon name="open" />
      </button>
      <button type="button" className="pl-icon-btn" onClick={savePlanFile} aria-label="Save as a file" title={`Save the plan as a file (${displayKey('Mod+S')})`} data-testid="toolbar.save-file">
        <TravelIcon name="save" />
      </button>
      <button type="button" className="pl-icon-btn" onClick={() => open('import')} aria-label="Import from Teleport" title="Import a ping response or teleport.yaml" data-testid="toolbar.import">
        <TravelIcon name="import" />
      </button>
      <button type="button" className="pl-btn" onClick={() => open('share')} title="Copy a link that carries the whole plan" data-testid="toolbar.share">
        <TravelIcon name="link" /> Copy link
      </button>
    </>
  );
}
