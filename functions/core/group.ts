// Items grouped under a key, as the jobs gather responses, positions and nominations by unit or by name.

/** Appends `item` to the list `lists` holds under `key`, starting the list when there is none. */
export function pushTo<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}
