import { describe, expect, it } from 'vitest';

import type { ArticleStatus } from '../domain/article';
import { articleStatuses } from '../domain/article';
import type { Role } from './roles';
import { roles } from './roles';
import type { Transition, TransitionCheck } from './transitions';
import {
  availableTransitions,
  checkTransition,
  editRefusal,
  transitionRefusal,
  transitions,
} from './transitions';

/*
 * The expectation, written out by hand from the issue and the newsroom's practice, NOT derived
 * from `transitionTable`: one row per transition and role, one column per state.
 * `-` may not, `own` only on articles they wrote, `any` on any article.
 */
const columns = `
                        draft submitted in_review returned approved scheduled queued published updated taken_down spiked
submit        reporter     own  -         -         own      -        -         -      -         -       -          -
submit        photo_editor own  -         -         own      -        -         -      -         -       -          -
submit        editor       any  -         -         any      -        -         -      -         -       -          -
submit        admin        any  -         -         any      -        -         -      -         -       -          -
withdraw      reporter     -    own       -         -        -        -         -      -         -       -          -
withdraw      photo_editor -    own       -         -        -        -         -      -         -       -          -
withdraw      editor       -    any       -         -        -        -         -      -         -       -          -
withdraw      admin        -    any       -         -        -        -         -      -         -       -          -
startReview   reporter     -    -         -         -        -        -         -      -         -       -          -
startReview   photo_editor -    -         -         -        -        -         -      -         -       -          -
startReview   editor       -    any       -         -        -        -         -      -         -       -          -
startReview   admin        -    any       -         -        -        -         -      -         -       -          -
return        reporter     -    -         -         -        -        -         -      -         -       -          -
return        photo_editor -    -         -         -        -        -         -      -         -       -          -
return        editor       -    any       any       -        -        -         -      -         -       -          -
return        admin        -    any       any       -        -        -         -      -         -       -          -
approve       reporter     -    -         -         -        -        -         -      -         -       -          -
approve       photo_editor -    -         -         -        -        -         -      -         -       -          -
approve       editor       -    any       any       -        -        -         -      -         -       -          -
approve       admin        -    any       any       -        -        -         -      -         -       -          -
reopen        reporter     -    -         -         -        -        -         -      -         -       -          -
reopen        photo_editor -    -         -         -        -        -         -      -         -       -          -
reopen        editor       -    -         -         -        any      any       -      -         -       -          -
reopen        admin        -    -         -         -        any      any       -      -         -       -          -
schedule      reporter     -    -         -         -        -        -         -      -         -       -          -
schedule      photo_editor -    -         -         -        -        -         -      -         -       -          -
schedule      editor       -    -         -         -        any      -         -      -         -       -          -
schedule      admin        -    -         -         -        any      -         -      -         -       -          -
unschedule    reporter     -    -         -         -        -        -         -      -         -       -          -
unschedule    photo_editor -    -         -         -        -        -         -      -         -       -          -
unschedule    editor       -    -         -         -        -        any       -      -         -       -          -
unschedule    admin        -    -         -         -        -        any       -      -         -       -          -
queue         reporter     -    -         -         -        -        -         -      -         -       -          -
queue         photo_editor -    -         -         -        -        -         -      -         -       -          -
queue         editor       -    -         -         -        any      any       -      -         -       -          -
queue         admin        -    -         -         -        any      any       -      -         -       -          -
dequeue       reporter     -    -         -         -        -        -         -      -         -       -          -
dequeue       photo_editor -    -         -         -        -        -         -      -         -       -          -
dequeue       editor       -    -         -         -        -        -         any    -         -       -          -
dequeue       admin        -    -         -         -        -        -         any    -         -       -          -
markPublished reporter     -    -         -         -        -        -         -      -         -       -          -
markPublished photo_editor -    -         -         -        -        -         -      -         -       -          -
markPublished editor       -    -         -         -        -        -         any    -         -       -          -
markPublished admin        -    -         -         -        -        -         any    -         -       -          -
update        reporter     -    -         -         -        -        -         -      -         -       -          -
update        photo_editor -    -         -         -        -        -         -      -         -       -          -
update        editor       -    -         -         -        -        -         -      any       any     -          -
update        admin        -    -         -         -        -        -         -      any       any     -          -
takeDown      reporter     -    -         -         -        -        -         -      -         -       -          -
takeDown      photo_editor -    -         -         -        -        -         -      -         -       -          -
takeDown      editor       -    -         -         -        -        -         -      any       any     -          -
takeDown      admin        -    -         -         -        -        -         -      any       any     -          -
republish     reporter     -    -         -         -        -        -         -      -         -       -          -
republish     photo_editor -    -         -         -        -        -         -      -         -       -          -
republish     editor       -    -         -         -        -        -         -      -         -       any        -
republish     admin        -    -         -         -        -        -         -      -         -       any        -
spike         reporter     own  -         -         own      -        -         -      -         -       -          -
spike         photo_editor own  -         -         own      -        -         -      -         -       -          -
spike         editor       any  any       any       any      any      any       -      -         -       any        -
spike         admin        any  any       any       any      any      any       -      -         -       any        -
unspike       reporter     -    -         -         -        -        -         -      -         -       -          own
unspike       photo_editor -    -         -         -        -        -         -      -         -       -          own
unspike       editor       -    -         -         -        -        -         -      -         -       -          any
unspike       admin        -    -         -         -        -        -         -      -         -       -          any
`;

/** Where each transition leads and whether it needs a note, also written out by hand. */
const targets: Record<Transition, { to: ArticleStatus; note: boolean }> = {
  submit: { to: 'submitted', note: false },
  withdraw: { to: 'draft', note: false },
  startReview: { to: 'in_review', note: false },
  return: { to: 'returned', note: true },
  approve: { to: 'approved', note: false },
  reopen: { to: 'in_review', note: false },
  schedule: { to: 'scheduled', note: false },
  unschedule: { to: 'approved', note: false },
  queue: { to: 'queued', note: false },
  dequeue: { to: 'approved', note: false },
  markPublished: { to: 'published', note: false },
  update: { to: 'updated', note: true },
  takeDown: { to: 'taken_down', note: true },
  republish: { to: 'queued', note: false },
  spike: { to: 'spiked', note: false },
  unspike: { to: 'draft', note: false },
};

type Cell = '-' | 'own' | 'any';

function parseGrid(text: string): Map<string, Cell> {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const [header, ...rows] = lines;
  const states = (header ?? '').trim().split(/\s+/);
  expect(states).toEqual([...articleStatuses]);
  const grid = new Map<string, Cell>();
  for (const row of rows) {
    const [transition, role, ...cells] = row.trim().split(/\s+/);
    expect(cells).toHaveLength(states.length);
    for (const [index, cell] of cells.entries()) {
      expect(['-', 'own', 'any']).toContain(cell);
      grid.set(`${transition}|${role}|${states[index]}`, cell as Cell);
    }
  }
  return grid;
}

const grid = parseGrid(columns);
const cell = (transition: Transition, role: Role, state: ArticleStatus): Cell => {
  const value = grid.get(`${transition}|${role}|${state}`);
  if (value === undefined) throw new Error(`grid has no ${transition}/${role}/${state}`);
  return value;
};

function expected(
  transition: Transition,
  role: Role,
  state: ArticleStatus,
  isOwner: boolean,
  note: string,
): TransitionCheck {
  const allowedRoles = roles.filter((candidate) => cell(transition, candidate, state) !== '-');
  if (allowedRoles.length === 0) {
    const allowedFrom = articleStatuses.filter((from) =>
      roles.some((candidate) => cell(transition, candidate, from) !== '-'),
    );
    return { ok: false, reason: 'wrong_state', allowedFrom };
  }
  const mine = cell(transition, role, state);
  if (mine === '-') return { ok: false, reason: 'role', roles: allowedRoles };
  if (mine === 'own' && !isOwner) return { ok: false, reason: 'not_owner' };
  if (targets[transition].note && note.trim() === '') return { ok: false, reason: 'note_required' };
  return { ok: true, to: targets[transition].to };
}

const cases = transitions.flatMap((transition) =>
  roles.flatMap((role) =>
    articleStatuses.flatMap((state) =>
      [true, false].flatMap((isOwner) =>
        ['', '  ', 'Lý do'].map((note) => ({ transition, role, state, isOwner, note })),
      ),
    ),
  ),
);

describe('transition table', () => {
  it('covers every transition and role in the written expectation', () => {
    expect(grid.size).toBe(transitions.length * roles.length * articleStatuses.length);
    expect(cases).toHaveLength(transitions.length * roles.length * articleStatuses.length * 6);
  });

  it.each(cases)(
    '$transition by $role on $state (owner: $isOwner, note: "$note")',
    ({ transition, role, state, isOwner, note }) => {
      const actual = checkTransition(transition, state, { role, isOwner }, note);
      expect(actual).toEqual(expected(transition, role, state, isOwner, note));
      if (!actual.ok) {
        const message = transitionRefusal(transition, state, actual);
        expect(message.length).toBeGreaterThan(20);
      }
    },
  );

  it('offers exactly the allowed transitions per state, role and ownership', () => {
    for (const role of roles) {
      for (const state of articleStatuses) {
        for (const isOwner of [true, false]) {
          const wanted = transitions.filter((transition) => {
            const mine = cell(transition, role, state);
            return mine === 'any' || (mine === 'own' && isOwner);
          });
          expect(availableTransitions(state, { role, isOwner }), `${role} ${state}`).toEqual(
            wanted,
          );
        }
      }
    }
  });

  it('never lets anyone spike an article that is on, or on its way to, the portal', () => {
    for (const role of roles) {
      for (const state of ['queued', 'published', 'updated'] as const) {
        expect(checkTransition('spike', state, { role, isOwner: true }, 'x').ok).toBe(false);
      }
    }
  });

  it('names the roles needed when a reporter tries to approve', () => {
    const check = checkTransition('approve', 'submitted', { role: 'reporter', isOwner: true });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(transitionRefusal('approve', 'submitted', check)).toBe(
      'Bạn không có quyền «Duyệt». Việc này cần vai trò Biên tập viên hoặc Quản trị viên.',
    );
  });
});

/** Who may edit the text, by hand: role → states (`own` for reporters, `any` for editors). */
const editable: Record<Role, { scope: 'own' | 'any'; states: ArticleStatus[] }> = {
  reporter: { scope: 'own', states: ['draft', 'returned'] },
  photo_editor: { scope: 'own', states: ['draft', 'returned'] },
  editor: {
    scope: 'any',
    states: [
      'draft',
      'submitted',
      'in_review',
      'returned',
      'approved',
      'scheduled',
      'published',
      'updated',
      'taken_down',
    ],
  },
  admin: {
    scope: 'any',
    states: [
      'draft',
      'submitted',
      'in_review',
      'returned',
      'approved',
      'scheduled',
      'published',
      'updated',
      'taken_down',
    ],
  },
};

describe('edit rules', () => {
  const editCases = roles.flatMap((role) =>
    articleStatuses.flatMap((state) => [true, false].map((isOwner) => ({ role, state, isOwner }))),
  );
  it.each(editCases)('$role editing $state (owner: $isOwner)', ({ role, state, isOwner }) => {
    const rule = editable[role];
    const allowed = rule.states.includes(state) && (rule.scope === 'any' || isOwner);
    const refusal = editRefusal(state, { role, isOwner });
    expect(refusal === null).toBe(allowed);
  });
});
