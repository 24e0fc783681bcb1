// Deliberate violation: application code reaching into tests/.
import { tempDir } from '../../../tests/support/tempDir';

/** Would ship a test helper inside the core. */
export const scratchFolder = (): string => tempDir();
