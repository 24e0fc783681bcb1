// Deliberate violation: a screen importing a test kit.
import type { TestCoreOptions } from '../../../tests/support/testCore';

/** Would tie the renderer to the test suite. */
export type Options = TestCoreOptions;
