/** Small helpers the name indexes share. */

/** Appends to the list under `key`, creating it. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** The first of each code, in order. */
export function distinctByCode<T extends { code: string }>(items: T[]): T[] {
	return [...new Map(items.map((i) => [i.code, i])).values()];
}
