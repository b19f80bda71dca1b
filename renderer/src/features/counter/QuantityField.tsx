import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentQuantity, quantityLimits, selectedDenomination, setQuantityText, stepQuantity } from './saleFlow';
import { QUANTITY_ID } from './focus';
import { useFormat } from '../../ui/useFormat';
import { maxQuantity } from './quantity';
import { useFlowStore } from './saleFlowStore';
import { useSettingsStore } from '../settings/settingsStore';

/**
 * A tap on − or + leaves the focus where it was (the confirm button, or the box): Enter right
 * after it then confirms the sale instead of pressing + once more.
 */
const keepFocus = (e: MouseEvent<HTMLButtonElement>) => e.preventDefault();

/**
 * How many cards, on the confirmation: − / + (big touch targets) and a box that takes digits
 * (Arabic-Indic too). Bounded by stock and by the per-sale maximum, and says which bound it hit.
 * Its keys (+, −, arrows, Enter) are handled for the whole dialog by useConfirmKeys.
 */
export function QuantityField({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const text = useFlowStore((s) => s.quantityText);
  // Re-read derived values whenever what they depend on changes.
  useFlowStore((s) => s.detail);
  useSettingsStore((s) => s.settings.maxQuantityPerSale);
  const d = selectedDenomination();
  const { quantity, bound } = currentQuantity();
  const { max } = maxQuantity(quantityLimits(d));

  const boundText =
    bound === 'stock'
      ? t('qty.boundStock', { count: max, n: f.int(max) })
      : bound === 'balance'
        ? t('money.boundBalance', { count: max, n: f.int(max) })
        : bound === 'maxPerSale'
          ? t('qty.boundMaxPerSale', { count: max, n: f.int(max) })
          : bound === 'min'
            ? t('qty.boundMin')
            : '';

  return (
    <div className="confirm-qty">
      <div className="qty-row">
        <button
          type="button"
          className="qty-btn"
          aria-label={t('qty.decrease')}
          aria-controls={QUANTITY_ID}
          disabled={disabled || quantity <= 1}
          onMouseDown={keepFocus}
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
            readOnly={disabled}
            value={text}
            onChange={(e) => setQuantityText(e.target.value)}
            onBlur={() => {
              if (!text) setQuantityText('1');
            }}
          />
        </div>
        <button
          type="button"
          className="qty-btn"
          aria-label={t('qty.increase')}
          aria-controls={QUANTITY_ID}
          disabled={disabled || quantity >= max}
          onMouseDown={keepFocus}
          onClick={() => stepQuantity(1)}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
      <p id="qty-bound" className="bound-note" aria-live="polite">
        {boundText}
      </p>
    </div>
  );
}
