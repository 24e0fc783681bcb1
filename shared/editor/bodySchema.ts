import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { z } from 'zod';

import type { DocNode } from '../domain/article';
import { findDocProblem } from '../domain/article';
import { articleMarks, articleNodes } from './articleFormat';
import { articleSchemaExtensions } from './extensions';

/**
 * The one body schema (docs/body-schema.md): the node and mark types, with their attributes, of
 * the article format (`articleFormat.ts`), which the editor's TipTap schema is built from. The
 * core validates every body it accepts (save, bundle import) against it, and the editor opens read-only any stored body that
 * does not pass, because ProseMirror would drop what it does not know and the next save would
 * overwrite the stored text.
 */

/** What kind of thing in a body the editor cannot read. */
export type BodyProblemKind =
  'unknown_node' | 'unknown_mark' | 'unknown_attribute' | 'empty_text' | 'invalid_structure';

/** Why a body cannot be opened by this editor: the offending type by name, and a Vietnamese message. */
export interface BodyProblem {
  kind: BodyProblemKind;
  /** The node or mark type (for attributes `type.attr`), as stored. */
  name: string;
  /** What it is, for a sentence: `loại khối «callout»`. */
  what: string;
  message: string;
}

/** Allowed attribute names per node or mark type, and the schema for the content rules. */
interface AllowedTypes {
  schema: Schema;
  nodes: ReadonlyMap<string, ReadonlySet<string>>;
  marks: ReadonlyMap<string, ReadonlySet<string>>;
}

let allowed: AllowedTypes | null = null;

function typeMap(types: Record<string, readonly string[]>): Map<string, Set<string>> {
  return new Map(Object.entries(types).map(([name, attrs]) => [name, new Set(attrs)]));
}

/**
 * Built once from the article format: the types and attributes from `articleFormat.ts`, the
 * content rules from the TipTap schema built from it, so a new type changes what is accepted.
 */
function allowedTypes(): AllowedTypes {
  if (allowed) return allowed;
  allowed = {
    schema: getSchema(articleSchemaExtensions()),
    nodes: typeMap(articleNodes),
    marks: typeMap(articleMarks),
  };
  return allowed;
}

/** Node types the editor knows, with their attributes (for docs and tests). */
export function bodyNodeTypes(): ReadonlyMap<string, ReadonlySet<string>> {
  return allowedTypes().nodes;
}

/** Mark types the editor knows, with their attributes (for docs and tests). */
export function bodyMarkTypes(): ReadonlyMap<string, ReadonlySet<string>> {
  return allowedTypes().marks;
}

const unreadable =
  'Trình soạn thảo của phiên bản Newsdesk này không đọc được nên không nhận nội dung này; có thể nó do một phiên bản Newsdesk mới hơn tạo ra.';

function problem(kind: BodyProblemKind, name: string, what: string): BodyProblem {
  return { kind, name, what, message: `Nội dung bài có ${what}. ${unreadable}` };
}

/**
 * The first thing in a body (already shaped as a doc, see `findDocProblem`) that this editor would
 * drop or refuse: an unknown node or mark type, an unknown attribute, an empty text node, or a
 * structure the schema does not allow (e.g. a paragraph inside a text run). Null when the editor
 * opens it exactly as stored.
 */
export function findBodySchemaProblem(doc: DocNode): BodyProblem | null {
  const { schema, nodes, marks } = allowedTypes();
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    const attrs = nodes.get(node.type);
    if (!attrs) return problem('unknown_node', node.type, `loại khối «${node.type}»`);
    for (const key of Object.keys(node.attrs ?? {})) {
      if (!attrs.has(key)) {
        return problem(
          'unknown_attribute',
          `${node.type}.${key}`,
          `thuộc tính «${key}» của khối «${node.type}»`,
        );
      }
    }
    if (node.type === 'text' ? !node.text : node.text !== undefined) {
      return problem(
        'empty_text',
        node.type,
        `một đoạn chữ không hợp lệ trong khối «${node.type}»`,
      );
    }
    for (const mark of node.marks ?? []) {
      const markAttrs = marks.get(mark.type);
      if (!markAttrs) return problem('unknown_mark', mark.type, `định dạng chữ «${mark.type}»`);
      for (const key of Object.keys(mark.attrs ?? {})) {
        if (!markAttrs.has(key)) {
          return problem(
            'unknown_attribute',
            `${mark.type}.${key}`,
            `thuộc tính «${key}» của định dạng «${mark.type}»`,
          );
        }
      }
    }
    for (const child of node.content ?? []) stack.push(child);
  }
  try {
    schema.nodeFromJSON(doc).check();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const name = /for node (\w+)/u.exec(detail)?.[1] ?? 'doc';
    return problem('invalid_structure', name, `cấu trúc không hợp lệ ở khối «${name}»`);
  }
  return null;
}

/**
 * The contract's schema for a body the core accepts: a doc (`findDocProblem`: shape, depth) that
 * the editor opens exactly as stored (`findBodySchemaProblem`). The issue message names the type.
 */
export const articleBodySchema = z.custom<DocNode>().superRefine((value, context) => {
  const shape = findDocProblem(value);
  if (shape) {
    context.addIssue({ code: 'custom', message: shape });
    return;
  }
  const found = findBodySchemaProblem(value);
  if (found) context.addIssue({ code: 'custom', message: found.message, params: { ...found } });
});
