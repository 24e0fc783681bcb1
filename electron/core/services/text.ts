import type { DocNode } from '../../../shared/domain/article';

/**
 * Puts every text node of a document into NFC. Runs on save (never during typing), so what is
 * stored and searched is canonical whatever the IME or paste source produced.
 */
export function normalizeDocText(node: DocNode): DocNode {
  const next: DocNode = { ...node };
  if (typeof node.text === 'string') next.text = node.text.normalize('NFC');
  if (node.content) next.content = node.content.map(normalizeDocText);
  return next;
}
