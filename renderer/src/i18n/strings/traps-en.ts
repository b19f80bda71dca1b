import type { UiDict } from './types';

/** English: the settings' parts, the unsaved-changes question and picking a backup (issue 13). */
export const trapsEn = {
  settingsNav: {
    label: 'Settings parts',
    tab: { shop: 'Shop', sales: 'Sales', printing: 'Printing', security: 'Security', advanced: 'Advanced' },
    securityHeading: 'Lock and reprint',
    advancedHeading: 'Technical settings',
    advancedNote: 'Change these only when advised: they protect the connection to the provider and the offline queue.',
    hasErrors: 'has errors',
    fixErrorsIn: 'Fix the fields marked (part: {{parts}}).',
  },
  unsaved: {
    title: 'Leave without saving?',
    body: 'Some changes are not saved.',
    keep: 'Keep editing',
    discard: 'Leave without saving',
    save: 'Save and close',
  },
  backupPick: {
    createHeading: 'Create a backup',
    folder: 'Backups folder:',
    saveAs: 'Save as… (USB stick, another folder)',
    usbHint: 'To keep a copy elsewhere, copy the file from this folder to a USB stick.',
    kb: '{{n}} KB',
    none: 'No backup in the backups folder.',
    table: 'Till backups',
    col: { name: 'File', date: 'Date', size: 'Size', action: 'Action' },
    restoreLabel: 'Restore {{name}}',
    refresh: 'Refresh the list',
    confirmTitle: 'Replace the current sales?',
    confirmFile: 'Backup chosen:',
    confirmChoose: 'You will choose the backup file next.',
    cancel: 'Cancel',
  },
} satisfies UiDict;
