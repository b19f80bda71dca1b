import { useEffect } from 'react';
import { goBack } from './saleFlow';
import { setQuery } from '../catalog/catalogActions';
import { anyDialogOpen, focusDenominationAt, focusFirstDenomination, focusSearch, isTypingTarget } from './focus';
import { asciiDigits } from './quantity';
import { useCatalogStore } from '../catalog/catalogStore';
import { useFlowStore } from './saleFlowStore';

/**
 * Keys that work anywhere on a step, so a sale never needs the mouse:
 * grid: "/" or any letter goes to the search; denominations: arrows reach the buttons and
 * digit n picks the n-th card (Enter then opens the confirmation); everywhere: Escape goes back
 * one step. Dialogs handle their own keys (the <dialog> gets Escape as "cancel"); the
 * confirmation's quantity keys are in useConfirmKeys.
 */
export function useCounterKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (anyDialogOpen()) return;
      const step = useFlowStore.getState().step;
      const typing = isTypingTarget(e.target);

      if (e.key === 'Escape') {
        if (step === 'grid') {
          if (useCatalogStore.getState().query) {
            setQuery('');
            focusSearch();
          }
          return;
        }
        e.preventDefault();
        goBack();
        return;
      }

      if (step === 'grid' && !typing) {
        if (e.key === '/') {
          e.preventDefault();
          focusSearch(true);
        } else if (e.key.length === 1 && /\S/u.test(e.key)) {
          // Focus moves before the key's default action, so the letter lands in the search box.
          focusSearch();
        }
        return;
      }

      if (step === 'denominations' && !typing && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        if (!(e.target instanceof HTMLElement) || !e.target.classList.contains('denom')) {
          e.preventDefault();
          focusFirstDenomination();
        }
        return;
      }

      if (step === 'denominations' && !typing && /^[1-9]$/.test(asciiDigits(e.key))) {
        if (focusDenominationAt(Number(asciiDigits(e.key)))) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
