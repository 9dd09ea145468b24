/** The Trace tab's two questions: "how does this client reach that target" and "what breaks if I close X". */
import { useExplain } from './state.ts';
import type { TraceMode } from './state.ts';

const MODES: readonly [TraceMode, string][] = [
  ['trace', 'Trace a path'],
  ['breaks', 'What breaks'],
];

export function ModeSwitch() {
  const mode = useExplain((s) => s.mode);
  return (
    <div className="pl-segmented" role="radiogroup" aria-label="Question">
      {MODES.map(([m, label]) => (
        <button key={m} type="button" role="radio" aria-checked={mode === m} className={mode === m ? 'is-on' : ''} onClick={() => useExplain.setState({ mode: m })} data-testid={`explain.mode.${m}`}>
          {label}
        </button>
      ))}
    </div>
  );
}
