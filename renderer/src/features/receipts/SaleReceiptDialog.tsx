import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { closeSaleReceipt } from '../pending-sales/salesActions';
import { useFormat } from '../../ui/useFormat';
import { useSalesStore } from '../pending-sales/salesStore';
import { useUiStore } from '../../app/uiStore';
import { Dialog } from '../../ui/Dialog';
import { SaleOutcome } from '../counter/ProgressScreen';
import { ReceiptPanel } from './ReceiptPanel';

/** The receipt of a sale that finished in the background, opened from the tray or a toast. */
export function SaleReceiptDialog() {
  const saleId = useUiStore((s) => s.receiptSaleId);
  if (saleId === null) return null;
  return <SaleReceiptDialogBody key={saleId} saleId={saleId} />;
}

function SaleReceiptDialogBody({ saleId }: { saleId: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sale = useSalesStore((s) => s.byId[saleId]);
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog labelledBy="sale-receipt-title" onClose={closeSaleReceipt} className="receipt-dialog" initialFocus={closeRef}>
      <div className="screen-head">
        <h2 id="sale-receipt-title">{t('receipt.dialogTitle', { id: f.int(saleId) })}</h2>
        <button ref={closeRef} type="button" className="btn" onClick={closeSaleReceipt}>
          {t('receipt.close')}
        </button>
      </div>
      {sale && <SaleOutcome sale={sale} />}
      <ReceiptPanel saleId={saleId} autoPrint={false} />
    </Dialog>
  );
}
