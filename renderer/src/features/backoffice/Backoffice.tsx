import { useTranslation } from 'react-i18next';
import { closeBackoffice, selectTab } from './backofficeActions';
import { OWNER_TABS, useBackofficeStore, type BackofficeTab } from './backofficeStore';
import { selectIsOwner, useSessionStore } from '../session/sessionStore';
import { BackupTab } from './backups/BackupTab';
import { DayReportTab } from './reports/DayReportTab';
import { TitledDialog } from '../../ui/Dialog';
import { TabList } from '../../ui/TabList';
import { ExceptionsTab } from './exceptions/ExceptionsTab';
import { HistoryTab } from './history/HistoryTab';
import { ReconcileTab } from './reports/ReconcileTab';
import { SaleDetailDialog } from './history/SaleDetailDialog';
import { StaffTab } from './staff/StaffTab';

const ALL_TABS: readonly BackofficeTab[] = ['history', ...OWNER_TABS];

/** "Gestion": history for everyone; reports, exceptions, reconciliation, staff and backups for the owner. */
export function Backoffice() {
  const open = useBackofficeStore((s) => s.open);
  if (!open) return null;
  return <BackofficeBody />;
}

function Panel({ tab }: { tab: BackofficeTab }) {
  switch (tab) {
    case 'history':
      return <HistoryTab />;
    case 'day':
      return <DayReportTab />;
    case 'exceptions':
      return <ExceptionsTab />;
    case 'reconcile':
      return <ReconcileTab />;
    case 'staff':
      return <StaffTab />;
    case 'backup':
      return <BackupTab />;
  }
}

function BackofficeBody() {
  const { t } = useTranslation();
  const isOwner = useSessionStore(selectIsOwner);
  const stored = useBackofficeStore((s) => s.tab);
  const tabs = isOwner ? ALL_TABS : (['history'] as const);
  const current = tabs.includes(stored) ? stored : 'history';

  return (
    <TitledDialog
      titleId="bo-title"
      title={t('backoffice.title')}
      closeLabel={t('backoffice.close')}
      onClose={closeBackoffice}
      className="backoffice-dialog"
      stickyHead
    >
      <TabList
        label={t('backoffice.tabs')}
        current={current}
        onSelect={selectTab}
        tabs={tabs.map((tab) => ({ id: tab, domId: `bo-tab-${tab}`, controls: 'bo-panel', content: t(`backoffice.tab.${tab}`) }))}
      />
      {!isOwner && <p className="small muted">{t('backoffice.ownerOnlyNote')}</p>}
      <div role="tabpanel" id="bo-panel" aria-labelledby={`bo-tab-${current}`} className="bo-panel">
        <Panel key={current} tab={current} />
      </div>
      <SaleDetailDialog />
    </TitledDialog>
  );
}
