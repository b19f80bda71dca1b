import { useEffect, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseDenomination, goBack, reloadProduct, setShowCost } from './saleFlow';
import { focusDenomination } from './focus';
import { useFormat } from '../../ui/useFormat';
import { useFlowStore } from './saleFlowStore';
import { selectIsOwner, useSessionStore } from '../session/sessionStore';
import { SaleConfirmDialog } from './SaleConfirmDialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { PriceAge } from './PriceAge';

export function BackButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn back-btn" onClick={goBack}>
      <span aria-hidden="true" className="flip-rtl">
        ←{' '}
      </span>
      {t('common.back')}
    </button>
  );
}

/** Big buttons, one per card value, with live price and stock (catalog:product). */
export function DenominationScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useFlowStore((s) => s.productTitle);
  const detail = useFlowStore((s) => s.detail);
  const showCost = useFlowStore((s) => s.showCost);
  const isOwner = useSessionStore(selectIsOwner);
  const step = useFlowStore((s) => s.step);
  const value = detail.value;

  // On arrival the first card in stock has the focus; back from the confirmation, the card chosen.
  useEffect(() => {
    if (detail.status === 'ready' && step === 'denominations') focusDenomination(useFlowStore.getState().typeId);
  }, [detail.status, step]);

  // Arrow keys move between the enabled buttons (disabled ones are skipped by the browser too).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys = ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'];
    if (!keys.includes(e.key)) return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.denom:not(:disabled)')];
    if (buttons.length === 0) return;
    e.preventDefault();
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const rtl = document.documentElement.dir === 'rtl';
    const forward = e.key === 'ArrowDown' || e.key === (rtl ? 'ArrowLeft' : 'ArrowRight');
    const next = i < 0 ? 0 : (i + (forward ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
  };

  return (
    <section className="screen" aria-labelledby="denoms-heading">
      <div className="screen-head">
        <BackButton />
        <h2 id="denoms-heading">{title}</h2>
      </div>
      <div className="denoms-bar">
        <p className="lead">{t('denoms.choose')}</p>
        {/* Cost and margin are the owner's (the core sends no cost to a cashier either). */}
        {isOwner && (
          <label className="check">
            <input type="checkbox" checked={showCost} onChange={(e) => setShowCost(e.target.checked)} />
            {t('denoms.showCost')}
          </label>
        )}
      </div>
      {detail.status === 'loading' && !value && <p className="muted">{t('denoms.loading')}</p>}
      {detail.error && <ErrorNote error={detail.error} onRetry={() => void reloadProduct()} />}
      {value && (
        <p className={value.live ? 'small muted' : 'small warn-text'}>
          {value.live ? t('denoms.checkedAt', { time: f.time(value.checkedAt) }) : t('denoms.notLive', { time: f.dateTime(value.checkedAt) })}
        </p>
      )}
      <PriceAge detail={value} />
      {value && value.denominations.length === 0 && <p className="muted">{t('denoms.none')}</p>}
      {value && (
        <div className="denoms" onKeyDown={onKeyDown}>
          {value.denominations.map((d, i) => {
            const outOfStock = d.stock < 1;
            // The balance cannot pay even one card (catalog:product's balanceCap, the confirm check's rule).
            const noBalance = !outOfStock && d.balanceCap === 0;
            const out = outOfStock || noBalance;
            // Digits 1-9 pick the card at that place (useCounterKeys); the number is shown on it.
            const digit = i < 9 ? String(i + 1) : null;
            return (
              <button
                key={d.typeId}
                type="button"
                className="denom"
                disabled={out}
                data-type-id={d.typeId}
                aria-keyshortcuts={digit ?? undefined}
                onClick={() => chooseDenomination(d.typeId)}
              >
                {digit && (
                  <kbd className="denom-key" aria-hidden="true">
                    {digit}
                  </kbd>
                )}
                <span className="denom-name">{d.name}</span>
                <span className="denom-price">{f.money(d.retailC)}</span>
                <span className={out ? 'denom-stock out' : 'denom-stock'}>
                  {outOfStock ? t('denoms.outOfStock') : noBalance ? t('money.noBalance') : t('denoms.stock', { count: d.stock, n: f.int(d.stock) })}
                </span>
                {showCost && isOwner && d.costC !== null && (
                  <span className="denom-cost small">
                    {t('denoms.cost', { amount: f.money(d.costC) })} · {t('denoms.margin', { amount: f.money(d.retailC - d.costC) })}
                  </span>
                )}
              </button>
            );
          })}
        </div>
      )}
      {step === 'confirm' && <SaleConfirmDialog />}
    </section>
  );
}
