import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { multiply } from '../../../shared/money';
import { blockers, confirmSale, currentQuantity, goBack, selectedDenomination } from '../actions/flow';
import { useFormat } from '../hooks/useFormat';
import { balanceAfter } from '../logic/sales';
import { useFlowStore } from '../stores/flow';
import { useBalanceStore, useStatusStore } from '../stores/status';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';

/** A number in the error details that looks like the new unit price (named …RetailC). */
function newPriceFrom(details: Record<string, unknown> | undefined): number | null {
  if (!details) return null;
  for (const [k, v] of Object.entries(details)) {
    if (k !== 'expectedUnitRetailC' && /RetailC$/.test(k) && Number.isInteger(v)) return v as number;
  }
  return null;
}

export function ConfirmDialog() {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useFlowStore((s) => s.productTitle);
  const confirm = useFlowStore((s) => s.confirm);
  useFlowStore((s) => s.detail);
  const balance = useBalanceStore((s) => s.balance);
  useStatusStore((s) => s.appStatus);
  useStatusStore((s) => s.transport);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  // Set on the first activation, before React re-renders: a double click, a double Enter or a
  // touch bounce must not send two orders (there is no idempotency key at the provider).
  const sent = useRef(false);

  const d = selectedDenomination();
  const { quantity } = currentQuantity();
  const blocks = blockers();
  const blocked = blocks.length > 0;
  const sending = confirm.status === 'sending';
  if (!d) return null;

  const total = multiply(d.retailC, quantity);
  const after = balance ? balanceAfter(balance.balanceC, d.costC, quantity) : null;
  const newPrice = confirm.error ? newPriceFrom(confirm.error.details) : null;

  const onConfirm = () => {
    if (sent.current) return;
    sent.current = true;
    if (confirmRef.current) confirmRef.current.disabled = true;
    void confirmSale().then((ok) => {
      if (ok) return;
      // Nothing was sold. Let a deliberate new press retry, but not the tail of a bounce.
      setTimeout(() => {
        sent.current = false;
        if (confirmRef.current && !blockers().length) confirmRef.current.disabled = false;
      }, 800);
    });
  };

  return (
    <Dialog labelledBy="confirm-title" onClose={goBack} className="confirm-dialog" initialFocus={blocked ? editRef : confirmRef}>
      <h2 id="confirm-title">{t('confirm.title')}</h2>
      <dl className="confirm-list">
        <dt>{t('confirm.product')}</dt>
        <dd>{title}</dd>
        <dt>{t('confirm.denomination')}</dt>
        <dd>{d.name}</dd>
        <dt>{t('confirm.quantity')}</dt>
        <dd>{f.int(quantity)}</dd>
        <dt>{t('confirm.unitPrice')}</dt>
        <dd>{f.money(d.retailC)}</dd>
        <dt className="to-collect">{t('confirm.toCollect')}</dt>
        <dd className="to-collect" data-testid="to-collect">
          {f.money(total)}
        </dd>
        <dt>{t('confirm.balanceAfter')}</dt>
        <dd className={after !== null && after < 0 ? 'negative' : undefined}>
          {after === null ? t('confirm.balanceUnknown') : f.money(after)}
        </dd>
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
          disabled={blocked || sending}
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
