import type { Language } from '../../../shared/domain';

/**
 * Receipt wording, kept apart from the UI strings: it is printed by the core, not the renderer.
 * French puts a narrow no-break space (U+202F) before ":" and "!"; English and Arabic put none.
 * `footer` is the default thank-you line, printed when the owner has not written their own.
 */
export const receiptStrings: Record<Language, Record<string, string>> = {
  fr: {
    training: 'MODE FORMATION\u202f: codes non valables, ne pas vendre',
    sandbox: 'SANDBOX\u202f: codes de test',
    sale: 'Vente n° {{id}}',
    date: 'Date',
    cashier: 'Caissier',
    product: 'Produit',
    denomination: 'Valeur',
    quantity: 'Quantité',
    unitPrice: 'Prix unitaire',
    total: 'Total payé',
    code: 'Code',
    serial: 'N° de série',
    card: 'Carte {{n}}/{{total}}',
    delivered_one: '{{delivered}} carte livrée sur {{ordered}}',
    delivered_other: '{{delivered}} cartes livrées sur {{ordered}}',
    toHandBack: 'À rendre au client',
    handedBack: 'Rendu au client',
    net: 'Net payé',
    partial_one: '{{missing}} carte non livrée\u202f: {{amount}} à rendre au client.',
    partial_other: '{{missing}} cartes non livrées\u202f: {{amount}} à rendre au client.',
    refunded: 'COMMANDE ÉCHOUÉE\u202f: aucune carte livrée. Montant à rendre au client\u202f: {{amount}}.',
    rejected: 'VENTE REFUSÉE\u202f: {{reason}}. Montant à rendre au client\u202f: {{amount}}.',
    cancelled: 'VENTE ANNULÉE. Montant à rendre au client\u202f: {{amount}}.',
    pending:
      'EN ATTENTE\u202f: la commande sera envoyée dès le retour de la connexion. Conservez ce ticket\u202f: vos codes vous seront remis sur présentation du n° de vente.',
    instructions: "Mode d'emploi",
    keepSecret: 'Ne communiquez ce code à personne.',
    reprint: 'DUPLICATA n° {{n}} — {{when}}',
    footer: 'Merci de votre visite\u202f!',
  },
  ar: {
    training: 'وضع التدريب: الرموز غير صالحة، لا تبع',
    sandbox: 'وضع الاختبار: رموز تجريبية',
    sale: 'عملية بيع رقم {{id}}',
    date: 'التاريخ',
    cashier: 'أمين الصندوق',
    product: 'المنتج',
    denomination: 'القيمة',
    quantity: 'الكمية',
    unitPrice: 'سعر الوحدة',
    total: 'المبلغ المدفوع',
    code: 'الرمز',
    serial: 'الرقم التسلسلي',
    card: 'بطاقة {{n}}/{{total}}',
    delivered_one: 'سُلِّمت {{delivered}} بطاقة من {{ordered}}',
    delivered_other: 'سُلِّمت {{delivered}} بطاقات من {{ordered}}',
    toHandBack: 'الواجب رده للزبون',
    handedBack: 'المردود للزبون',
    net: 'الصافي المدفوع',
    partial_one: 'لم يتم تسليم {{missing}} بطاقة: يُرد {{amount}} للزبون.',
    partial_other: 'لم يتم تسليم {{missing}} بطاقات: يُرد {{amount}} للزبون.',
    refunded: 'فشل الطلب: لم تُسلَّم أي بطاقة. المبلغ الواجب رده للزبون: {{amount}}.',
    rejected: 'تم رفض البيع: {{reason}}. المبلغ الواجب رده للزبون: {{amount}}.',
    cancelled: 'تم إلغاء البيع. المبلغ الواجب رده للزبون: {{amount}}.',
    pending: 'قيد الانتظار: سيُرسل الطلب عند عودة الاتصال. احتفظ بهذه الوصلة: تُسلَّم الرموز عند تقديم رقم البيع.',
    instructions: 'طريقة الاستعمال',
    keepSecret: 'لا تشارك هذا الرمز مع أي شخص.',
    reprint: 'نسخة مكررة رقم {{n}} — {{when}}',
    footer: 'شكرًا لزيارتكم!',
  },
  en: {
    training: 'TRAINING MODE: codes are not valid, do not sell',
    sandbox: 'SANDBOX: test codes',
    sale: 'Sale #{{id}}',
    date: 'Date',
    cashier: 'Cashier',
    product: 'Product',
    denomination: 'Value',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    total: 'Total paid',
    code: 'Code',
    serial: 'Serial',
    card: 'Card {{n}}/{{total}}',
    delivered_one: '{{delivered}} card delivered of {{ordered}}',
    delivered_other: '{{delivered}} cards delivered of {{ordered}}',
    toHandBack: 'To give back',
    handedBack: 'Given back',
    net: 'Net paid',
    partial_one: '{{missing}} card not delivered: {{amount}} to give back to the customer.',
    partial_other: '{{missing}} cards not delivered: {{amount}} to give back to the customer.',
    refunded: 'ORDER FAILED: no card delivered. Give back to the customer: {{amount}}.',
    rejected: 'SALE REFUSED: {{reason}}. Give back to the customer: {{amount}}.',
    cancelled: 'SALE CANCELLED. Give back to the customer: {{amount}}.',
    pending: 'PENDING: the order will be sent as soon as the connection is back. Keep this slip: your codes will be handed over on showing the sale number.',
    instructions: 'How to redeem',
    keepSecret: 'Never share this code with anyone.',
    reprint: 'DUPLICATE #{{n}} — {{when}}',
    footer: 'Thank you for your visit!',
  },
};

/** Default redemption steps for common brands, matched on the product title. The shop can override per product. */
export const defaultInstructions: { match: RegExp; text: Record<Language, string> }[] = [
  {
    match: /playstation|psn/i,
    text: {
      fr: 'PlayStation Store > Utiliser des codes, puis saisissez le code à 12 caractères.',
      ar: 'متجر PlayStation ← استخدام الرموز، ثم أدخل الرمز المكون من 12 حرفًا.',
      en: 'PlayStation Store > Redeem Codes, then enter the 12-character code.',
    },
  },
  {
    match: /google play/i,
    text: {
      fr: 'Google Play > Profil > Paiements et abonnements > Utiliser un code cadeau.',
      ar: 'Google Play ← الملف الشخصي ← الدفعات والاشتراكات ← استخدام رمز هدية.',
      en: 'Google Play > Profile > Payments & subscriptions > Redeem gift code.',
    },
  },
  {
    match: /itunes|app store|apple/i,
    text: {
      fr: 'App Store > Profil > Utiliser une carte cadeau ou un code.',
      ar: 'App Store ← الملف الشخصي ← استخدام بطاقة هدية أو رمز.',
      en: 'App Store > Profile > Redeem Gift Card or Code.',
    },
  },
  {
    match: /xbox/i,
    text: {
      fr: 'Microsoft Store > Utiliser un code, ou redeem.microsoft.com.',
      ar: 'متجر Microsoft ← استخدام رمز، أو الموقع redeem.microsoft.com.',
      en: 'Microsoft Store > Redeem a code, or redeem.microsoft.com.',
    },
  },
  {
    match: /steam/i,
    text: {
      fr: 'Steam > Jeux > Activer un code ou un porte-monnaie Steam.',
      ar: 'Steam ← الألعاب ← تفعيل رمز أو محفظة Steam.',
      en: 'Steam > Games > Redeem a Steam Wallet Code.',
    },
  },
  {
    match: /free ?fire/i,
    text: {
      fr: 'Sur shop.garena.com, connectez-vous avec votre ID joueur et saisissez le code.',
      ar: 'على موقع shop.garena.com، سجّل الدخول بمعرّف اللاعب وأدخل الرمز.',
      en: 'On shop.garena.com, sign in with your player ID and enter the code.',
    },
  },
  {
    match: /pubg/i,
    text: {
      fr: 'Sur midasbuy.com, choisissez PUBG Mobile, saisissez votre ID et le code.',
      ar: 'على موقع midasbuy.com، اختر PUBG Mobile وأدخل معرّفك والرمز.',
      en: 'On midasbuy.com, choose PUBG Mobile, enter your ID and the code.',
    },
  },
  {
    match: /netflix/i,
    text: {
      fr: 'Sur netflix.com/redeem, saisissez le code.',
      ar: 'على موقع netflix.com/redeem أدخل الرمز.',
      en: 'On netflix.com/redeem, enter the code.',
    },
  },
];
