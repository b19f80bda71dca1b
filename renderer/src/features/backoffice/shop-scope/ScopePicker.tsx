import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatusStore } from '../../status-bar/statusStore';
import { ErrorNote } from '../../../ui/ErrorNote';
import { shopScopeOffered } from './shopScope';
import { chooseScope, chooseTill } from './shopScopeActions';
import { useShopScopeStore } from './shopScopeStore';

/**
 * "Cette caisse / Toute la boutique", and in shop scope which till (or all): shown only on a till
 * joined to a shop. Native radio buttons and a select, so arrows, Tab and touch all work and each
 * control has its name. `onChange` reloads the screen with the new choice.
 */
export function ScopePicker({ onChange }: { onChange: () => void }) {
  const { t } = useTranslation();
  const offered = useStatusStore((s) => shopScopeOffered(s.appStatus));
  const ownId = useStatusStore((s) => s.appStatus?.till.id ?? null);
  const choice = useShopScopeStore((s) => s.choice);
  const tills = useShopScopeStore((s) => s.tills);
  const name = useId();
  if (!offered) return null;
  return (
    <fieldset className="scope-picker">
      <legend>{t('shopScope.legend')}</legend>
      {(['till', 'shop'] as const).map((scope) => (
        <label key={scope} className="scope-option">
          <input
            type="radio"
            name={name}
            value={scope}
            checked={choice.scope === scope}
            onChange={() => {
              chooseScope(scope);
              onChange();
            }}
          />
          {t(scope === 'till' ? 'shopScope.thisTill' : 'shopScope.wholeShop')}
        </label>
      ))}
      {choice.scope === 'shop' && (
        <label className="scope-till">
          {t('shopScope.till')}{' '}
          <select
            value={choice.tillId ?? ''}
            disabled={tills.status === 'loading' && !tills.value}
            onChange={(e) => {
              chooseTill(e.target.value === '' ? null : e.target.value);
              onChange();
            }}
          >
            <option value="">{t('shopScope.allTills')}</option>
            {(tills.value ?? []).map((till) => (
              <option key={till.id} value={till.id} dir="auto">
                {till.id === ownId ? t('shopScope.tillThis', { name: till.name }) : till.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {tills.error && choice.scope === 'shop' && <ErrorNote error={tills.error} compact />}
    </fieldset>
  );
}

/** The till a shop-scope row comes from, for a table cell ("" in this till's own view). */
export function TillName({ till }: { till?: { name: string } }) {
  return till ? <span dir="auto">{till.name}</span> : null;
}
