/** What a view that shows findings says before the checks are in: a moment after first paint, or for good when they failed to load. */
import { loadChecks } from '../store/derived.ts';
import type { ChecksState } from '../store/derived.ts';

interface Props {
  state: Exclude<ChecksState, 'ready'>;
  /** What is missing without them, for this view ("no findings are shown"). */
  without: string;
  className: string;
  testId: string;
}

export function ChecksPending({ state, without, className, testId }: Props) {
  if (state === 'loading') return <p className={className} role="status" data-testid={testId}>Checking the plan…</p>;
  return (
    <div className={className} role="alert" data-testid={testId}>
      <p>The checks could not be loaded, so {without}. The connection may be down, or Portolan was updated: retry, or reload the page.</p>
      <div className="pl-dialog__actions">
        <button type="button" className="pl-btn" onClick={() => void loadChecks()} data-testid="checks.retry">Retry</button>
        {/* A browser may keep a failed module load for the page's life: a reload always fetches again. */}
        <button type="button" className="pl-btn" onClick={() => location.reload()}>Reload the page</button>
      </div>
    </div>
  );
}
