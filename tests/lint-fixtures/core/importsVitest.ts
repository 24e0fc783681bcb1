// Deliberate violation: application code using the test runner.
import { expect } from 'vitest';

/** Would put vitest into the shipped core. */
export function mustBeTrue(value: boolean): void {
  expect(value).toBe(true);
}
