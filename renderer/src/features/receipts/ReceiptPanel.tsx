import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadReceipt, printReceipt, saveReceiptPdf } from './receiptActions';
import { useStatusStore } from '../status-bar/statusStore';
import { emptyReceipt, useReceiptsStore } from './receiptsStore';
import { useSettingsStore } from '../settings/settingsStore';
import { ErrorNote } from '../../ui/ErrorNote';

/**
 * The receipt exactly as the core rendered it (with the codes), in a sandboxed frame without
 * scripts, as wide as the paper. Printing is native (Electron) or the frame's own print().
 * `onHandsFreePrinted`: a printer is named in the settings, so the receipt prints as soon as it
 * is ready and the caller moves on once it printed; a failed print stays here with its reason.
 */
export function ReceiptPanel({ saleId, autoPrint, onHandsFreePrinted }: { saleId: number; autoPrint: boolean; onHandsFreePrinted?: () => void }) {
  const { t } = useTranslation();
  const entry = useReceiptsStore((s) => s.bySaleId[saleId]) ?? emptyReceipt;
  const autoPrintSetting = useSettingsStore((s) => s.settings.autoPrint);
  const nativePrinting = useStatusStore((s) => s.appStatus?.printing === 'native');
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(420);
  const autoPrinted = useRef(false);

  useEffect(() => {
    void loadReceipt(saleId);
  }, [saleId]);

  const onLoad = () => {
    const doc = frame.current?.contentDocument;
    if (doc?.documentElement) setHeight(Math.min(Math.max(doc.documentElement.scrollHeight + 8, 200), 2400));
    if (autoPrinted.current || entry.printedOnce) return;
    if (onHandsFreePrinted) {
      autoPrinted.current = true;
      void printReceipt(saleId, frame.current).then((printed) => {
        if (printed) onHandsFreePrinted();
      });
    } else if (autoPrint && autoPrintSetting) {
      autoPrinted.current = true;
      void printReceipt(saleId, frame.current);
    }
  };

  return (
    <div className="receipt-panel">
      <div className="receipt-actions">
        <button
          type="button"
          className="btn primary big"
          disabled={entry.status !== 'ready' || entry.printing === 'printing'}
          onClick={() => void printReceipt(saleId, frame.current)}
        >
          {t('receipt.print')}
        </button>
        {nativePrinting && (
          <button type="button" className="btn" disabled={entry.status !== 'ready'} onClick={() => void saveReceiptPdf(saleId)}>
            {t('receipt.savePdf')}
          </button>
        )}
        {entry.printing === 'printing' && <span className="muted">{t('receipt.printing')}</span>}
        {entry.printedOnce && entry.printing === 'idle' && <span className="muted">{t('receipt.printed')}</span>}
      </div>
      {entry.printError && <ErrorNote error={entry.printError} compact />}
      {entry.notPrinted && (
        <p className="error-note compact" role="alert">
          {t('autoPrint.notPrinted')}
        </p>
      )}
      {entry.status === 'loading' && <p className="muted">{t('receipt.loading')}</p>}
      {entry.error && <ErrorNote error={entry.error} onRetry={() => void loadReceipt(saleId)} />}
      {entry.receipt && (
        <div className="receipt-paper">
          <iframe
            ref={frame}
            title={t('receipt.frameTitle')}
            sandbox="allow-modals allow-same-origin"
            srcDoc={entry.receipt.html}
            style={{ width: `${entry.receipt.paperWidthMm}mm`, height }}
            onLoad={onLoad}
          />
        </div>
      )}
    </div>
  );
}
