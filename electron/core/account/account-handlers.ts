import type { CommandHandlers } from '../../../shared/contract';
import type { ActiveKey } from './active-key';
import type { AppStatusView } from './app-status';
import type { BalanceReader } from './balance';
import type { Reach } from '../provider/reach';

export interface AccountHandlerDeps {
  status: AppStatusView;
  balance: BalanceReader;
  activeKey: Pick<ActiveKey, 'setKey' | 'clearKey'>;
  reach: Reach;
}

/** The provider account the till sells with: its status, its balance, and setting or clearing its key. */
export function accountHandlers(s: AccountHandlerDeps): Pick<CommandHandlers, 'app:status' | 'account:balance' | 'apiKey:set' | 'apiKey:clear'> {
  return {
    'app:status': async () => s.status.status(),
    'account:balance': async ({ refresh }) => s.reach(() => s.balance.read(refresh ?? false)),
    'apiKey:set': async ({ key }) => {
      await s.activeKey.setKey(key);
      return s.status.status();
    },
    'apiKey:clear': async () => {
      await s.activeKey.clearKey();
      return s.status.status();
    },
  };
}
