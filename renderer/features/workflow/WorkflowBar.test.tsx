import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import type { Result } from '../../../shared/contract/result';
import type {
  ApprovalChecklist,
  ArticleWorkflowState,
  ChecklistIssue,
} from '../../../shared/workflow/review';
import { transitionTable } from '../../../shared/workflow/transitions';
import { initI18n } from '../../i18n';
import { ApiContext } from '../../lib/ApiContext';
import { WorkflowBar } from './WorkflowBar';

const state: ArticleWorkflowState = {
  articleId: 'a1',
  status: 'in_review',
  statusLabel: 'Đang duyệt',
  version: 4,
  createdBy: { id: 'u-lan', name: 'Nguyễn Thị Lan' },
  statusChangedAt: 1,
  editRefusal: null,
  transitions: (['return', 'approve'] as const).map((transition) => ({
    transition,
    label: transitionTable[transition].label,
    to: transitionTable[transition].to,
    noteRequired: transitionTable[transition].noteRequired,
  })),
  lease: null,
  conflictOf: null,
  returnNote: null,
};

const creditMissing: ChecklistIssue = {
  id: 'figure_credit_missing:body.2',
  code: 'figure_credit_missing',
  severity: 'error',
  message: 'Ảnh thứ 1 chưa có nguồn ảnh. Hãy ghi tác giả ảnh.',
  messageEn: 'Photo 1 has no credit.',
  target: { kind: 'node', path: [2] },
};

/** Answers the bar's calls and records the transitions made. */
function fakeApi(checklist: ApprovalChecklist) {
  const made: Array<CallInput<'workflow.transition'>> = [];
  const api: NewsdeskApi = {
    shell: 'browser',
    call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
      const answer = (value: unknown) =>
        Promise.resolve({ ok: true as const, value: value as CallOutput<K> });
      if (name === 'workflow.checklist') return answer(checklist);
      if (name === 'workflow.transition') {
        const args = input as CallInput<'workflow.transition'>;
        made.push(args);
        return answer({
          articleId: 'a1',
          status: transitionTable[args.transition].to,
          version: 5,
          audit: {},
          warnings: [],
        });
      }
      return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: name } });
    },
    on: () => () => undefined,
    mediaUrl: (path) => path,
  };
  return { api, made };
}

function checklistOf(errors: ChecklistIssue[]): ApprovalChecklist {
  return {
    articleId: 'a1',
    ok: errors.length === 0,
    errors,
    warnings: [],
    wordCount: 240,
    wordRange: { min: 80, max: 5000 },
    photoCount: 2,
  };
}

function renderBar(api: NewsdeskApi) {
  const notices: string[] = [];
  const goTo: string[] = [];
  render(
    <ApiContext.Provider value={api}>
      <WorkflowBar
        state={state}
        onBeforeStep={() => Promise.resolve()}
        onMoved={() => undefined}
        onNotice={(notice) => notices.push(notice.text)}
        onGoTo={(issue) => goTo.push(issue.code)}
      />
    </ApiContext.Provider>,
  );
  return { notices, goTo };
}

beforeAll(async () => {
  await initI18n('vi');
});
afterEach(cleanup);

describe('WorkflowBar', () => {
  it('shows the state and only the steps the core offers', () => {
    const { api } = fakeApi(checklistOf([]));
    renderBar(api);
    expect(screen.getByTestId('status-badge').textContent).toBe('Đang duyệt');
    expect(screen.getByTestId('transition-return').textContent).toBe('Trả lại');
    expect(screen.getByTestId('transition-approve').textContent).toBe('Duyệt');
    expect(screen.queryByTestId('transition-submit')).toBeNull();
  });

  it('asks for a note before returning, and sends it', async () => {
    const { api, made } = fakeApi(checklistOf([]));
    const { notices } = renderBar(api);
    fireEvent.click(screen.getByTestId('transition-return'));
    const confirm = await screen.findByTestId('note-confirm');
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('note-input'), {
      target: { value: '  Kiểm tra lại số liệu ở đoạn hai.  ' },
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(made).toHaveLength(1));
    expect(made[0]).toEqual({
      articleId: 'a1',
      transition: 'return',
      note: 'Kiểm tra lại số liệu ở đoạn hai.',
    });
    expect(notices).toEqual(['Đã «Trả lại»: bài chuyển sang «Trả lại».']);
  });

  it('keeps approval disabled while the checklist has blocking errors', async () => {
    const { api, made } = fakeApi(checklistOf([creditMissing]));
    const { goTo } = renderBar(api);
    fireEvent.click(screen.getByTestId('transition-approve'));
    const summary = await screen.findByTestId('checklist-summary');
    expect(summary.textContent).toBe('1 lỗi phải sửa trước khi duyệt');
    const photos = screen
      .getAllByTestId('checklist-rule')
      .find((rule) => rule.getAttribute('data-rule') === 'photos');
    expect(photos?.getAttribute('data-state')).toBe('error');
    expect(screen.getByTestId<HTMLButtonElement>('checklist-approve').disabled).toBe(true);
    fireEvent.click(screen.getByTestId('checklist-item'));
    expect(goTo).toEqual(['figure_credit_missing']);
    expect(made).toEqual([]);
  });

  it('approves once the checklist passes', async () => {
    const { api, made } = fakeApi(checklistOf([]));
    renderBar(api);
    fireEvent.click(screen.getByTestId('transition-approve'));
    await screen.findByTestId('checklist-summary');
    const approve = screen.getByTestId<HTMLButtonElement>('checklist-approve');
    expect(approve.disabled).toBe(false);
    fireEvent.click(approve);
    await waitFor(() => expect(made.map((step) => step.transition)).toEqual(['approve']));
  });
});
