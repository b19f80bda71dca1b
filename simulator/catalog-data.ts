/**
 * The simulated catalog, as plain data. Prices are wholesale DZD as an Algerian reseller would
 * pay them (foreign-currency cards priced near the parallel-market rate), quarter-dinar precision
 * so that fractional amounts like 496.25 exercise the till's centime arithmetic.
 */

export interface DenominationSeed {
  /** Pins the type id (the documented sandbox magic ids); otherwise derived from the names. */
  id?: string;
  name: string;
  price: number;
  /** Omitted: a stable pseudo-random stock is derived from the id (catalog.ts). */
  stock?: number;
}

export interface ProductSeed {
  title: string;
  region?: string;
  enabled?: boolean;
  denominations: DenominationSeed[];
}

export interface CategorySeed {
  title: string;
  products: ProductSeed[];
}

const DZD_PER_UNIT = { USD: 281.5, EUR: 305.75, GBP: 356.25, AED: 76.5, TRY: 8.25 } as const;
type Currency = keyof typeof DZD_PER_UNIT;

function quarter(x: number): number {
  return Math.round(x * 4) / 4;
}

/** One card of a foreign face value; `premiumPct` is the provider's margin for that brand. */
function fx(name: string, face: number, currency: Currency, premiumPct = 1, stock?: number): DenominationSeed {
  const price = quarter(face * DZD_PER_UNIT[currency] * (1 + premiumPct / 100));
  return stock === undefined ? { name, price } : { name, price, stock };
}

/** "PSN 10 USD", "PSN 20 USD"…; `stock` pins the stock of some face values. */
function faces(prefix: string, currency: Currency, values: number[], opts: { premiumPct?: number; stock?: Record<number, number> } = {}): DenominationSeed[] {
  return values.map((v) => fx(`${prefix} ${v} ${currency}`, v, currency, opts.premiumPct ?? 1, opts.stock?.[v]));
}

/** A product of plans priced in one currency ("NSO 3 mois": 7.99…); `stock` pins the stock of some plans. */
function plans(title: string, region: string, currency: Currency, faceByName: Record<string, number>, stock: Record<string, number> = {}): ProductSeed {
  return { title, region, denominations: Object.entries(faceByName).map(([name, face]) => fx(name, face, currency, 1, stock[name])) };
}

function dzd(name: string, price: number, stock?: number): DenominationSeed {
  return stock === undefined ? { name, price } : { name, price, stock };
}

export const CATALOG_SEED: CategorySeed[] = [
  {
    title: 'PlayStation',
    products: [
      {
        title: 'PlayStation Network',
        region: 'us',
        denominations: faces('PSN', 'USD', [10, 20, 25, 50, 100], { stock: { 10: 250, 20: 180, 100: 0 } }),
      },
      { title: 'PlayStation Network France', region: 'fr', denominations: faces('PSN', 'EUR', [10, 20, 50]) },
      { title: 'PlayStation Network UK', region: 'gb', denominations: faces('PSN', 'GBP', [10, 20, 50], { premiumPct: 2 }) },
      { title: 'PlayStation Network UAE', region: 'ae', denominations: faces('PSN UAE', 'USD', [10, 20, 50], { premiumPct: 2.5 }) },
      plans(
        'PlayStation Plus Essential',
        'fr',
        'EUR',
        { 'PS Plus Essential 1 mois': 8.99, 'PS Plus Essential 3 mois': 24.99, 'PS Plus Essential 12 mois': 71.99 },
        { 'PS Plus Essential 12 mois': 0 },
      ),
    ],
  },
  {
    title: 'Xbox',
    products: [
      { title: 'Xbox Gift Card', region: 'us', denominations: faces('Xbox', 'USD', [10, 15, 25, 50]) },
      { title: 'Xbox Gift Card Europe', region: 'eu', denominations: faces('Xbox', 'EUR', [10, 25, 50]) },
      plans('Xbox Game Pass Ultimate', 'eu', 'EUR', { 'Game Pass Ultimate 1 mois': 17.99, 'Game Pass Ultimate 3 mois': 53.97 }),
      plans('Xbox Game Pass Core', 'eu', 'EUR', { 'Game Pass Core 3 mois': 24.99, 'Game Pass Core 12 mois': 74.99 }),
    ],
  },
  {
    title: 'Nintendo',
    products: [
      { title: 'Nintendo eShop', region: 'us', denominations: faces('eShop', 'USD', [10, 20, 35, 50]) },
      { title: 'Nintendo eShop Europe', region: 'eu', denominations: faces('eShop', 'EUR', [15, 25, 50]) },
      plans('Nintendo Switch Online', 'eu', 'EUR', { 'NSO 3 mois': 7.99, 'NSO 12 mois': 19.99, 'NSO Famille 12 mois': 34.99 }),
    ],
  },
  {
    title: 'Steam',
    products: [
      { title: 'Steam Wallet', region: 'us', denominations: faces('Steam', 'USD', [5, 10, 20, 50, 100], { premiumPct: 1.5 }) },
      { title: 'Steam Wallet Europe', region: 'eu', denominations: faces('Steam', 'EUR', [5, 10, 25, 50], { premiumPct: 1.5 }) },
      { title: 'Steam Wallet UAE', region: 'ae', denominations: faces('Steam', 'AED', [50, 100, 200], { premiumPct: 2 }) },
    ],
  },
  {
    title: 'Google Play',
    products: [
      {
        title: 'Google Play Algérie',
        region: 'dz',
        denominations: [
          dzd('Google Play 500 DA', 496.25),
          dzd('Google Play 1000 DA', 990.5),
          dzd('Google Play 2000 DA', 1979),
          dzd('Google Play 5000 DA', 4945.75),
        ],
      },
      { title: 'Google Play US', region: 'us', denominations: faces('Google Play', 'USD', [10, 15, 25, 50]) },
      { title: 'Google Play France', region: 'fr', denominations: faces('Google Play', 'EUR', [15, 25, 50], { stock: { 50: 0 } }) },
    ],
  },
  {
    title: 'App Store & iTunes',
    products: [
      { title: 'App Store & iTunes US', region: 'us', denominations: faces('iTunes', 'USD', [10, 25, 50, 100], { premiumPct: 1.5 }) },
      { title: 'App Store & iTunes France', region: 'fr', denominations: faces('iTunes', 'EUR', [15, 25, 50], { premiumPct: 1.5 }) },
      { title: 'App Store & iTunes UAE', region: 'ae', denominations: faces('iTunes', 'AED', [50, 100, 250], { premiumPct: 2 }) },
    ],
  },
  {
    title: 'Free Fire',
    products: [
      {
        title: 'Free Fire Diamants',
        denominations: [
          dzd('Free Fire 100 Diamants', 215),
          dzd('Free Fire 210 Diamants', 425.5),
          dzd('Free Fire 530 Diamants', 1060),
          dzd('Free Fire 1080 Diamants', 2120.75),
          dzd('Free Fire 2200 Diamants', 4275),
        ],
      },
      {
        title: 'Free Fire Abonnement',
        denominations: [dzd('Free Fire Abonnement hebdomadaire', 405), dzd('Free Fire Abonnement mensuel', 1890)],
      },
    ],
  },
  {
    title: 'PUBG Mobile',
    products: [
      {
        title: 'PUBG Mobile UC',
        denominations: [
          dzd('PUBG 60 UC', 215.5),
          dzd('PUBG 325 UC', 1050),
          dzd('PUBG 660 UC', 2095.25),
          dzd('PUBG 1800 UC', 5230),
          dzd('PUBG 3850 UC', 10450),
          dzd('PUBG 8100 UC', 20890, 0),
        ],
      },
      {
        title: 'PUBG Mobile Prime',
        denominations: [dzd('PUBG Prime 1 mois', 290.75), dzd('PUBG Prime Plus 1 mois', 2860)],
      },
    ],
  },
  {
    title: 'Netflix',
    products: [
      { title: 'Netflix France', region: 'fr', denominations: faces('Netflix', 'EUR', [15, 25, 50], { premiumPct: 2 }) },
      { title: 'Netflix US', region: 'us', denominations: faces('Netflix', 'USD', [30, 50, 100], { premiumPct: 2 }) },
      // Deliberately disabled: the till must hide or refuse products the provider switched off.
      { title: 'Netflix Turquie', region: 'tr', enabled: false, denominations: faces('Netflix', 'TRY', [100, 200]) },
    ],
  },
  {
    title: 'Spotify',
    products: [
      { title: 'Spotify Premium France', region: 'fr', denominations: faces('Spotify', 'EUR', [10, 30, 60]) },
      // Deliberately sold out in every denomination.
      {
        title: 'Spotify Premium US',
        region: 'us',
        denominations: faces('Spotify', 'USD', [10, 30, 60], { stock: { 10: 0, 30: 0, 60: 0 } }),
      },
    ],
  },
  {
    title: 'Razer Gold',
    products: [
      { title: 'Razer Gold Global', denominations: faces('Razer Gold', 'USD', [5, 10, 20, 50, 100], { premiumPct: 0.5 }) },
      { title: 'Razer Gold US', region: 'us', denominations: faces('Razer Gold US', 'USD', [10, 25, 50], { premiumPct: 0.5 }) },
    ],
  },
  {
    title: 'Roblox',
    products: [
      { title: 'Roblox', region: 'us', denominations: faces('Roblox', 'USD', [10, 25, 50], { premiumPct: 2 }) },
      { title: 'Roblox Europe', region: 'eu', denominations: faces('Roblox', 'EUR', [10, 25], { premiumPct: 2 }) },
    ],
  },
  {
    title: 'Jeux mobiles',
    products: [
      {
        title: 'Mobile Legends Diamonds',
        denominations: [
          dzd('MLBB 86 Diamonds', 460.25),
          dzd('MLBB 172 Diamonds', 915),
          dzd('MLBB 257 Diamonds', 1370.5),
          dzd('MLBB 706 Diamonds', 3715),
          dzd('MLBB 2195 Diamonds', 11240.75),
        ],
      },
      {
        title: 'Call of Duty Mobile CP',
        denominations: [dzd('CODM 80 CP', 290), dzd('CODM 420 CP', 1420.5), dzd('CODM 880 CP', 2840), dzd('CODM 2400 CP', 7090.25)],
      },
      {
        title: 'Genshin Impact',
        denominations: [
          dzd('Genshin 60 Genesis Crystals', 290.75),
          dzd('Genshin 330 Genesis Crystals', 1430),
          dzd('Genshin 1090 Genesis Crystals', 4290.5),
          dzd('Genshin 2240 Genesis Crystals', 8575),
        ],
      },
      {
        title: 'Yalla Ludo',
        denominations: [dzd('Yalla Ludo 2000 Diamants', 850), dzd('Yalla Ludo 10000 Diamants', 4190.25)],
      },
    ],
  },
  {
    title: 'Jeux PC',
    products: [
      {
        title: 'Fortnite V-Bucks',
        denominations: [
          dzd('Fortnite 1000 V-Bucks', 2540),
          dzd('Fortnite 2800 V-Bucks', 6350.5),
          dzd('Fortnite 5000 V-Bucks', 10160),
          dzd('Fortnite 13500 V-Bucks', 25420.25, 0),
        ],
      },
      {
        title: 'Valorant Points',
        region: 'eu',
        denominations: [dzd('Valorant 475 VP', 1530.5), dzd('Valorant 1000 VP', 3060), dzd('Valorant 2050 VP', 6120.75)],
      },
      {
        title: 'League of Legends RP',
        region: 'eu',
        denominations: [dzd('LoL 575 RP', 1530.5), dzd('LoL 1380 RP', 3365), dzd('LoL 2800 RP', 6730.25)],
      },
      { title: 'Minecraft Minecoins', denominations: [dzd('Minecraft 1720 Minecoins', 2830.5), dzd('Minecraft 3500 Minecoins', 5650)] },
    ],
  },
  {
    title: 'Shopping',
    products: [
      { title: 'Amazon.com', region: 'us', denominations: faces('Amazon', 'USD', [10, 25, 50, 100], { premiumPct: 3 }) },
      { title: 'Amazon.fr', region: 'fr', denominations: faces('Amazon', 'EUR', [15, 25, 50], { premiumPct: 3 }) },
    ],
  },
  {
    title: 'Streaming',
    products: [
      {
        title: 'Shahid VIP',
        denominations: [dzd('Shahid VIP 1 mois', 1240.5), dzd('Shahid VIP 3 mois', 3540), dzd('Shahid VIP 12 mois', 12450.75)],
      },
      { title: 'Anghami Plus', denominations: [dzd('Anghami Plus 1 mois', 690), dzd('Anghami Plus 3 mois', 1960.25)] },
      { title: 'Deezer Premium', region: 'fr', denominations: [fx('Deezer Premium 1 mois', 11.99, 'EUR'), fx('Deezer Premium 3 mois', 35.97, 'EUR')] },
    ],
  },
  {
    // The provider's documented sandbox type ids, offered as a product so that training shows a
    // cashier what a failed and a partly delivered order look like.
    title: 'Tests (sandbox)',
    products: [
      {
        title: 'Cartes de test',
        denominations: [
          { id: 'TEST_PARTIAL', name: 'TEST_PARTIAL (50 % livrées)', price: 500, stock: 1000 },
          { id: 'TEST_REFUND', name: 'TEST_REFUND (échec)', price: 500, stock: 1000 },
        ],
      },
    ],
  },
];
