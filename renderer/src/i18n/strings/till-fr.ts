import type { UiDict } from './types';

/** French strings for several counters (issue 12): the till's line in the header, its settings. */
export const tillFr = {
  tillStatus: {
    label: 'Caisse et registre partagé',
    line: '{{name}} · {{state}}',
    connecting: 'Connexion au registre partagé…',
    reachable: 'Registre partagé joignable',
    unreachable: 'Registre partagé injoignable',
    'needs-shop-key': 'Registre partagé : phrase secrète de la boutique attendue',
    pending_one: '{{state}} — {{n}} changement en attente',
    pending_other: '{{state}} — {{n}} changements en attente',
  },
  tillSettings: {
    title: 'Plusieurs caisses',
    intro:
      'Les caisses reliées au même registre partagé ont les mêmes caissiers et les mêmes réglages « toute la boutique ». Les services de caisse, l’imprimante et la langue restent propres à chaque caisse.',
    name: 'Nom de cette caisse',
    nameHint: 'Affiché en haut de l’écran et dans les rapports de la boutique (40 caractères au plus).',
    rename: 'Renommer',
    renamed: 'Caisse renommée : {{name}}.',
    url: 'Adresse du registre partagé (serveur PostgreSQL)',
    urlHint: 'postgres://utilisateur:motdepasse@serveur:5432/base — laissez vide pour une caisse seule.',
    save: 'Enregistrer l’adresse',
    clear: 'Retirer l’adresse',
    saved: 'Adresse enregistrée sur cette caisse : {{url}}',
    cleared: 'Adresse retirée.',
    noneSaved: 'Aucune adresse enregistrée sur cette caisse.',
    inUse: 'En service : {{url}}',
    alone: 'Cette caisse travaille seule (aucun registre partagé).',
    nextStart: 'Le changement d’adresse sera pris en compte au prochain démarrage de la caisse.',
    environment: 'L’adresse vient de la variable POS_DATABASE_URL de ce poste : elle passe avant l’adresse enregistrée ici.',
    shopWide: 'Toute la boutique',
    shopWideNote: 'Les réglages marqués « Toute la boutique » s’appliquent à toutes les caisses reliées.',
    passphrase: 'Phrase secrète de la boutique',
    passphraseHint:
      'Choisie par le patron à la première caisse reliée, la même à chaque caisse (10 caractères au moins). Elle protège les codes sur le serveur : gardez-la avec les papiers de la boutique, elle ne se retrouve pas.',
    passphraseSend: 'Relier cette caisse',
    passphraseJoined: 'Cette caisse tient la clé de la boutique : elle rejoint le registre partagé.',
    passphraseWaiting: 'Cette caisse attend la phrase secrète de la boutique : elle n’envoie ni ne partage rien d’ici là (les ventes attendent dans la file).',
    errors: {
      NOT_A_URL: 'Ce n’est pas une adresse : elle doit ressembler à postgres://utilisateur:motdepasse@serveur:5432/base.',
      NOT_POSTGRES: 'L’adresse doit commencer par postgres:// ou postgresql://.',
      NO_HOST_OR_DATABASE: 'L’adresse doit nommer un serveur et une base (…@serveur:5432/base).',
      TOO_LONG: 'Adresse trop longue.',
      TILL_NAME: 'Le nom doit faire de 1 à 40 caractères.',
      SHOP_PASSPHRASE: 'Cette phrase n’ouvre pas la clé de la boutique. Vérifiez-la auprès du patron.',
    },
  },
} satisfies UiDict;
