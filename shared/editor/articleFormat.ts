/**
 * The article format, defined once (docs/body-schema.md): every node and mark type a body may
 * hold, with the attributes each carries. Three things derive from it and a test holds them
 * together (`articleFormat.test.ts`):
 * - the editor's TipTap schema (`articleSchemaExtensions`, which switches StarterKit's parts on or
 *   off by this list and aligns exactly the nodes that carry `textAlign`);
 * - the core's validation of a body on save and bundle import (`findBodySchemaProblem`);
 * - the HTML renderer (`renderBodyHtml`), whose rule table is keyed by these types, so a type
 *   added here without a rule does not compile.
 */

/** Node types with their attribute names. */
export const articleNodes = {
  doc: [],
  text: [],
  paragraph: ['textAlign'],
  heading: ['textAlign', 'level'],
  bulletList: [],
  orderedList: ['start', 'type'],
  listItem: [],
  blockquote: [],
  horizontalRule: [],
  hardBreak: [],
  table: [],
  tableRow: [],
  tableHeader: ['colspan', 'rowspan', 'colwidth', 'align'],
  tableCell: ['colspan', 'rowspan', 'colwidth', 'align'],
  figure: ['mediaPath', 'alt', 'credit'],
} as const satisfies Record<string, readonly string[]>;

/** Mark types with their attribute names. */
export const articleMarks = {
  bold: [],
  italic: [],
  underline: [],
  strike: [],
  link: ['href', 'target', 'rel', 'class', 'title'],
} as const satisfies Record<string, readonly string[]>;

/** A node type of the article format. */
export type ArticleNodeType = keyof typeof articleNodes;

/** A mark type of the article format. */
export type ArticleMarkType = keyof typeof articleMarks;

/** True for a node type the format has (an own key, so `constructor` is not one). */
export function isArticleNodeType(type: string): type is ArticleNodeType {
  return Object.hasOwn(articleNodes, type);
}

/** True for a mark type the format has. */
export function isArticleMarkType(type: string): type is ArticleMarkType {
  return Object.hasOwn(articleMarks, type);
}

/** The node types that carry an attribute (e.g. `textAlign` → paragraph, heading). */
export function nodesWithAttribute(attribute: string): ArticleNodeType[] {
  return (Object.keys(articleNodes) as ArticleNodeType[]).filter((type) =>
    (articleNodes[type] as readonly string[]).includes(attribute),
  );
}
