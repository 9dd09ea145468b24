/**
 * `<dialog>` fires `close` asynchronously. When one of our dialogs is closed and opened again at once (a
 * second bad link right after the first), the stale `close` event arrives while it is open again and
 * must not close it. So the `onClose` handlers run only when the element really is closed.
 */
export function whenReallyClosed(testId: string, close: () => void): () => void {
  return () => {
    const el = document.querySelector<HTMLDialogElement>(`dialog[data-testid="${testId}"]`);
    if (el?.open) return;
    close();
  };
}
