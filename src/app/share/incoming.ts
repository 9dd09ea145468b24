/**
 * Plans arriving from outside (a share link, an opened or dropped file): the result of the parse door is
 * either shown as an error (nothing changes) or offered as "open as a new plan" / "replace the current plan".
 * Nothing arriving from outside ever overwrites the open plan without the user choosing, with one
 * exception: a link opened over the untouched example or an untouched empty plan (a first-time
 * recipient) replaces it directly, as one undo step; neither holds any work, and both can be made again.
 */
import { create } from 'zustand';
import { examplePlan } from '../../core/examples/example-plan.ts';
import type { ParseResult, Plan, PlanIssue } from '../../core/schema/index.ts';
import { canvasApi } from '../commands.ts';
import { openAsNew } from '../library/actions.ts';
import { layOutIfUndrawn } from '../layout/undrawn.ts';
import { samePlan, withoutView } from '../library/plans.ts';
import { libraryReady } from '../library/session.ts';
import { useAppStore } from '../store/index.ts';
import { emptyPlan } from '../store/planOps.ts';

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
  const untouched = untouchedPlan(app().plan);
  // Notes (an upgraded old link) are shown in the dialog, so a plan with notes still asks.
  if (source.kind === 'link' && untouched !== undefined && result.notes.length === 0) {
    replaceWith(withoutView(result.plan), `Opened the shared plan "${result.plan.name}" in place of the ${untouched}. Undo (Ctrl+Z) brings it back.`);
    return;
  }
  useIncoming.setState({ pending: { source, plan: withoutView(result.plan), notes: result.notes }, error: null });
  app().openDialog('incoming');
}

/**
 * What the open plan is when it holds no work: the example or an empty plan exactly as Portolan makes
 * them (compared by content, so an edit that was undone still counts as untouched); otherwise undefined.
 */
export function untouchedPlan(plan: Plan): 'unchanged example' | 'empty plan' | undefined {
  if (samePlan(plan, examplePlan())) return 'unchanged example';
  if (samePlan(plan, emptyPlan())) return 'empty plan';
  return undefined;
}

function replaceWith(plan: Plan, message: string): void {
  app().replacePlan(plan);
  app().toast(message, 'success');
  setTimeout(() => canvasApi.current?.fitView(), 50);
  layOutIfUndrawn();
}

function close(name: 'incoming' | 'plan-error'): void {
  if (app().dialog === name) app().openDialog(null);
}

export async function acceptAsNew(): Promise<void> {
  const pending = useIncoming.getState().pending;
  close('incoming');
  useIncoming.setState({ pending: null });
  if (!pending) return;
  await openAsNew(pending.plan);
  layOutIfUndrawn();
}

export function acceptReplace(): void {
  const pending = useIncoming.getState().pending;
  close('incoming');
  useIncoming.setState({ pending: null });
  if (!pending) return;
  replaceWith(pending.plan, `Replaced the current plan with "${pending.plan.name}". Undo (Ctrl+Z) brings the previous one back.`);
}

export function dismissIncoming(): void {
  close('incoming');
  close('plan-error');
  useIncoming.setState({ pending: null, error: null });
}
