/**
 * Plans arriving from outside (a share link, an opened or dropped file): the result of the parse door is
 * either shown as an error (nothing changes) or offered as "open as a new plan" / "replace the current plan".
 * Nothing arriving from outside ever overwrites the open plan without the user choosing.
 */
import { create } from 'zustand';
import type { ParseResult, Plan, PlanIssue } from '../../core/schema/index.ts';
import { canvasApi } from '../commands.ts';
import { openAsNew } from '../library/actions.ts';
import { samePlan, withoutView } from '../library/plans.ts';
import { libraryReady } from '../library/session.ts';
import { useAppStore } from '../store/index.ts';

export type IncomingSource = { kind: 'link' } | { kind: 'file'; fileName: string };

export interface IncomingState {
  pending: { source: IncomingSource; plan: Plan; notes: string[] } | null;
  error: { source: IncomingSource; message: string; issues: PlanIssue[] } | null;
}

export const useIncoming = create<IncomingState>(() => ({ pending: null, error: null }));

const app = () => useAppStore.getState();

/** Take the parse door's answer for something that arrived from outside. */
export async function receive(result: ParseResult, source: IncomingSource): Promise<void> {
  // The library decides which plan is open at start; compare with that one, not the provisional one.
  await libraryReady();
  if (!result.ok) {
    useIncoming.setState({ error: { source, message: result.error.message, issues: result.error.issues }, pending: null });
    app().openDialog('plan-error');
    return;
  }
  if (samePlan(result.plan, app().plan)) {
    if (source.kind === 'file') app().toast(`"${result.plan.name}" is already open: the file holds the same plan.`);
    return;
  }
  useIncoming.setState({ pending: { source, plan: withoutView(result.plan), notes: result.notes }, error: null });
  app().openDialog('incoming');
}

function close(name: 'incoming' | 'plan-error'): void {
  if (app().dialog === name) app().openDialog(null);
}

export async function acceptAsNew(): Promise<void> {
  const pending = useIncoming.getState().pending;
  close('incoming');
  useIncoming.setState({ pending: null });
  if (pending) await openAsNew(pending.plan);
}

export function acceptReplace(): void {
  const pending = useIncoming.getState().pending;
  close('incoming');
  useIncoming.setState({ pending: null });
  if (!pending) return;
  app().replacePlan(pending.plan);
  app().toast(`Replaced the current plan with "${pending.plan.name}". Undo (Ctrl+Z) brings the previous one back.`, 'success');
  setTimeout(() => canvasApi.current?.fitView(), 50);
}

export function dismissIncoming(): void {
  close('incoming');
  close('plan-error');
  useIncoming.setState({ pending: null, error: null });
}
