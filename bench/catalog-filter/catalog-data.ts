import { createHash } from 'node:crypto';
import type { Catalog, Denomination } from '../../shared/domain';
import { seeded } from '../lib/stats';

const BRANDS = [
  'PlayStation Network',
  'Google Play',
  'iTunes',
  'Free Fire',
  'PUBG Mobile',
  'Netflix',
  'Steam',
  'Xbox Live',
  'Nintendo eShop',
  'Razer Gold',
  'Spotify',
  'Amazon',
  'Roblox',
  'Fortnite V-Bucks',
  'Mobile Legends',
  'Yalla Ludo',
  'Jawaker',
  'Likee',
  'TikTok Coins',
  'Bigo Live',
  'Valorant',
  'League of Legends',
  'Call of Duty Points',
  'Apple',
  'Shahid VIP',
  'OSN+',
  'Anghami',
  'beIN Connect',
  'Deezer',
  'Disney+',
  'EA Play',
  'Ubisoft+',
  'Genshin Impact',
  'Clash of Clans',
  'Minecraft',
  'Skype',
  'Crunchyroll',
  'Twitch',
  'Visa prépayée',
  'Mastercard prépayée',
];
const REGIONS = [
  'France',
  'USA',
  'UK',
  'UAE',
  'KSA',
  'Turquie',
  'Europe',
  'Global',
  'Algérie',
  'Maroc',
  'Tunisie',
  'Égypte',
  'Qatar',
  'Koweït',
  'Canada',
  'Allemagne',
  'Espagne',
  'Italie',
  'Liban',
  'Jordanie',
];
const VARIANTS = ['', ' — édition promo', ' بطاقة'];

const id = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

/** 2,000 products in 40 categories, 5 denominations each (10,000), titles with accents and some Arabic. */
export function bigCatalog(): { catalog: Catalog; denominations: Record<string, Denomination[]> } {
  const rand = seeded(42);
  const categories: Catalog['categories'] = BRANDS.map((b) => ({ id: id(`cat:${b}`).slice(0, 12), title: b, productIds: [] }));
  const products: Catalog['products'] = [];
  const denominations: Record<string, Denomination[]> = {};
  outer: for (const variant of VARIANTS) {
    for (const region of REGIONS) {
      for (let b = 0; b < BRANDS.length; b++) {
        if (products.length >= 2000) break outer;
        const title = `${BRANDS[b]} ${region}${variant}`;
        const pid = id(`p:${title}`);
        const cat = categories[b]!;
        cat.productIds.push(pid);
        products.push({ id: pid, title, enabled: rand() > 0.05, region, categoryId: cat.id });
        denominations[pid] = [5, 10, 25, 50, 100].map((v) => {
          const costC = Math.round(v * 281.5 * 100);
          return { typeId: id(`t:${title}:${v}`), name: `${v} USD`, costC, retailC: Math.ceil((costC * 1.05) / 100) * 100, stock: Math.floor(rand() * 400) };
        });
      }
    }
  }
  return { catalog: { categories, products, fetchedAt: new Date().toISOString(), stale: false }, denominations };
}

/** 50 keystrokes a cashier might type: words, a region, corrections. Each is a key for Playwright's keyboard. */
export function keystrokes(): string[] {
  const keys: string[] = [];
  const type = (s: string) => keys.push(...s.split(''));
  const back = (n: number) => keys.push(...Array.from({ length: n }, () => 'Backspace'));
  type('playstation');
  type(' fr');
  back(3);
  back(11);
  type('free fire');
  back(4);
  type('google');
  back(3);
  if (keys.length !== 50) throw new Error(`expected 50 keystrokes, got ${keys.length}`);
  return keys;
}
