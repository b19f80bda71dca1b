import type { UiDict } from './types';

/** French: the settings' parts, the unsaved-changes question and picking a backup (issue 13). */
export const trapsFr = {
  settingsNav: {
    label: 'Parties des paramètres',
    tab: { shop: 'Boutique', sales: 'Ventes', printing: 'Impression', security: 'Sécurité', advanced: 'Avancé' },
    securityHeading: 'Verrouillage et réimpression',
    advancedHeading: 'Réglages techniques',
    advancedNote: 'À ne changer que sur conseil : ces réglages protègent la connexion au fournisseur et la file d’attente hors ligne.',
    hasErrors: 'contient des erreurs',
    fixErrorsIn: 'Corrigez les champs signalés (partie : {{parts}}).',
  },
  unsaved: {
    title: 'Quitter sans enregistrer ?',
    body: 'Des modifications ne sont pas enregistrées.',
    keep: 'Continuer la modification',
    discard: 'Quitter sans enregistrer',
    save: 'Enregistrer et fermer',
  },
  backupPick: {
    createHeading: 'Créer une sauvegarde',
    folder: 'Dossier des sauvegardes :',
    saveAs: 'Enregistrer sous… (clé USB, autre dossier)',
    usbHint: 'Pour garder une copie ailleurs, copiez le fichier de ce dossier sur une clé USB.',
    kb: '{{n}} Ko',
    none: 'Aucune sauvegarde dans le dossier des sauvegardes.',
    table: 'Sauvegardes de la caisse',
    col: { name: 'Fichier', date: 'Date', size: 'Taille', action: 'Action' },
    restoreLabel: 'Restaurer {{name}}',
    refresh: 'Actualiser la liste',
    confirmTitle: 'Remplacer les ventes actuelles ?',
    confirmFile: 'Sauvegarde choisie :',
    confirmChoose: 'Vous choisirez ensuite le fichier de sauvegarde.',
    cancel: 'Annuler',
  },
} satisfies UiDict;
