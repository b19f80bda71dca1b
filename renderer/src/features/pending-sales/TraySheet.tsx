import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/useFormat';
import { useNarrow } from '../../ui/useMediaQuery';
import { Dialog } from '../../ui/Dialog';
import { TrayContent, useTraySales } from './SalesTray';

/**
 * Below 900 px the tray has no room beside the products: this header button, with the number of
 * sales still pending, opens it as a modal sheet (focus kept inside, Escape or the close button).
 */
export function TrayButton() {
  const { t } = useTranslation();
  const f = useFormat();
  const narrow = useNarrow();
  const [open, setOpen] = useState(false);
  const { pending } = useTraySales();
  if (!narrow) return null;
  return (
    <>
      <button type="button" className="btn tray-btn" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('bar.tray', { n: f.int(pending.length) })}
      </button>
      {open && <TraySheet onClose={() => setOpen(false)} />}
    </>
  );
}

function TraySheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog labelledBy="tray-sheet-heading" onClose={onClose} className="tray-sheet" initialFocus={closeRef}>
      <TrayContent
        headingId="tray-sheet-heading"
        headingAction={
          <button ref={closeRef} type="button" className="btn small-btn" aria-label={t('bar.trayClose')} onClick={onClose}>
            {t('common.close')}
          </button>
        }
      />
    </Dialog>
  );
}
