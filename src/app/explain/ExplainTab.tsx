/** The bottom panel's explain tabs (Trace, Compare, Assertions), one switch so the panel needs one line. */
import { AssertionsPanel } from './AssertionsPanel.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { TracePanel } from './TracePanel.tsx';

export type ExplainTabId = 'trace' | 'compare' | 'assertions';

export function ExplainTab({ tab }: { tab: ExplainTabId }) {
  switch (tab) {
    case 'trace':
      return <TracePanel />;
    case 'compare':
      return <ComparePanel />;
    case 'assertions':
      return <AssertionsPanel />;
  }
}
