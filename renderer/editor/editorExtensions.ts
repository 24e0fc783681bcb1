import type { Extensions } from '@tiptap/core';

import { articleSchemaExtensions } from '../../shared/editor/extensions';

/** The editor's extensions: the shared article schema plus what only the UI needs. */
export function editorExtensions(): Extensions {
  return [...articleSchemaExtensions()];
}
