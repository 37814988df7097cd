// What every modal <dialog> of the client does the same way: open as a modal once rendered, and give the focus back
// to where it was when it closes.

/** A lit-html `ref` callback: opens the element as a modal once it is in the document (lit-html renders into a fragment first). */
export function showModal(element: Element | undefined): void {
  if (!(element instanceof HTMLDialogElement)) return;
  queueMicrotask(() => {
    if (element.isConnected && !element.open) element.showModal();
  });
}

/** Remembers what has the focus now (as a dialog opens); the returned function gives it back (as the dialog closes). */
export function focusReturn(): () => void {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return () => queueMicrotask(() => opener?.isConnected && opener.focus());
}
