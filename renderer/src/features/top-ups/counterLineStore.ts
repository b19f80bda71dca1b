import { create } from 'zustand';

/** What the counter sells on screen: gift cards (as before), mobile top-ups, internet recharges. */
export const COUNTER_LINES = ['gift-cards', 'mobile-topups', 'internet'] as const;
export type CounterLine = (typeof COUNTER_LINES)[number];

export const useCounterLineStore = create<{ line: CounterLine }>()(() => ({ line: 'gift-cards' }));
