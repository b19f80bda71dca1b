import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

/**
 * A modal built on <dialog>: the browser traps focus and keeps the page behind inert.
 * Escape asks the owner to close (onClose) instead of closing behind React's back.
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

  useEffect(() => {
    const dialog = ref.current;
    unmounting.current = false;
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      unmounting.current = true;
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
        e.preventDefault();
        onCloseRef.current();
      }}
      onClose={() => {
        // The browser may close a modal on its own (repeated Escape): keep React in step.
        if (!unmounting.current && !ref.current?.open) onCloseRef.current();
      }}
    >
      {children}
    </dialog>
  );
}
