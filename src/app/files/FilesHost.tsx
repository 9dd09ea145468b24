/**
 * Files on the keyboard and the canvas: Ctrl/⌘+S saves, Ctrl/⌘+O opens, and a file dropped on the canvas
 * opens. Palette drags are left to the canvas: only drags that carry `Files` are taken here.
 */
import { useEffect, useState } from 'react';
import { IS_MAC } from '../shortcuts.ts';
import { useAppStore } from '../store/index.ts';
import { fileInput, openPlanFile, pickPlanFile, savePlanFile } from './files.ts';

const CANVAS = '[data-testid="canvas"]';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

function overCanvas(event: DragEvent): boolean {
  return event.target instanceof Element && event.target.closest(CANVAS) !== null;
}

export function FilesHost() {
  const [dropping, setDropping] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = IS_MAC ? event.metaKey : event.ctrlKey;
      if (!mod || event.altKey || event.shiftKey || event.defaultPrevented) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        savePlanFile();
      } else if (key === 'o') {
        event.preventDefault();
        if (!useAppStore.getState().dialog) pickPlanFile();
      }
    };
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Never let the browser navigate away to a dropped file; accept the drop only on the canvas.
      event.preventDefault();
      const ok = overCanvas(event);
      if (event.dataTransfer) event.dataTransfer.dropEffect = ok ? 'copy' : 'none';
      setDropping(ok);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null || !(event.relatedTarget instanceof Element) || !event.relatedTarget.closest(CANVAS)) setDropping(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDropping(false);
      if (!overCanvas(event)) return;
      const file = event.dataTransfer?.files[0];
      if (file) void openPlanFile(file);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <>
      <input
        ref={(el) => {
          fileInput.current = el;
        }}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="files.input"
        aria-label="Open a plan file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // choosing the same file again must fire again
          if (file) void openPlanFile(file);
        }}
      />
      {dropping ? <DropHint /> : null}
    </>
  );
}

/** Drawn over the canvas while a file is dragged over it. */
function DropHint() {
  const [box] = useState<DOMRect | null>(() => document.querySelector(CANVAS)?.getBoundingClientRect() ?? null);
  if (!box) return null;
  return (
    <div className="pl-drop-hint" style={{ position: 'fixed', left: box.left + 10, top: box.top + 10, width: box.width - 20, height: box.height - 20, inset: 'auto' }} data-testid="files.drop-hint">
      Drop a .portolan.json file to open it
    </div>
  );
}
