import type { Editor } from '@tiptap/react';

import type { CheckTarget } from '../../../shared/checks/articleChecks';

const fieldTestIds: Record<string, string> = {
  title: 'editor-title',
  lead: 'editor-lead',
  slug: 'meta-slug',
  categoryId: 'meta-category',
  authorId: 'meta-author',
  tags: 'meta-tags',
  source: 'meta-source',
  publishAt: 'meta-publish',
  expireAt: 'meta-expire',
  featuredImage: 'meta-featured',
};

/** Document position of the node at a child-index path from the root, or null if gone. */
export function positionOfPath(editor: Editor, path: number[]): number | null {
  let node = editor.state.doc;
  let pos = 0;
  for (const [depth, index] of path.entries()) {
    if (index >= node.childCount) return null;
    for (let i = 0; i < index; i += 1) pos += node.child(i).nodeSize;
    node = node.child(index);
    if (depth < path.length - 1) pos += 1;
  }
  return pos;
}

/** Takes the reporter to what a check is about: a field gets focus, a node gets selected. */
export function focusTarget(
  editor: Editor,
  target: CheckTarget,
  root: ParentNode = document,
): boolean {
  if (target.kind === 'field') {
    const element = root.querySelector<HTMLElement>(
      `[data-testid="${fieldTestIds[target.field] ?? ''}"]`,
    );
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
    return element !== null;
  }
  const pos = positionOfPath(editor, target.path);
  if (pos === null) return false;
  const node = editor.state.doc.nodeAt(pos);
  if (!node) return false;
  const chain = editor.chain().focus();
  if (node.isAtom || node.type.name === 'figure') chain.setNodeSelection(pos);
  else chain.setTextSelection(pos + 1);
  chain.scrollIntoView().run();
  return true;
}
