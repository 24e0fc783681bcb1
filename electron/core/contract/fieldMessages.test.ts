import type { z } from 'zod';
import { describe, expect, it } from 'vitest';

import { calls } from '../../../shared/contract/calls';
import { fieldLabel } from '../../../shared/contract/fieldLabels';
import { refusalMessage } from '../../../shared/contract/refusalMessage';

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): SchemaDef =>
  (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** Every field of a call's input, as a path of keys (array elements as index 0). */
function fieldPaths(
  schema: z.ZodType,
  prefix: Array<string | number> = [],
  depth = 0,
): Array<Array<string | number>> {
  if (depth > 10) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) => [
        [...prefix, key],
        ...fieldPaths(child, [...prefix, key], depth + 1),
      ]);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? fieldPaths(def.innerType, prefix, depth + 1) : [];
    case 'pipe':
      return def.in ? fieldPaths(def.in, prefix, depth + 1) : [];
    case 'array':
      return def.element ? fieldPaths(def.element, [...prefix, 0], depth + 1) : [];
    case 'union':
    case 'discriminatedUnion':
      return (def.options ?? []).flatMap((option) => fieldPaths(option, prefix, depth + 1));
    default:
      return [];
  }
}

/** `value` placed at `path` inside otherwise empty objects and arrays. */
function placed(path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  return typeof head === 'number'
    ? [placed(rest, value)]
    : { [head as string]: placed(rest, value) };
}

const badValues: unknown[] = [
  12345,
  'x'.repeat(300_000),
  'không-hợp-lệ',
  null,
  {},
  [],
  '',
  -1e12,
  true,
];
const samePath = (a: readonly PropertyKey[], b: Array<string | number>): boolean =>
  a.length === b.length && a.every((part, i) => String(part) === String(b[i]));

const cases = Object.entries(calls).flatMap(([name, spec]) =>
  fieldPaths(spec.input as z.ZodType).map((path) => ({ name, path })),
);

describe('no raw validation text reaches a person', () => {
  it('has a label for every field of every call', () => {
    const missing = cases.filter(({ name, path }) => fieldLabel(name, path) === null);
    expect(missing.map(({ name, path }) => `${name}: ${path.join('.')}`)).toEqual([]);
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases.map((c) => [`${c.name} ${c.path.join('.')}`, c] as const))(
    'refuses a bad %s with a Vietnamese sentence about the field',
    (_, { name, path }) => {
      const spec = calls[name as keyof typeof calls];
      const issues = badValues.flatMap((value) => {
        const parsed = (spec.input as z.ZodType).safeParse(placed(path, value));
        return parsed.success
          ? []
          : parsed.error.issues.filter((issue) => samePath(issue.path, path));
      });
      // A field that accepts every one of the bad values has nothing to refuse.
      for (const issue of issues) {
        const message = refusalMessage(name, issue);
        expect(message).not.toMatch(/trường «|mong đợi|expected|Invalid|>=|<=/);
        expect(message).not.toContain(`«${String(path[path.length - 1])}»`);
        // The contract's own sentences stand as written; zod's wording is replaced by the label's.
        if (message !== issue.message && issue.code !== 'unrecognized_keys') {
          expect(message.toLocaleLowerCase('vi')).toContain(
            (fieldLabel(name, path) ?? '∅').toLocaleLowerCase('vi'),
          );
        }
        expect(message).toMatch(/[.!]$/);
      }
    },
  );

  it('says what to do about the two refusals people met on day one', () => {
    const name = calls['workflow.setPolicy'].input.safeParse({ workstationName: '' });
    expect(name.success).toBe(false);
    expect(refusalMessage('workflow.setPolicy', name.error?.issues[0])).toBe(
      'Tên máy trạm đang trống. Hãy nhập tên máy trạm.',
    );
    const url = calls['portals.test'].input.safeParse({
      kind: 'wordpress',
      baseUrl: 'baotinh.vn',
      username: 'admin',
      secret: 'x',
    });
    expect(url.success).toBe(false);
    const issue = url.error?.issues.find((found) => found.path[0] === 'baseUrl');
    expect(refusalMessage('portals.test', issue)).toContain('bắt đầu bằng http:// hoặc https://');
  });
});
