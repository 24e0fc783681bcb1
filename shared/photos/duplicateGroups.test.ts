import { describe, expect, it } from 'vitest';

import { groupPairs } from './duplicateGroups';

describe('groupPairs', () => {
  it('joins 66 pairs of twelve frames into one group of twelve', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = 0; j < i; j += 1) pairs.push([ids[i] ?? '', ids[j] ?? '']);
    }
    expect(pairs).toHaveLength(66);
    expect(groupPairs(pairs, ids)).toEqual([ids]);
  });

  it('keeps separate scenes apart and joins chains', () => {
    expect(
      groupPairs([
        ['b', 'a'],
        ['x', 'y'],
        ['c', 'b'],
      ]),
    ).toEqual([
      ['b', 'a', 'c'],
      ['x', 'y'],
    ]);
    expect(groupPairs([])).toEqual([]);
  });
});
