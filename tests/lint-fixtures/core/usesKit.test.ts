import { expect, it } from 'vitest';

import { tempDir } from '../../../tests/support/tempDir';

// A test may use vitest and tests/support.
it('makes a folder', () => {
  expect(tempDir()).toContain('newsdesk');
});
