import type { z } from 'zod';
import type { OneClickDzClient } from '../../provider/client';
import { ApiError } from '../../provider/errors';
import type { LineOrder } from '../product-line';
import { listAllTopUps } from './top-up-list';

/** A line's top-up lookups, bound to one client: what the counter, the recovery and reconciliation read. */
export interface TopUpReads {
  byId(id: string): Promise<LineOrder>;
  byRef(ref: string): Promise<LineOrder>;
  list(from: number, to: number, maxPages: number): Promise<LineOrder[]>;
}

/**
 * check-id, check-ref and list under `basePath` (`/v3/mobile`, `/v3/internet`): the same three
 * endpoints on both lines, each answer read with the line's schema and turned into a LineOrder by
 * `toLineOrder` (null when it has no id). `noun` names a top-up in errors ('top-up', 'recharge').
 */
export function topUpReads<S extends z.ZodType>(
  api: OneClickDzClient,
  line: { basePath: string; label: string; noun: string },
  schema: S,
  toLineOrder: (t: z.infer<S>, fallbackId: string) => LineOrder | null,
): TopUpReads {
  const mustRead = (raw: unknown, fallbackId: string): LineOrder => {
    const order = toLineOrder(api.parse(schema, raw, line.label), fallbackId);
    if (!order) throw new ApiError('bad_response', 'API_BAD_RESPONSE', `The provider sent a ${line.noun} without its id`);
    return order;
  };
  return {
    async byId(id) {
      return mustRead(await api.read(`${line.basePath}/check-id/${encodeURIComponent(id)}`), id);
    },
    async byRef(ref) {
      // Sandbox refs hold '+': always encoded (oneclickdz-topups.md §1.4).
      return mustRead(await api.read(`${line.basePath}/check-ref/${encodeURIComponent(ref)}`), '');
    },
    list(from, to, maxPages) {
      return listAllTopUps(api, `${line.basePath}/list`, from, to, maxPages, (raw) => {
        const p = schema.safeParse(raw);
        return p.success ? toLineOrder(p.data, '') : null;
      });
    },
  };
}
