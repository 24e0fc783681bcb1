import { afterEach, describe, expect, it } from 'vitest';

import { callNames } from '../../../shared/contract/calls';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import { assembleHandlers } from './assembleHandlers';
import type { Core } from './createCore';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('assembling the handlers', () => {
  it('refuses a call name defined in two slices, naming both (the old workflow.transition double)', () => {
    const workflowDesk = {
      'workflow.transition': () => 'the workflow alone',
      'workflow.state': () => 'state',
    };
    const createCore = { 'workflow.transition': () => 'through the publishing bridge' };
    expect(() => assembleHandlers({ workflowDesk, createCore })).toThrow(
      /workflow\.transition.*workflowDesk.*createCore/u,
    );
  });

  it('joins slices without a shared name, each call to its own handler', () => {
    const joined = assembleHandlers({
      a: { 'one.call': () => 1 },
      b: { 'two.call': () => 2 },
    });
    expect(Object.keys(joined).sort()).toEqual(['one.call', 'two.call']);
    expect(joined['two.call']()).toBe(2);
  });

  it('opens a real core whose slices answer every contract call once', async () => {
    // createCore assembles its domains' slices; a double would have thrown while opening.
    core = openTestCore();
    expect(callNames.length).toBeGreaterThan(100);
    const status = await callCore(core, 'auth.status', {});
    expect(status.hasAccounts).toBe(true);
  });
});
