// Deliberate layering violation: shared/ must not touch Node.
import fs from 'node:fs';
import path from 'path';

/** Would read a file from shared code. */
export const readIt = (): string => fs.readFileSync(path.join('a', 'b'), 'utf8');
