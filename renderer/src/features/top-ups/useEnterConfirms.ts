import { useEffect, useRef, type RefObject } from 'react';

/**
 * Enter confirms the read-back dialog wherever the focus is inside it (or fallen to the page after
 * a tap disabled a button), except on the "change" button whose own Enter goes back. A held key is
 * one press. Escape is the dialog's own (cancel).
 */
export function useEnterConfirms(inside: RefObject<HTMLElement | null>, skip: RefObject<HTMLElement | null>, onConfirm: () => void): void {
  const confirm = useRef(onConfirm);
  confirm.current = onConfirm;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const dialog = inside.current?.closest('dialog');
      if (!dialog?.open) return;
      const target = e.target;
      const fallen = target === document.body || target === document.documentElement || target === window;
      if (!fallen && !(target instanceof Node && dialog.contains(target))) return;
      if (target === skip.current) return;
      e.preventDefault();
      if (!e.repeat) confirm.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [inside, skip]);
}
