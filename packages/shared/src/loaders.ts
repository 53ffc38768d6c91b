import DataLoader from 'dataloader';

/**
 * A per-request loader of rows by a unique key: one query for all keys asked in the same tick,
 * results in key order, null for keys with no row.
 */
export function createRowLoader<K extends string, T>(
  fetch: (keys: readonly K[]) => Promise<T[]>,
  keyOf: (row: T) => K,
): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A per-request loader of row lists grouped by a foreign key (e.g. a client's notes). */
export function createGroupLoader<K extends string, T>(
  fetch: (keys: readonly K[]) => Promise<T[]>,
  groupOf: (row: T) => K,
): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(groupOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** True when `value` is a canonical UUID (ids are uuids; anything else cannot exist). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
