import { useEffect } from 'react';
import { anyDialogOpen, isTypingTarget } from '../counter/focus';

const DIGIT = /^[0-9\u0660-\u0669\u06f0-\u06f9+]$/;

/**
 * A digit typed anywhere on a top-up screen lands in the number box (focus moves before the key's
 * default action), so the cashier never has to touch the box first.
 */
export function useDigitsToNumber(inputId: string): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || anyDialogOpen()) return;
      if (isTypingTarget(e.target) || !DIGIT.test(e.key)) return;
      document.getElementById(inputId)?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [inputId]);
}
