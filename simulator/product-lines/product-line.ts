import type { Route } from '../route-kit';

/**
 * A product line as the simulator speaks it: the routes it adds to the provider's API (the
 * account's endpoints are shared). Gift cards are built in; tests register more (a toy line), and
 * the till's product line of the same id talks to these routes. One line never imports another.
 */
export interface SimProductLine {
  readonly id: string;
  readonly routes: readonly Route[];
}
