import { useEffect, useRef, type RefObject } from 'react';
import { stepQuantity } from './saleFlow';
import { focusQuantity, QUANTITY_ID } from './focus';

const DIGIT = /^[0-9\u0660-\u0669\u06f0-\u06f9]$/;

/**
 * The confirmation's keys, for the whole dialog wherever the focus is (even on a button that a
 * tap has just disabled, when the focus falls back to the page): + / − and ArrowUp / ArrowDown
 * change the quantity, a digit goes to the quantity box, Enter confirms. Enter never does its
 * default, so a focused + is not pressed again by it. Escape is the dialog's own (cancel).
 */
export function useConfirmKeys({
  inside,
  skip,
  onConfirm,
}: {
  /** Any element of the dialog: the dialog is found from it. */
  inside: RefObject<HTMLElement | null>;
  /** A button whose own Enter still works (going back to the cards). */
  skip: RefObject<HTMLElement | null>;
  onConfirm: () => void;
}): void {
  const confirm = useRef(onConfirm);
  confirm.current = onConfirm;

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const dialog = inside.current?.closest('dialog');
      if (!dialog?.open) return;
      const target = e.target;
      const fallen = target === document.body || target === document.documentElement || target === window;
      // A dialog opened above this one keeps its keys.
      if (!fallen && !(target instanceof Node && dialog.contains(target))) return;

      if (e.key === 'Enter') {
        if (target === skip.current) return;
        e.preventDefault();
        if (!e.repeat) confirm.current(); // a held key is one press, not a sale per repeat
      } else if (e.key === '+' || e.key === 'ArrowUp' || e.key === 'PageUp') {
        e.preventDefault();
        stepQuantity(1);
      } else if (e.key === '-' || e.key === 'ArrowDown' || e.key === 'PageDown') {
        e.preventDefault();
        stepQuantity(-1);
      } else if (DIGIT.test(e.key) && !(target instanceof HTMLElement && target.id === QUANTITY_ID)) {
        focusQuantity(); // selected: the digit lands in the box and replaces the quantity
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [inside, skip]);
}
