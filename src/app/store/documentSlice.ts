/** The document slice: the plan, the only thing undo/redo and persistence care about. */
import type { Plan } from '../../core/schema/index.ts';
import type { GetState, SetState } from './types.ts';

export interface DocumentSlice {
  plan: Plan;
  /** Replace the plan with the result of a pure operation (see `planOps.ts`); a no-op when unchanged. */
  editPlan: (op: (plan: Plan) => Plan) => void;
  /** Open another plan (New plan, example). One undo step, like any edit. */
  replacePlan: (plan: Plan) => void;
}

export function createDocumentSlice(initial: Plan) {
  return (set: SetState, get: GetState): DocumentSlice => ({
    plan: initial,
    editPlan: (op) => {
      const current = get().plan;
      const next = op(current);
      if (next !== current) set({ plan: next });
    },
    replacePlan: (plan) => set({ plan, selection: [], edgeSelection: [], highlight: null }),
  });
}
