/**
 * What the Trace, Compare and Assertions tabs remember while the user moves between tabs: the chosen
 * client and target, the closure asked about, the plan compared with. Not part of the document (no undo,
 * not saved); the plan itself stays in the app store.
 */
import { create } from 'zustand';
import type { AccessTool, Closure } from '../../core/trace/index.ts';
import type { Plan } from '../../core/schema/index.ts';
import { useAppStore } from '../store/index.ts';

export type TraceMode = 'trace' | 'breaks';

/** The other plan of a comparison and which side of the change it is. */
export interface Comparison {
  other: Plan;
  /** Where it came from, in words ("file orders.portolan.json"). */
  label: string;
  /** The other plan is the state before the change (the current plan is the proposal), or after it. */
  otherIs: 'before' | 'after';
}

export interface ExplainState {
  mode: TraceMode;
  from: string;
  to: string;
  /** Empty: the tool follows from the target's kind. */
  tool: AccessTool | '';
  /** Trace the SSH leg through the Proxy (default) or through a Relay Service. */
  via: 'proxy' | 'relay';
  /** What "What breaks" closes; null until asked. */
  closure: Closure | null;
  comparison: Comparison | null;
  compareError: string | null;
}

export const useExplain = create<ExplainState>(() => ({
  mode: 'trace',
  from: '',
  to: '',
  tool: '',
  via: 'proxy',
  closure: null,
  comparison: null,
  compareError: null,
}));

/** Open the Trace tab on a path (from the inspector: "Trace from here" / "Trace to here"). */
export function showTrace(pick: { from?: string; to?: string; tool?: AccessTool; via?: 'proxy' | 'relay' }): void {
  useExplain.setState((s) => ({ mode: 'trace', from: pick.from ?? s.from, to: pick.to ?? s.to, tool: pick.tool ?? '', via: pick.via ?? s.via }));
  useAppStore.getState().setBottom('trace', true);
}

/** Open "What breaks" for a rule, a port or a link. */
export function showBreaks(closure: Closure): void {
  useExplain.setState({ mode: 'breaks', closure });
  useAppStore.getState().setBottom('trace', true);
}
