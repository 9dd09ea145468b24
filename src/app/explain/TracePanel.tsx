/** The Trace tab: "Trace a path" or "What breaks". */
import './explain.css';
import { BreaksView } from './BreaksView.tsx';
import { useExplain } from './state.ts';
import { TraceView } from './TraceView.tsx';

export function TracePanel() {
  const mode = useExplain((s) => s.mode);
  return mode === 'trace' ? <TraceView /> : <BreaksView />;
}
