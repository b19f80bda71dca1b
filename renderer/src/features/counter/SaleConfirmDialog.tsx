import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { multiply } from '../../../../shared/money';
import { blockers, confirmSale, goBack, selectedDenomination, sendableQuantity, typedQuantity } from './saleFlow';
import { useFormat } from '../../ui/useFormat';
import { useConfirmKeys } from './useConfirmKeys';
import { balanceAfter } from '../pending-sales/saleStates';
import { useFlowStore } from './saleFlowStore';
import { useSettingsStore } from '../settings/settingsStore';
import { useBalanceStore, useStatusStore } from '../status-bar/statusStore';
import { Dialog } from '../../ui/Dialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { QuantityField } from './QuantityField';

/** A number in the error details that looks like the new unit price (named …RetailC). */
function newPriceFrom(details: Record<string, unknown> | undefined): number | null {
  if (!details) return null;
  for (const [k, v] of Object.entries(details)) {
    if (k !== 'expectedUnitRetailC' && /RetailC$/.test(k) && Number.isInteger(v)) return v as number;
  }
  return null;
}

/**
 * The last step of a sale, opened straight from the card's button with one card: what is sold,
 * how many (changed here with − / + or typed), what to collect, and "Confirmer la vente".
 */
export function SaleConfirmDialog() {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useFlowStore((s) => s.productTitle);
  const confirm = useFlowStore((s) => s.confirm);
  // Re-read derived values whenever what they depend on changes.
  useFlowStore((s) => s.detail);
  useFlowStore((s) => s.quantityText);
  useSettingsStore((s) => s.settings.maxQuantityPerSale);
  const balance = useBalanceStore((s) => s.balance);
  useStatusStore((s) => s.appStatus);
  useStatusStore((s) => s.transport);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  // Set on the first activation, before React re-renders: a double click, a double Enter or a
  // touch bounce must not send two orders (there is no idempotency key at the provider).
  const sent = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(retryTimer.current), []);

  const d = selectedDenomination();
  const typed = typedQuantity();
  const blocks = blockers();
  const blocked = blocks.length > 0;
  const sending = confirm.status === 'sending';
  const canConfirm = !blocked && !sending && sendableQuantity() !== null;

  const onConfirm = () => {
    if (sent.current) return;
    // Read afresh: Enter may arrive before React has re-rendered after the last change.
    if (blockers().length > 0 || sendableQuantity() === null) return;
    sent.current = true;
    if (confirmRef.current) confirmRef.current.disabled = true;
    void confirmSale().then((ok) => {
      if (ok) return;
      // Nothing was sold. Let a deliberate new press retry, but not the tail of a bounce.
      retryTimer.current = setTimeout(() => {
        sent.current = false;
        if (confirmRef.current && !blockers().length && sendableQuantity() !== null) confirmRef.current.disabled = false;
      }, 800);
    });
  };

  useConfirmKeys({ inside: titleRef, skip: editRef, onConfirm });

  if (!d) return null;

  const after = balance && typed !== null && d.costC !== null ? balanceAfter(balance.balanceC, d.costC, typed) : null;
  const newPrice = confirm.error ? newPriceFrom(confirm.error.details) : null;

  return (
    <Dialog labelledBy="confirm-title" onClose={goBack} className="confirm-dialog" initialFocus={canConfirm ? confirmRef : editRef}>
      <h2 id="confirm-title" ref={titleRef}>
        {t('confirm.title')}
      </h2>
      <dl className="confirm-list">
        <dt>{t('confirm.product')}</dt>
        <dd>{title}</dd>
        <dt>{t('confirm.denomination')}</dt>
        <dd>{d.name}</dd>
      </dl>
      <QuantityField disabled={sending} />
      <dl className="confirm-list">
        <dt>{t('confirm.unitPrice')}</dt>
        <dd>{f.money(d.retailC)}</dd>
        <dt className="to-collect">{t('confirm.toCollect')}</dt>
        <dd className="to-collect" data-testid="to-collect" aria-live="polite">
          {typed === null ? '—' : f.money(multiply(d.retailC, typed))}
        </dd>
        {/* Without the cost (a cashier's screen) the balance after would give it away: not shown. */}
        {d.costC !== null && (
          <>
            <dt>{t('confirm.balanceAfter')}</dt>
            <dd className={after !== null && after < 0 ? 'negative' : undefined}>{after === null ? t('confirm.balanceUnknown') : f.money(after)}</dd>
          </>
        )}
      </dl>
      {blocked && (
        <div className="blocked" role="alert">
          <strong>{t('confirm.blocked')}</strong>
          <ul>
            {blocks.map((b) => (
              <li key={b.kind}>
                {b.kind === 'stock'
                  ? t('confirm.blockStock', { count: b.stock, n: f.int(b.stock) })
                  : b.kind === 'balance'
                    ? t('confirm.blockBalance', { amount: f.money(b.missingC) })
                    : b.kind === 'cannotSell'
                      ? b.reason
                        ? t('confirm.blockCannotSell', { reason: b.reason })
                        : t('confirm.blockCannotSellNoReason')
                      : t('confirm.blockTransport')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {confirm.error && <ErrorNote error={confirm.error} />}
      {newPrice !== null && <p className="warn-text">{t('confirm.newPrice', { amount: f.money(newPrice) })}</p>}
      <div className="dialog-actions">
        <button ref={editRef} type="button" className="btn big" disabled={sending} onClick={goBack}>
          {t('confirm.edit')}
        </button>
        <button
          ref={confirmRef}
          type="button"
          className="btn primary big"
          disabled={!canConfirm}
          aria-describedby={sending ? 'confirm-sending' : undefined}
          onClick={onConfirm}
        >
          {t('confirm.confirm')}
        </button>
      </div>
      {sending && (
        <p id="confirm-sending" className="muted center">
          {t('confirm.sending')}
        </p>
      )}
    </Dialog>
  );
}
