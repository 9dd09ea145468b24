/**
 * A modal built on <dialog>: focus trapping, Escape and the backdrop come from the browser. showModal()
 * focuses the first control (the Close button) unless a child asks for the focus with `data-autofocus`.
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { UiIcon } from '../canvas/icons.tsx';

export function Dialog({ open, title, onClose, children, testId, wide, className }: { open: boolean; title: string; onClose: () => void; children: ReactNode; testId: string; wide?: boolean; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      el.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`pl-dialog${wide ? ' pl-dialog--wide' : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={`${testId}-title`}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) onClose(); // click on the backdrop
      }}
      data-testid={testId}
    >
      <div className="pl-dialog__inner">
        <header className="pl-dialog__header">
          <h2 id={`${testId}-title`}>{title}</h2>
          <button type="button" className="pl-icon-btn" onClick={onClose} aria-label="Close">
            <UiIcon name="close" />
          </button>
        </header>
        {open ? children : null}
      </div>
    </dialog>
  );
}
