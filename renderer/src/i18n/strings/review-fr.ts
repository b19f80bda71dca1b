import type { UiDict } from './types';

/** French: the owner's check of a sale whose answer was lost and that several provider orders could be (NEEDS_REVIEW). */
export const reviewFr = {
  review: {
    check: 'Vérifier',
    checkLabel: 'Vérifier la vente n° {{id}}',
    intro:
      'Le fournisseur a plusieurs commandes qui peuvent être celle de cette vente. Comparez l’heure et la carte avec la vente, puis choisissez la sienne. Si aucune ne l’est, annulez la vente : le client est remboursé.',
    loading: 'Lecture des commandes chez le fournisseur…',
    saving: 'Enregistrement de la décision…',
    list: 'Commandes possibles pour la vente n° {{id}}',
    none: 'Aucune commande possible n’est enregistrée pour cette vente.',
    order: 'Commande',
    time: 'Passée à {{time}}',
    sentAt: 'Vente n° {{id}} envoyée au fournisseur à {{time}}.',
    noTime: 'Heure inconnue',
    cards: 'Cartes livrées : {{delivered}} sur {{quantity}}',
    cardsDelivered: 'Cartes livrées : {{delivered}}',
    charged: 'Facturée {{amount}}',
    unreadable: 'Le fournisseur ne répond pas pour cette commande : seul son numéro est connu.',
    status: {
      HANDLING: 'En cours chez le fournisseur',
      QUEUED: 'En attente chez le fournisseur',
      TO_VERIFY: 'À vérifier chez le fournisseur',
      FULFILLED: 'Livrée',
      PARTIALLY_FILLED: 'Livrée en partie',
      REFUNDED: 'Remboursée par le fournisseur',
    },
    adopt: 'C’est cette commande',
    adoptLabel: 'Rattacher la commande {{order}} à la vente n° {{id}}',
    taken: 'Déjà rattachée à une autre vente',
    ownerUnknown: 'Impossible de vérifier pour l’instant',
    ownerUnknownHint: 'Le serveur de la boutique ne dit pas si une autre caisse possède cette commande. Réessayez « Vérifier » plus tard.',
    dismiss: 'Aucune de ces commandes : annuler la vente',
    dismissLabel: 'Aucune de ces commandes : annuler la vente n° {{id}}',
    confirmQuestion: 'Annuler la vente n° {{id}} ? Aucune commande ne lui sera rattachée et {{amount}} seront à rendre au client.',
    confirm: 'Confirmer l’annulation et le remboursement',
    confirmLabel: 'Confirmer l’annulation de la vente n° {{id}} et le remboursement',
    keep: 'Ne pas annuler',
    adopted: 'Commande rattachée : la vente n° {{id}} reçoit ses codes.',
    adoptedState: 'État de la vente : {{state}}',
  },
} satisfies UiDict;
