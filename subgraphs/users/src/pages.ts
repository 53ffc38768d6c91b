import DataLoader from 'dataloader';
import { badInput, encodeCursor, isUuid, pageArgs, type CursorPosition } from '@grahvani/shared';

/** One page request of a list that hangs off a parent row (a user's followers...). */
export interface PageKey {
  parentId: string;
  first: number;
  after?: CursorPosition;
}

/** A fetched child row, tagged with the parent it belongs to. */
export interface PageRow extends CursorPosition {
  parentId: string;
}

/**
 * Fetches up to `first + 1` rows per parent after `after`, for many parents in ONE statement
 * (a LATERAL join), newest first.
 */
export type PageFetcher<R extends PageRow> = (
  parentIds: string[],
  first: number,
  after: CursorPosition | undefined,
) => Promise<R[]>;

/**
 * The page a connection field asks for: `first` 0 to 100 (default 20) and a decoded `after`
 * cursor, else BAD_USER_INPUT (checked here, so one bad field cannot fail its siblings' batch).
 */
export function pageKey(
  parentId: string,
  args: { first?: number | null; after?: string | null },
): PageKey {
  const { first, after } = pageArgs(args);
  if (after && !isUuid(after.id)) throw badInput('Invalid cursor', 'after');
  return { parentId, first, after };
}

const groupOf = (key: PageKey) => `${key.first}:${key.after ? encodeCursor(key.after) : ''}`;

/**
 * A per-request loader of pages: sibling fields asking the same page (same `first` and
 * `after`) of different parents cost one statement together, whatever their number.
 */
export function createPageLoader<R extends PageRow>(fetch: PageFetcher<R>) {
  return new DataLoader<PageKey, R[], string>(
    async (keys) => {
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) {
        const group = groups.get(groupOf(key));
        if (group) group.push(key);
        else groups.set(groupOf(key), [key]);
      }
      const pages = new Map<string, R[]>();
      await Promise.all(
        [...groups.entries()].map(async ([group, members]) => {
          const { first, after } = members[0] as PageKey;
          const parentIds = [...new Set(members.map((k) => k.parentId).filter(isUuid))];
          const rows = parentIds.length > 0 ? await fetch(parentIds, first, after) : [];
          for (const row of rows) {
            const id = `${row.parentId}|${group}`;
            const page = pages.get(id);
            if (page) page.push(row);
            else pages.set(id, [row]);
          }
        }),
      );
      return keys.map((key) => pages.get(`${key.parentId}|${groupOf(key)}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.parentId}|${groupOf(key)}` },
  );
}
