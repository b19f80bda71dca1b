import type { SimProductLine } from './product-lines/product-line';
import type { SimulatorBaseOptions } from './types';

/**
 * How a simulator is started. Apart from types.ts because product lines know the routes, which
 * know the state, which knows the types: kept in types.ts, they closed a loop of imports.
 */
export interface SimulatorOptions extends SimulatorBaseOptions {
  /** Product lines spoken beside the built-in gift cards, mobile top-ups and internet (a test's toy line). */
  productLines?: readonly SimProductLine[];
}
