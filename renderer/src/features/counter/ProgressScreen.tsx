import { printableName } from '../../../../shared/plan-names';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../shared/domain';
import { ERROR_CODES } from '../../../../shared/result';
import { newSale } from './saleFlow';
import { cancelSale, sendSaleNow } from '../pending-sales/salesActions';
import { useFormat } from '../../ui/useFormat';
import { useNow } from '../../ui/useNow';
import { canCancel, canSendNow, hasReceipt, isPending, secondsSince, undeliveredCount, hasFailureSlip } from '../pending-sales/saleStates';
import { useFlowStore } from './saleFlowStore';
import { useSalesStore } from '../pending-sales/salesStore';
import { useSettingsStore } from '../settings/settingsStore';
import { printsHandsFree } from '../receipts/printing';
import { ErrorNote } from '../../ui/ErrorNote';
import { ReceiptPanel } from '../receipts/ReceiptPanel';
import { isQueuedRecharge, TopUpNumber, TopUpOutcome } from '../top-ups/TopUpOutcome';

/** When the current phase started: PLACED counts from the order, the rest from the sale. */
function phaseStart(sale: Sale): string {
  if (sale.state === 'PLACED') return sale.placedAt ?? sale.sentAt ?? sale.createdAt;
  if (sale.state === 'UNKNOWN' || sale.state === 'SENDING') return sale.sentAt ?? sale.createdAt;
  return sale.createdAt;
}

export function useReasonText(): (sale: Sale) => string {
  const { t } = useTranslation();
  return (sale) => {
    const code = sale.reason?.code ?? '';
    if ((ERROR_CODES as readonly string[]).includes(code)) return t(`errors.${code}`);
    return sale.reason?.message ?? '';
  };
}

/** The outcome sentence the cashier must act on (money to give back, reason of a refusal). */
export function SaleOutcome({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const f = useFormat();
  const reason = useReasonText();
  switch (sale.state) {
    case 'PARTIALLY_FILLED': {
      const n = undeliveredCount(sale);
      return <p className="outcome refund">{t('progress.partial', { count: n, n: f.int(n), amount: f.money(sale.refundDueC) })}</p>;
    }
    case 'REFUNDED':
      return <p className="outcome refund">{t('progress.refunded', { amount: f.money(sale.refundDueC || sale.totalRetailC) })}</p>;
    case 'REJECTED':
      return <p className="outcome">{t('progress.rejected', { reason: reason(sale) })}</p>;
    case 'CANCELLED':
      return <p className="outcome">{t('progress.cancelled')}</p>;
    default:
      return null;
  }
}

/** Printed: back to the grid, unless the cashier already moved on to another sale meanwhile. */
function backToGridAfter(saleId: number): void {
  const flow = useFlowStore.getState();
  if (flow.step === 'progress' && flow.saleId === saleId) newSale();
}

export function ProgressScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const saleId = useFlowStore((s) => s.saleId);
  const sale = useSalesStore((s) => (saleId === null ? undefined : s.byId[saleId]));
  const busy = useSalesStore((s) => (saleId === null ? false : !!s.busy[saleId]));
  const actionError = useSalesStore((s) => (s.actionError && s.actionError.saleId === saleId ? s.actionError.error : null));
  const pending = sale ? isPending(sale.state) : false;
  const now = useNow(pending);
  const statusRef = useRef<HTMLDivElement>(null);
  // The pending slip is fetched only when asked for.
  const [showSlip, setShowSlip] = useState(false);
  // A named printer: a sale delivered in full prints by itself and the grid comes back. Anything
  // the cashier must act on (money to give back, a refusal) stays on screen as before.
  const handsFree = useSettingsStore((s) => printsHandsFree(s.settings));

  // Focus the status, not a button: a stray Enter after confirming must do nothing.
  useEffect(() => statusRef.current?.focus(), []);

  if (saleId === null || !sale) return null;
  const elapsed = secondsSince(phaseStart(sale), now);
  const hint = t(`progress.hint.${sale.state}`, { defaultValue: '' });

  return (
    <section className="screen progress-screen" aria-labelledby="progress-heading">
      <div className="screen-head">
        <h2 id="progress-heading">{t('progress.heading', { id: f.int(sale.id) })}</h2>
        <button type="button" className="btn primary big" onClick={newSale}>
          {t('progress.newSale')}
        </button>
      </div>
      <p className="lead">
        {sale.productTitle} · {t('progress.summary', { type: printableName(sale.typeName), n: f.int(sale.quantity), amount: f.money(sale.totalRetailC) })}
      </p>
      <TopUpNumber sale={sale} />
      <div ref={statusRef} tabIndex={-1} role="status" aria-labelledby="progress-heading progress-state" className={`progress-status state-${sale.state}`}>
        {pending && <span className="spinner" aria-hidden="true" />}
        <strong id="progress-state">{t(`progress.state.${sale.state}`)}</strong>
        {pending && (
          <span className="elapsed" aria-hidden="true">
            {' '}
            — {t('progress.elapsed', { time: f.seconds(elapsed) })}
          </span>
        )}
        <SaleOutcome sale={sale} />
        <TopUpOutcome sale={sale} />
      </div>
      {hint && <p className="hint">{hint}</p>}
      {actionError && <ErrorNote error={actionError} compact />}
      {(canCancel(sale.state) || canSendNow(sale.state) || sale.state === 'QUEUED') && (
        <div className="row-actions">
          {sale.state === 'QUEUED' && (
            <button type="button" className="btn" onClick={() => setShowSlip(true)}>
              {t('progress.pendingSlip')}
            </button>
          )}
          {canSendNow(sale.state) && (
            <button type="button" className="btn" disabled={busy} onClick={() => void sendSaleNow(sale.id)}>
              {t('tray.sendNow')}
            </button>
          )}
          {canCancel(sale.state) && (
            <button type="button" className="btn danger" disabled={busy} onClick={() => void cancelSale(sale.id)}>
              {t('tray.cancel')}
            </button>
          )}
        </div>
      )}
      {(hasReceipt(sale.state) || hasFailureSlip(sale.state) || (showSlip && sale.state === 'QUEUED') || isQueuedRecharge(sale)) && (
        <ReceiptPanel
          key={`${sale.id}-${sale.state}`}
          saleId={sale.id}
          autoPrint={hasReceipt(sale.state)}
          onHandsFreePrinted={handsFree && sale.state === 'FULFILLED' ? () => backToGridAfter(sale.id) : undefined}
        />
      )}
    </section>
  );
}
