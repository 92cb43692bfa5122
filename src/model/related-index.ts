/** A link between two things by id, as written on one of them (`related` in a CSV row or post). */
export interface RelationLink {
  from: string;
  to: string;
}

/** Builds a both-ways index: a link written on either side shows on both. Ids are sorted, never repeated. */
export function buildRelatedIndex(links: readonly RelationLink[]): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    if (a === b) return;
    const set = sets.get(a) ?? new Set<string>();
    set.add(b);
    sets.set(a, set);
  };
  for (const { from, to } of links) {
    add(from, to);
    add(to, from);
  }
  return new Map([...sets].map(([id, set]) => [id, [...set].sort()]));
}
