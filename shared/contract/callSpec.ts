import { z } from 'zod';

/**
 * A call in the contract: its input schema and (as a phantom type) its result. The result is a
 * type only: the main side builds it, so there is nothing to validate on the way back.
 */
export interface CallSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: never set at run time; carries the result type. */
  readonly output?: O;
}

/** Declares a call: `call<Result>()(inputSchema)`. Used by every per-domain call list. */
export function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });
}

/** Ids the contract hands out are UUIDs; anything else is refused before it reaches SQL. */
export const id = z.string().uuid();

/** Calls without arguments still take a strict empty object, so stray fields are refused. */
export const noInput = z.object({}).strict();
