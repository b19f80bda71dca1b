import { z } from 'zod';
import { walkPages, type OneClickDzClient, type Page } from '../../provider/client';

/**
 * A page of a top-up list, in both shapes the docs give (oneclickdz-topups.md §2.6, §7.7): the
 * mobile list's `data.items` + `data.pagination {page, totalPages}` and the internet list's
 * `data.topups` + `meta.pagination {currentPage, totalPages, hasNextPage}`; either line may answer
 * either, so both are read everywhere.
 */
const listDataSchema = z.union([
  z.looseObject({ items: z.array(z.unknown()), pagination: z.unknown().optional() }),
  z.looseObject({ topups: z.array(z.unknown()), pagination: z.unknown().optional() }),
  z.array(z.unknown()),
]);
const pagination = z.looseObject({
  page: z.number().int().optional(),
  currentPage: z.number().int().optional(),
  totalPages: z.number().int().optional(),
  hasNextPage: z.boolean().optional(),
});

async function listPage<T>(
  api: OneClickDzClient,
  path: string,
  q: { page: number; pageSize: number; from: string; to: string },
  item: (raw: unknown) => T | null,
): Promise<Page<T>> {
  const qs = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize), from: q.from, to: q.to });
  const { data, meta } = await api.readList(`${path}?${qs}`);
  const parsed = api.parse(listDataSchema, data, 'top-up list');
  const rows: unknown[] = Array.isArray(parsed) ? parsed : 'items' in parsed ? (parsed.items as unknown[]) : (parsed.topups as unknown[]);
  const pages = pagination.safeParse((Array.isArray(parsed) ? undefined : parsed.pagination) ?? meta?.pagination).data;
  const page = pages?.page ?? pages?.currentPage ?? q.page;
  const totalPages = pages?.totalPages ?? (pages?.hasNextPage ? page + 1 : page);
  // One unreadable row does not hide the others (reconciliation needs every one it can read).
  const items = rows.map(item).filter((x): x is T => x !== null);
  return { items, page, totalPages };
}

/** Every top-up of a line in a time window, walking the pages. */
export function listAllTopUps<T>(
  api: OneClickDzClient,
  path: string,
  from: number,
  to: number,
  maxPages: number,
  item: (raw: unknown) => T | null,
): Promise<T[]> {
  return walkPages((range) => listPage(api, path, range, item), from, to, maxPages);
}
