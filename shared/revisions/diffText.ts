import { diffArrays, diffWordsWithSpace } from 'diff';

/** One run of a diff: text both versions share, or text only the older (`removed`) or newer (`added`) has. */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * One row of a side-by-side view: a paragraph of each version, aligned. `null` means the
 * paragraph does not exist on that side (added or deleted as a whole).
 */
export interface DiffRow {
  before: DiffSegment[] | null;
  after: DiffSegment[] | null;
  changed: boolean;
}

interface Change {
  kind: DiffSegment['kind'];
  text: string;
}

function kindOf(change: { added: boolean; removed: boolean }): DiffSegment['kind'] {
  if (change.added) return 'added';
  if (change.removed) return 'removed';
  return 'same';
}

function push(out: DiffSegment[], kind: DiffSegment['kind'], text: string): void {
  if (!text) return;
  const last = out.at(-1);
  if (last?.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/**
 * Folds a run of changes into one removed and one added segment. A space the two versions happen
 * to share between two replaced words ("nói chuyện" → "phát biểu") goes into both sides, so the
 * reader sees two phrases instead of word-by-word confetti. Runs that only remove or only add are
 * left as they are, since a shared space cannot be moved into one side alone.
 */
function flushRun(out: DiffSegment[], run: Change[]): void {
  const hasRemoved = run.some((change) => change.kind === 'removed');
  const hasAdded = run.some((change) => change.kind === 'added');
  if (!(hasRemoved && hasAdded)) {
    for (const change of run) push(out, change.kind, change.text);
    return;
  }
  let removed = '';
  let added = '';
  for (const change of run) {
    if (change.kind !== 'added') removed += change.text;
    if (change.kind !== 'removed') added += change.text;
  }
  push(out, 'removed', removed);
  push(out, 'added', added);
}

/**
 * Word-level diff of two NFC-normalised texts. Vietnamese syllables are separated by spaces, so a
 * "word" here is a syllable; punctuation marks are their own tokens. Joining the `same` and
 * `removed` texts gives `before` back, and `same` and `added` give `after` (both in NFC).
 */
export function diffWords(before: string, after: string): DiffSegment[] {
  const changes = diffWordsWithSpace(before.normalize('NFC'), after.normalize('NFC'));
  const out: DiffSegment[] = [];
  let run: Change[] = [];
  for (const [index, change] of changes.entries()) {
    const kind = kindOf(change);
    const next = changes[index + 1];
    const isGap = kind === 'same' && /^[^\S\r\n]+$/.test(change.value);
    if (kind !== 'same' || (isGap && run.length > 0 && next && kindOf(next) !== 'same')) {
      run.push({ kind, text: change.value });
      continue;
    }
    flushRun(out, run);
    run = [];
    push(out, 'same', change.value);
  }
  flushRun(out, run);
  return out;
}

/** One version's view of a diff: the other side's segments dropped, neighbours merged. */
function side(segments: DiffSegment[], drop: 'added' | 'removed'): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const segment of segments) if (segment.kind !== drop) push(out, segment.kind, segment.text);
  return out;
}

/**
 * Aligns the paragraphs of two versions for a side-by-side view: unchanged paragraphs pair with
 * each other, a replaced stretch pairs paragraphs in order (word diff inside each pair), and the
 * leftovers of a longer stretch stand alone as wholly removed or added.
 */
export function diffBlocks(beforeParagraphs: string[], afterParagraphs: string[]): DiffRow[] {
  const before = beforeParagraphs.map((text) => text.normalize('NFC'));
  const after = afterParagraphs.map((text) => text.normalize('NFC'));
  const rows: DiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];

  const flush = (): void => {
    const pairs = Math.max(removed.length, added.length);
    for (let i = 0; i < pairs; i += 1) {
      const old = removed[i];
      const current = added[i];
      if (old !== undefined && current !== undefined) {
        const segments = diffWords(old, current);
        rows.push({
          before: side(segments, 'added'),
          after: side(segments, 'removed'),
          changed: true,
        });
      } else if (old !== undefined) {
        rows.push({ before: [{ kind: 'removed', text: old }], after: null, changed: true });
      } else if (current !== undefined) {
        rows.push({ before: null, after: [{ kind: 'added', text: current }], changed: true });
      }
    }
    removed = [];
    added = [];
  };

  for (const change of diffArrays(before, after)) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      for (const text of change.value) {
        const same: DiffSegment[] = text ? [{ kind: 'same', text }] : [];
        rows.push({ before: same, after: same.map((segment) => ({ ...segment })), changed: false });
      }
    }
  }
  flush();
  return rows;
}
