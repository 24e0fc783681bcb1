import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import type { EventPayload } from '../../../shared/contract/events';
import type { Result } from '../../../shared/contract/result';
import type { ArticleSummary } from '../../../shared/domain/article';
import { initI18n } from '../../i18n';
import { ApiContext } from '../../lib/ApiContext';
import { ArticleList } from './ArticleList';

/** An in-memory stand-in for the main side, so the component is tested on its own. */
function memoryApi(initial: ArticleSummary[]) {
  const articles = [...initial];
  const listeners = new Set<(payload: EventPayload<'articles.changed'>) => void>();
  const calls: string[] = [];
  const api: NewsdeskApi = {
    shell: 'browser',
    call<K extends CallName>(name: K, _input: CallInput<K>): Promise<Result<CallOutput<K>>> {
      calls.push(name);
      if (name === 'articles.list')
        return Promise.resolve({ ok: true, value: [...articles] as CallOutput<K> });
      if (name === 'articles.create') {
        const created: ArticleSummary = {
          ...summary('new', 'Bài mới tạo'),
          createdAt: 3,
          updatedAt: 3,
        };
        articles.unshift(created);
        return Promise.resolve({
          ok: true,
          value: { ...created, body: { type: 'doc' }, version: 0 } as CallOutput<K>,
        });
      }
      return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: 'x' } });
    },
    on(name, listener) {
      if (name !== 'articles.changed') return () => undefined;
      const typed = listener as (payload: EventPayload<'articles.changed'>) => void;
      listeners.add(typed);
      return () => listeners.delete(typed);
    },
    mediaUrl: (relative) => relative,
  };
  return {
    api,
    calls,
    articles,
    emit: (payload: EventPayload<'articles.changed'>) => listeners.forEach((l) => l(payload)),
  };
}

function summary(id: string, title: string): ArticleSummary {
  return {
    id,
    title,
    status: 'draft',
    excerpt: 'Sáng ngày 12/7/2023…',
    wordCount: 120,
    createdAt: 1,
    updatedAt: 1_689_114_120_000,
  };
}

beforeAll(async () => {
  await initI18n('vi');
});
afterEach(cleanup);

describe('ArticleList', () => {
  it('lists articles with status, time and word count in Vietnamese', async () => {
    const { api } = memoryApi([summary('a', 'Bí thư Tỉnh ủy nói chuyện'), summary('b', '')]);
    render(
      <ApiContext.Provider value={api}>
        <ArticleList selectedId="a" onSelect={() => undefined} />
      </ApiContext.Provider>,
    );
    const items = await screen.findAllByTestId('article-item');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('Bí thư Tỉnh ủy nói chuyện');
    expect(items[0]?.textContent).toContain('Bản nháp');
    expect(items[0]?.textContent).toContain('120 chữ');
    expect(items[0]?.textContent).toContain('Sửa 05:22 12/07/2023');
    expect(items[0]?.className).toContain('selected');
    expect(items[1]?.textContent).toContain('(Chưa có tiêu đề)');
  });

  it('shows the empty state, creates an article and selects it', async () => {
    const { api, calls } = memoryApi([]);
    const selected: string[] = [];
    render(
      <ApiContext.Provider value={api}>
        <ArticleList selectedId={null} onSelect={(id) => selected.push(id)} />
      </ApiContext.Provider>,
    );
    expect(await screen.findByText(/Chưa có bài viết nào/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('new-article'));
    expect(await screen.findByText('Bài mới tạo')).toBeTruthy();
    expect(selected).toEqual(['new']);
    expect(calls).toContain('articles.create');
  });

  it('reloads when the main side announces a change', async () => {
    const memory = memoryApi([summary('a', 'Tin một')]);
    render(
      <ApiContext.Provider value={memory.api}>
        <ArticleList selectedId={null} onSelect={() => undefined} />
      </ApiContext.Provider>,
    );
    await screen.findByText('Tin một');
    memory.articles.push(summary('b', 'Tin hai'));
    act(() => memory.emit({ id: 'b', version: 0 }));
    expect(await screen.findByText('Tin hai', {}, { timeout: 2000 })).toBeTruthy();
  });
});
