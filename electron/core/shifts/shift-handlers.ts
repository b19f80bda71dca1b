import type { CommandHandlers } from '../../../shared/contract';
import type { SessionManager } from '../staff/session';
import type { StaffRepo } from '../staff/staff-repo';
import type { ShiftService } from './shift-service';

export interface ShiftHandlerDeps {
  session: SessionManager;
  staff: Pick<StaffRepo, 'get'>;
  shifts: ShiftService;
  /** Training sales count in the drawer only while the till trains. */
  training: () => boolean;
}

type ShiftCommands = 'shift:current' | 'shift:open' | 'shift:count' | 'shift:close';

/**
 * The till's shift over the contract. The count is blind by construction: nothing here answers
 * the expected cash before shift:count has recorded what the counter typed.
 */
export function shiftHandlers(s: ShiftHandlerDeps): Pick<CommandHandlers, ShiftCommands> {
  const includeTraining = s.training;
  const me = () => s.session.require('cashier');
  const nameOf = (id: number) => s.staff.get(id)?.name ?? `#${id}`;
  return {
    'shift:current': async () => {
      s.session.require('cashier', { touch: false });
      const shift = s.shifts.current();
      return shift ? s.shifts.status(shift, nameOf(shift.cashier_id), includeTraining()) : null;
    },
    'shift:open': async ({ openingCashC }) => {
      const who = me();
      const shift = s.shifts.open({ id: who.id, name: who.name }, openingCashC);
      return s.shifts.status(shift, who.name, includeTraining());
    },
    'shift:count': async ({ countedCashC }) => {
      const who = me();
      return s.shifts.count({ id: who.id, name: who.name }, countedCashC, includeTraining());
    },
    'shift:close': async ({ countedCashC }) => {
      const who = me();
      const open = s.shifts.current();
      return s.shifts.close({ id: who.id, name: who.name }, countedCashC, open ? nameOf(open.cashier_id) : who.name, includeTraining());
    },
  };
}
