/** The value `map` holds for `key`, made with `make` and kept there the first time it is asked for. */
export function remembered<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
