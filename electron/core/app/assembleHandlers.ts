import type { Handlers } from '../contract/dispatch';

/** A domain's share of the contract: call name → handler, as `xxxHandlers(deps)` returns it. */
export type HandlerSlice = Partial<Handlers>;

type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (
  value: infer I,
) => void
  ? I
  : never;

/**
 * Joins the domains' handler slices into one map for dispatch (docs/ARCHITECTURE.md, "one
 * handler per call"). A call name in two slices throws, naming both, instead of the later one
 * silently answering (a change to the hidden one would do nothing); it is a programming error,
 * so it stops the core from opening at all. The result's
 * type is every slice's keys together, so assigning it to `Handlers` makes the compiler refuse a
 * contract call no slice answers.
 */
export function assembleHandlers<T extends Record<string, object>>(
  slices: T,
): Intersection<T[keyof T]> {
  const owner = new Map<string, string>();
  const joined: Record<string, unknown> = {};
  for (const [slice, handlers] of Object.entries(slices)) {
    for (const [name, handler] of Object.entries(handlers)) {
      const first = owner.get(name);
      if (first !== undefined) {
        throw new Error(`call ${name} is defined twice: in ${first} and in ${slice}`);
      }
      owner.set(name, slice);
      joined[name] = handler;
    }
  }
  return joined as Intersection<T[keyof T]>;
}
