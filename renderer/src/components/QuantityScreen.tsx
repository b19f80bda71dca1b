import { useEffect, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  currentQuantity,
  openConfirm,
  quantityLimits,
  selectedDenomination,
  setQuantityText,
  stepQuantity,
} from '../actions/flow';
import { focusQuantity, QUANTITY_ID } from '../focus';
import { useFormat } from '../hooks/useFormat';
import { maxQuantity } from '../logic/quantity';
import { multiply } from '../../../shared/money';
import { useFlowStore } from '../stores/flow';
import { useSettingsStore } from '../stores/settings';
import { ConfirmDialog } from './ConfirmDialog';
import { BackButton } from './DenominationScreen';

export function QuantityScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const step = useFlowStore((s) => s.step);
  const title = useFlowStore((s) => s.productTitle);
  const text = useFlowStore((s) => s.quantityText);
  // Re-read derived values whenever what they depend on changes.
  useFlowStore((s) => s.detail);
  useSettingsStore((s) => s.settings.maxQuantityPerSale);
  const d = selectedDenomination();
  const { quantity, bound } = currentQuantity();
  const { max } = maxQuantity(quantityLimits(d));

  useEffect(() => {
    if (step === 'quantity') focusQuantity();
  }, [step]);

  if (!d) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === '+' || e.key === 'ArrowUp' || e.key === 'PageUp') {
      e.preventDefault();
      stepQuantity(1);
    } else if (e.key === '-' || e.key === 'ArrowDown' || e.key === 'PageDown') {
      e.preventDefault();
      stepQuantity(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      openConfirm();
    }
  };

  const boundText =
    bound === 'stock'
      ? t('qty.boundStock', { count: max, n: f.int(max) })
      : bound === 'maxPerSale'
        ? t('qty.boundMaxPerSale', { count: max, n: f.int(max) })
        : bound === 'min'
          ? t('qty.boundMin')
          : '';

  return (
    <section className="screen" aria-labelledby="qty-heading">
      <div className="screen-head">
        <BackButton />
        <h2 id="qty-heading">
          {title} — {d.name}
        </h2>
      </div>
      <p className="lead">{t('qty.heading')}</p>
      <div className="qty-row">
        <button
          type="button"
          className="qty-btn"
          aria-label={t('qty.decrease')}
          disabled={quantity <= 1}
          onClick={() => stepQuantity(-1)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <div className="qty-field">
          <label htmlFor={QUANTITY_ID}>{t('qty.label')}</label>
          <input
            id={QUANTITY_ID}
            className="qty-input"
            type="text"
            role="spinbutton"
            inputMode="numeric"
            autoComplete="off"
            aria-valuemin={1}
            aria-valuemax={max}
            aria-valuenow={quantity}
            aria-describedby="qty-bound"
            value={text}
            onChange={(e) => setQuantityText(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => {
              if (!text) setQuantityText('1');
            }}
          />
        </div>
        <button
          type="button"
          className="qty-btn"
          aria-label={t('qty.increase')}
          disabled={quantity >= max}
          onClick={() => stepQuantity(1)}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
      <p id="qty-bound" className="bound-note" aria-live="polite">
        {boundText}
      </p>
      <div className="qty-summary">
        <p>{t('qty.unitPrice', { amount: f.money(d.retailC) })}</p>
        <p className="total">{t('qty.total', { amount: f.money(multiply(d.retailC, Math.max(quantity, 0))) })}</p>
      </div>
      <button type="button" className="btn primary big" disabled={quantity < 1} onClick={openConfirm}>
        {t('qty.continue')}
      </button>
      {step === 'confirm' && <ConfirmDialog />}
    </section>
  );
}
