/** A group decision: keep every photo ('all'), or only the photo with this id. */
export type GroupChoice = 'all' | (string & {});

/**
 * Near-duplicate pairs joined into groups (connected components): twelve frames of one scene give
 * one group of twelve, not 66 pairs. Ids keep the order of first appearance in `order` when given,
 * otherwise of the pairs. Pure, so the core and the import report group the same way.
 */
export function groupPairs(
  pairs: ReadonlyArray<readonly [string, string]>,
  order: readonly string[] = [],
): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    // Path compression: point every visited id straight at the root.
    let node = id;
    while (node !== root) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const seen: string[] = [];
  const add = (id: string): void => {
    if (!parent.has(id)) {
      parent.set(id, id);
      seen.push(id);
    }
  };
  for (const [a, b] of pairs) {
    add(a);
    add(b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const rank = new Map(order.map((id, index) => [id, index]));
  const sorted = [...seen].sort(
    (x, y) =>
      (rank.get(x) ?? order.length + seen.indexOf(x)) -
      (rank.get(y) ?? order.length + seen.indexOf(y)),
  );
  const groups = new Map<string, string[]>();
  for (const id of sorted) {
    const root = find(id);
    const group = groups.get(root) ?? [];
    group.push(id);
    groups.set(root, group);
  }
  return [...groups.values()];
}
