import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/useFormat';
import { eraseDigit, pressDigit } from './pin';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** On-screen keypad for touch tills: big keys, digits in the screen's numbering, no focus theft. */
export function PinPad({ pin, onChange, onSubmit, disabled }: { pin: string; onChange: (pin: string) => void; onSubmit: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const key = (d: string) => (
    <button key={d} type="button" className="pin-key" disabled={disabled} aria-label={d} onClick={() => onChange(pressDigit(pin, d))}>
      {f.int(Number(d))}
    </button>
  );
  return (
    <div className="pin-pad" role="group" aria-label={t('session.keypad')} dir="ltr">
      {DIGITS.map(key)}
      <button type="button" className="pin-key pin-key-text" disabled={disabled || !pin} onClick={() => onChange(eraseDigit(pin))}>
        {t('session.erase')}
      </button>
      {key('0')}
      <button type="button" className="pin-key pin-key-text primary" disabled={disabled} onClick={onSubmit}>
        {t('session.submit')}
      </button>
    </div>
  );
}
