import { slugSeparator } from './cleanHelper';

/** A pure function with a relative import: allowed in shared/. */
export const join = (parts: string[]): string => parts.join(slugSeparator);
