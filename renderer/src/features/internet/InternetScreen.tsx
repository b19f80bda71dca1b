import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERNET_TYPES } from '../../../../shared/phone-numbers';
import { checkLine, chooseInternetType, internetProblems, openInternetConfirm, pressInternetKey, typeInternetNumber } from './internetActions';
import { useInternetStore } from './internetStore';
import { useDigitsToNumber } from '../top-ups/useDigitsToNumber';
import { NumberPad } from '../top-ups/NumberPad';
import { ReadBackButton } from '../top-ups/ReadBackButton';
import { LineCheckPanel } from './LineCheckPanel';
import { CardPicker } from './CardPicker';
import { InternetConfirm } from './InternetConfirm';

export const INTERNET_NUMBER_ID = 'internet-number';

/** "Internet": ADSL or 4G, the line number, the provider's check of it, a card value, the read-back. */
export function InternetScreen() {
  const { t } = useTranslation();
  const type = useInternetStore((s) => s.type);
  const number = useInternetStore((s) => s.number);
  useInternetStore((s) => s.check);
  useInternetStore((s) => s.cards);
  useInternetStore((s) => s.typeId);
  const problems = internetProblems();
  useDigitsToNumber(INTERNET_NUMBER_ID);

  useEffect(() => {
    // The till starts on ADSL, the most sold; the cashier switches with one tap.
    if (!useInternetStore.getState().type) chooseInternetType('ADSL');
    document.getElementById(INTERNET_NUMBER_ID)?.focus();
  }, []);

  return (
    <section className="screen topup-screen" aria-labelledby="internet-heading">
      <h2 id="internet-heading" className="visually-hidden">
        {t('internet.heading')}
      </h2>
      <div className="topup-columns">
        <div className="topup-entry">
          <div className="operators" role="group" aria-labelledby="internet-type-label">
            <span id="internet-type-label" className="group-label">
              {t('internet.type')}
            </span>
            {INTERNET_TYPES.map((ty) => (
              <button key={ty} type="button" className="operator" aria-pressed={type === ty} onClick={() => chooseInternetType(ty)}>
                <span className="operator-name">{ty}</span>
              </button>
            ))}
          </div>
          <NumberPad
            id={INTERNET_NUMBER_ID}
            label={type === '4G' ? t('internet.number4G') : t('internet.numberADSL')}
            placeholder={type === '4G' ? '213 XXX XX XX XX' : '0XX XX XX XX'}
            value={number}
            describedBy="internet-problems"
            onType={typeInternetNumber}
            onKey={pressInternetKey}
            onEnter={() => void checkLine()}
          />
        </div>
        <div className="topup-choice">
          <LineCheckPanel />
          <CardPicker />
          <ReadBackButton id="internet-problems" problems={problems} onReadBack={openInternetConfirm} />
        </div>
      </div>
      <InternetConfirm />
    </section>
  );
}
