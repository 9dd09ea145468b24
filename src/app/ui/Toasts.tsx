/** Status messages (refused links, deletions, load problems), announced to screen readers. */
import { useAppStore } from '../store/index.ts';
import { UiIcon } from '../canvas/icons.tsx';

export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  return (
    <div className="pl-toasts" role="status" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`pl-toast pl-toast--${t.tone}`} data-testid="toast">
          <span>{t.text}</span>
          <button type="button" className="pl-icon-btn" onClick={() => useAppStore.getState().dismissToast(t.id)} aria-label="Dismiss message">
            <UiIcon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
