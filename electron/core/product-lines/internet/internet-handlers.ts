import type { CommandHandlers } from '../../../../shared/contract';
import type { OneClickDzClient } from '../../provider/client';
import type { Reach } from '../../provider/reach';
import { checkInternetNumber } from './internet-line';

/** The internet line's own command: the line's number checked with the provider while the customer is at the counter. */
export function internetHandlers(d: { client: () => OneClickDzClient; reach: Reach }): Pick<CommandHandlers, 'internet:checkNumber'> {
  return {
    'internet:checkNumber': async ({ type, number }) => d.reach(() => checkInternetNumber(d.client(), type, number)),
  };
}
