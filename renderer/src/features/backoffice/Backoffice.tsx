import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { closeBackoffice, selectTab } from './backofficeActions';
import { OWNER_TABS, useBackofficeStore, type BackofficeTab } from './backofficeStore';
import { selectIsOwner, useSessionStore } from '../session/sessionStore';
import { BackupTab } from './backups/BackupTab';
import { DayReportTab } from './reports/DayReportTab';
import { Dialog } from '../../ui/Dialog';
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
  const { t, i18n } = useTranslation();
  const isOwner = useSessionStore(selectIsOwner);
  const stored = useBackofficeStore((s) => s.tab);
  const tabs = isOwner ? ALL_TABS : (['history'] as const);
  const current = tabs.includes(stored) ? stored : 'history';
  const closeRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const rtl = i18n.dir() === 'rtl';

  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.indexOf(current);
    let next = -1;
    if (e.key === 'ArrowRight') next = i + (rtl ? -1 : 1);
    else if (e.key === 'ArrowLeft') next = i + (rtl ? 1 : -1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    if (!tab) return;
    selectTab(tab);
    listRef.current?.querySelector<HTMLElement>(`#bo-tab-${tab}`)?.focus();
  };

  return (
    <Dialog labelledBy="bo-title" onClose={closeBackoffice} className="backoffice-dialog" initialFocus={closeRef}>
      <div className="screen-head sticky-head">
        <h2 id="bo-title">{t('backoffice.title')}</h2>
        <button ref={closeRef} type="button" className="btn" onClick={closeBackoffice}>
          {t('backoffice.close')}
        </button>
      </div>
      <div className="tabs" role="tablist" aria-label={t('backoffice.tabs')} ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`bo-tab-${tab}`}
            aria-selected={tab === current}
            aria-controls="bo-panel"
            tabIndex={tab === current ? 0 : -1}
            className="tab"
            onClick={() => selectTab(tab)}
          >
            {t(`backoffice.tab.${tab}`)}
          </button>
        ))}
      </div>
      {!isOwner && <p className="small muted">{t('backoffice.ownerOnlyNote')}</p>}
      <div role="tabpanel" id="bo-panel" aria-labelledby={`bo-tab-${current}`} className="bo-panel">
        <Panel key={current} tab={current} />
      </div>
      <SaleDetailDialog />
    </Dialog>
  );
}
