import { z } from 'zod';
import { ENDPOINTS, type EndpointName } from './constants';
import type { SimFaultSpec } from './types';

/**
 * Over JSON, `Infinity` cannot be written: JSON.stringify turns it into null, so the control
 * listener reads `times: null` (or the string "Infinity") as "for ever".
 */
const timesSchema = z.union([
  z.number().int().min(1),
  z.literal(Infinity),
  z.literal('Infinity').transform(() => Infinity),
  z.null().transform(() => Infinity),
]);

export const faultSpecSchema = z
  .object({
    endpoint: z.enum([...ENDPOINTS, '*']),
    kind: z.enum(['drop-before', 'drop-after', 'error-500-after', 'error-500', 'hang-after', 'delay', 'rate-limit', 'malformed']),
    line: z.enum(['gift-cards', 'mobile-topups', 'internet']).optional(),
    times: timesSchema.optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    retryAfterSec: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();

interface ArmedFault {
  spec: SimFaultSpec;
  remaining: number;
}

/** Faults fire in the order they were added; each is spent after `times` matching requests. */
export class FaultQueue {
  private faults: ArmedFault[] = [];

  add(input: SimFaultSpec): void {
    const spec = faultSpecSchema.parse(input) as SimFaultSpec;
    this.faults.push({ spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * Takes the first fault matching the endpoint (`null` for an unknown route matches only '*') and,
   * when the fault names a product line, the line of the route (`null`: the account's or none).
   */
  take(endpoint: EndpointName | null, line: string | null = null): SimFaultSpec | null {
    const index = this.faults.findIndex(
      (f) => (f.spec.endpoint === '*' || f.spec.endpoint === endpoint) && (f.spec.line === undefined || f.spec.line === line),
    );
    const armed = index >= 0 ? this.faults[index] : undefined;
    if (!armed) return null;
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.faults.splice(index, 1);
    return armed.spec;
  }
}
