// Lists grouped by a key, for the screens that show items under a heading (a day, a person).

/** The items by `key`: the keys in the order they first appear, each group's items in list order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
