import { getSchema } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import { describe, expect, it, vi } from 'vitest';

import { bodyMarkTypes, bodyNodeTypes } from '../../shared/editor/bodySchema';
import { editorExtensions } from './editorExtensions';

// The dictionary is a large raw asset the schema does not depend on.
vi.mock('./extensions/spellcheck/dictionary', () => ({ getSpellchecker: () => null }));

function attrs(types: Record<string, { spec: { attrs?: Record<string, unknown> | null } }>) {
  return Object.fromEntries(
    Object.entries(types).map(([name, type]) => [name, Object.keys(type.spec.attrs ?? {}).sort()]),
  );
}

function asObject(map: ReadonlyMap<string, ReadonlySet<string>>) {
  return Object.fromEntries([...map].map(([name, set]) => [name, [...set].sort()]));
}

describe('one body schema', () => {
  it('the editor knows exactly the nodes, marks and attributes the core accepts', () => {
    const schema = getSchema([
      ...editorExtensions({ mediaUrl: (mediaPath) => mediaPath }),
      Placeholder.configure({ placeholder: '' }),
    ]);
    expect(attrs(schema.nodes)).toEqual(asObject(bodyNodeTypes()));
    expect(attrs(schema.marks)).toEqual(asObject(bodyMarkTypes()));
    expect(bodyNodeTypes().has('callout')).toBe(false);
    expect(bodyMarkTypes().has('textStyle')).toBe(false);
  });
});
