import { describe, expect, it } from 'vitest';

import { photoRecord } from './fakePhotoApi';
import { changedFields, sharedValue } from './captionDraft';
import { chunkFiles } from './importChunks';
import { photoDeskLabels } from './labels';
import { clickSelection, emptySelection, keepVisible, selectAll } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (selection: { ids: ReadonlySet<string> }) => [...selection.ids].sort();

describe('clickSelection', () => {
  it('replaces, toggles and extends ranges from the anchor', () => {
    const one = clickSelection(emptySelection, order, 'b', { toggle: false, range: false });
    expect(ids(one)).toEqual(['b']);
    const range = clickSelection(one, order, 'd', { toggle: false, range: true });
    expect(ids(range)).toEqual(['b', 'c', 'd']);
    const back = clickSelection(range, order, 'a', { toggle: false, range: true });
    expect(ids(back)).toEqual(['a', 'b']);
    const added = clickSelection(back, order, 'e', { toggle: true, range: false });
    expect(ids(added)).toEqual(['a', 'b', 'e']);
    const union = clickSelection({ ...added, anchor: 'c' }, order, 'd', {
      toggle: true,
      range: true,
    });
    expect(ids(union)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Shift without an anchor behaves as a plain click.
    expect(ids(clickSelection(emptySelection, order, 'c', { toggle: false, range: true }))).toEqual(
      ['c'],
    );
  });

  it('selects all and forgets photos that left the grid', () => {
    const all = selectAll(order);
    expect(all.anchor).toBe('a');
    const kept = keepVisible(all, ['b', 'c']);
    expect(ids(kept)).toEqual(['b', 'c']);
    expect(kept.anchor).toBeNull();
    expect(keepVisible(kept, ['b', 'c'])).toBe(kept);
  });
});

describe('caption drafts', () => {
  const photos = [
    photoRecord('a', { caption: 'Một', byline: 'Minh Anh' }),
    photoRecord('b', { caption: 'Hai', byline: 'Minh Anh' }),
  ];
  it('shares equal values and sends only real changes', () => {
    expect(sharedValue(photos, 'caption')).toBeNull();
    expect(sharedValue(photos, 'byline')).toBe('Minh Anh');
    expect(changedFields(photos, { byline: 'Minh Anh', credit: 'TTXVN' })).toEqual({
      credit: 'TTXVN',
    });
    expect(changedFields(photos, { caption: '' })).toEqual({ caption: '' });
  });
});

describe('chunkFiles', () => {
  it('splits by count and by size, keeping big files alone', () => {
    const mb = 1024 * 1024;
    const small = Array.from({ length: 45 }, () => ({ size: mb }));
    expect(chunkFiles(small).map((chunk) => chunk.length)).toEqual([20, 20, 5]);
    const big = [{ size: 35 * mb }, { size: 30 * mb }, { size: 70 * mb }, { size: mb }];
    expect(chunkFiles(big).map((chunk) => chunk.length)).toEqual([1, 1, 1, 1]);
  });
});

describe('labels', () => {
  it('words the ETA in Vietnamese and English', () => {
    expect(photoDeskLabels.vi.eta(80)).toBe('còn khoảng 1 phút 20 giây');
    expect(photoDeskLabels.vi.eta(42.4)).toBe('còn khoảng 42 giây');
    expect(photoDeskLabels.en.eta(120)).toBe('about 2 min left');
  });
});
