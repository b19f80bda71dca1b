import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { isTopDialog, pushDialog, removeDialog } from './dialogStack';

/**
 * A modal built on <dialog>: the browser traps focus and keeps the page behind inert.
 * Escape asks the owner to close (onClose) instead of closing behind React's back, and only for
 * the dialog on top (dialogStack.ts): a sale's detail closes, the back office under it stays.
 */
export function Dialog({
  labelledBy,
  onClose,
  children,
  className,
  initialFocus,
}: {
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  initialFocus?: RefObject<HTMLElement | null>;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const unmounting = useRef(false);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  const entry = useRef<ReturnType<typeof pushDialog> | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    unmounting.current = false;
    if (dialog && !dialog.open) dialog.showModal();
    // Registered when shown, so the stack's order is the order the dialogs sit on screen.
    const mine = pushDialog(() => onCloseRef.current());
    entry.current = mine;
    initialFocus?.current?.focus();
    return () => {
      unmounting.current = true;
      removeDialog(mine);
      if (dialog?.open) dialog.close();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={labelledBy}
      aria-modal="true"
      onCancel={(e) => {
        // React passes a nested dialog's cancel on to the dialogs around it: only the top one acts.
        e.preventDefault();
        e.stopPropagation();
        if (e.target === ref.current && entry.current && isTopDialog(entry.current)) onCloseRef.current();
      }}
      onClose={(e) => {
        e.stopPropagation();
        // The browser may close a modal on its own (another close request): keep React in step.
        if (e.target === ref.current && !unmounting.current && !ref.current?.open) onCloseRef.current();
      }}
    >
      {children}
    </dialog>
  );
}

/**
 * A dialog with a title and a close button at its head, the focus on that button when it opens:
 * the back office, the settings, the till's shift, a sale's detail and a sale's receipt.
 * `stickyHead` keeps the head in view while a long dialog scrolls.
 */
export function TitledDialog({
  titleId,
  title,
  closeLabel,
  onClose,
  className,
  stickyHead,
  children,
}: {
  titleId: string;
  title: ReactNode;
  closeLabel: string;
  onClose: () => void;
  className?: string;
  stickyHead?: boolean;
  children: ReactNode;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog labelledBy={titleId} onClose={onClose} className={className} initialFocus={closeRef}>
      <div className={stickyHead ? 'screen-head sticky-head' : 'screen-head'}>
        <h2 id={titleId}>{title}</h2>
        <button ref={closeRef} type="button" className="btn" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
      {children}
    </Dialog>
  );
}
