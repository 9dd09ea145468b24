/**
 * Plan files: save as `<name>.portolan.json` (pretty JSON, so it diffs well in Git) and open by picker or
 * drop. Opened files go through the same door as links (`parsePlanText`) and the same choice dialog.
 */
import { MAX_PLAN_TEXT_BYTES, parsePlanText } from '../../core/schema/index.ts';
import { fileNameFor, withoutView } from '../library/plans.ts';
import { receive } from '../share/incoming.ts';
import { useAppStore } from '../store/index.ts';

/** The hidden `<input type="file">` rendered by `FilesHost`. */
export const fileInput: { current: HTMLInputElement | null } = { current: null };

/** The plan as a file's text. The view is left out: it belongs to one screen, not to the plan. */
export function planFileText(): string {
  return `${JSON.stringify(withoutView(useAppStore.getState().plan), null, 2)}\n`;
}

export function savePlanFile(): void {
  const { plan } = useAppStore.getState();
  const name = fileNameFor(plan);
  const url = URL.createObjectURL(new Blob([planFileText()], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  useAppStore.getState().toast(`Saved the plan as "${name}" (in your downloads).`, 'success');
}

export function pickPlanFile(): void {
  fileInput.current?.click();
}

export async function openPlanFile(file: File): Promise<void> {
  const source = { kind: 'file' as const, fileName: file.name };
  if (file.size > MAX_PLAN_TEXT_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    await receive({ ok: false, error: { kind: 'too-large', message: `The file is too large to be a plan (${mb(file.size)} MB; the limit is ${mb(MAX_PLAN_TEXT_BYTES)} MB).`, issues: [] } }, source);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    await receive({ ok: false, error: { kind: 'not-json', message: `The file could not be read (${e instanceof Error ? e.message : String(e)}).`, issues: [] } }, source);
    return;
  }
  await receive(parsePlanText(text), source);
}
