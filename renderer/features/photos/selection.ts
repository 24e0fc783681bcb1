/*
 * Grid selection as Photo Mechanic and file managers do it: click picks one, Ctrl/⌘-click
 * toggles, Shift-click selects the range from the anchor (Ctrl+Shift adds the range). Pure, so
 * the rules are tested without rendering a grid.
 */

/** The selected photo ids and the anchor a Shift-click measures from. */
export interface Selection {
  ids: ReadonlySet<string>;
  anchor: string | null;
}

/** Which modifier keys were held during the click. */
export interface ClickModifiers {
  toggle: boolean;
  range: boolean;
}

/** Nothing selected. */
export const emptySelection: Selection = { ids: new Set(), anchor: null };

/** The selection after clicking `id` in a grid showing `order`. */
export function clickSelection(
  current: Selection,
  order: readonly string[],
  id: string,
  modifiers: ClickModifiers,
): Selection {
  if (modifiers.range && current.anchor !== null) {
    const from = order.indexOf(current.anchor);
    const to = order.indexOf(id);
    if (from !== -1 && to !== -1) {
      const range = order.slice(Math.min(from, to), Math.max(from, to) + 1);
      const ids = modifiers.toggle ? new Set([...current.ids, ...range]) : new Set(range);
      return { ids, anchor: current.anchor };
    }
  }
  if (modifiers.toggle) {
    const ids = new Set(current.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id };
  }
  return { ids: new Set([id]), anchor: id };
}

/** Every photo in the grid, anchored at the first. */
export function selectAll(order: readonly string[]): Selection {
  return { ids: new Set(order), anchor: order[0] ?? null };
}

/** Drops ids that left the grid (after a filter change or a deletion), keeping the order's. */
export function keepVisible(current: Selection, order: readonly string[]): Selection {
  const visible = new Set(order);
  const ids = new Set([...current.ids].filter((id) => visible.has(id)));
  if (ids.size === current.ids.size) return current;
  const anchor = current.anchor !== null && visible.has(current.anchor) ? current.anchor : null;
  return { ids, anchor };
}

/** The selected ids in grid order, as the calls and the caption panel want them. */
export function selectedInOrder(current: Selection, order: readonly string[]): string[] {
  return order.filter((id) => current.ids.has(id));
}
