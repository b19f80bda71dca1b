import { useTranslation } from 'react-i18next';
import { closeSaleReceipt } from '../pending-sales/salesActions';
import { useFormat } from '../../ui/useFormat';
import { useSalesStore } from '../pending-sales/salesStore';
import { useUiStore } from '../../app/uiStore';
import { TitledDialog } from '../../ui/Dialog';
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
  return (
    <TitledDialog
      titleId="sale-receipt-title"
      title={t('receipt.dialogTitle', { id: f.int(saleId) })}
      closeLabel={t('receipt.close')}
      onClose={closeSaleReceipt}
      className="receipt-dialog"
    >
      {sale && <SaleOutcome sale={sale} />}
      <ReceiptPanel saleId={saleId} autoPrint={false} />
    </TitledDialog>
  );
}
