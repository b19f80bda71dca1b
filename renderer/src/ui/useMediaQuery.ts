import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, updated when the window is resized or turned. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Below 900 px (a tablet held upright) the tray has no room beside the products: it becomes a sheet. */
export const NARROW_QUERY = '(max-width: 900px)';
export const useNarrow = (): boolean => useMediaQuery(NARROW_QUERY);
