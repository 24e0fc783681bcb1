import type { SyncItem } from '../../../shared/domain/sync';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type { TransitionResult } from '../../../shared/workflow/review';
import type { Transition } from '../../../shared/workflow/transitions';
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logging/logger';
import type { AuditService } from './audit';
import type { SyncService } from '../sync/syncService';

/** What the bridge needs from the workflow: run a transition, and the sync's own last step. */
export interface PublishingWorkflow {
  transition(
    user: SignedInUser,
    input: { articleId: string; transition: Transition; note: string },
  ): Promise<TransitionResult>;
  markPublishedBySync(articleId: string, details: Record<string, string | number | null>): boolean;
}

/** Transitions after which the current text must reach every portal. */
const SENDS: ReadonlySet<Transition> = new Set(['queue', 'schedule', 'republish', 'update']);
/** Transitions that call back what is waiting in the outbox. */
const RECALLS: ReadonlySet<Transition> = new Set(['dequeue', 'unschedule', 'reopen']);

/**
 * The editorial workflow and the portal outbox, joined: approving an article (with at least one
 * portal configured) queues it for every portal; scheduling, republishing and updating send the
 * new text; taking down sends a take-down; pulling an article back cancels what waits. When the
 * portal confirms, the article becomes «Đã đăng» and the audit trail records each sync run.
 */
export function createPublishing(deps: {
  workflow: PublishingWorkflow;
  sync: SyncService;
  audit: AuditService;
  events: EventBus;
  logger: Logger;
}) {
  const { workflow, sync, audit, logger } = deps;
  const recorded = new Map<string, string>();

  const cancelOpen = async (articleId: string): Promise<void> => {
    const open = sync
      .list({ articleId, states: ['queued', 'uploading_media', 'uploading_article', 'failed'] })
      .filter((item) => item.action === 'publish');
    for (const item of open) await sync.cancel(item.id);
  };

  const sendEverywhere = async (
    articleId: string,
    action: 'publish' | 'takedown',
  ): Promise<void> => {
    for (const connection of sync.connections.list()) {
      await sync.enqueue(articleId, connection.id, action);
    }
  };

  /** Records a finished sync run once per item and state, and completes the workflow. */
  const onItem = (item: SyncItem): void => {
    if (item.state !== 'done' && item.state !== 'failed' && item.state !== 'conflict') return;
    const key = `${item.state}:${item.updatedAt}`;
    if (recorded.get(item.id) === key) return;
    recorded.set(item.id, key);
    const details = {
      portal: item.connectionName,
      action: item.action,
      state: item.state,
      url: item.remoteUrl,
      message: item.lastError?.message ?? null,
    };
    try {
      if (
        item.state === 'done' &&
        item.action === 'publish' &&
        workflow.markPublishedBySync(item.articleId, details)
      ) {
        return; // recorded as the sync's own transition
      }
      audit.record({ articleId: item.articleId, action: 'sync', user: null, details });
    } catch (error) {
      logger.warn('could not record a sync run', { error, itemId: item.id });
    }
  };

  deps.events.subscribe((message) => {
    if (message.name !== 'sync.item') return;
    const { id, state } = message.payload;
    if (state !== 'done' && state !== 'failed' && state !== 'conflict') return;
    try {
      onItem(sync.get(id));
    } catch (error) {
      logger.warn('sync item vanished before it was recorded', { error, id });
    }
  });

  return {
    /**
     * Runs a transition, then what it means for the portals. Approving with a portal configured
     * goes straight on to «Gửi lên trang» as the same editor, so the text that was checked is
     * the text that is sent.
     */
    async transition(
      user: SignedInUser,
      input: { articleId: string; transition: Transition; note: string; baseVersion?: number },
    ): Promise<TransitionResult> {
      let result = await workflow.transition(user, input);
      const portals = sync.connections.list().length;
      if (input.transition === 'approve' && portals > 0) {
        const queued = await workflow.transition(user, {
          articleId: input.articleId,
          transition: 'queue',
          note: '',
        });
        result = { ...queued, warnings: result.warnings };
        await sendEverywhere(input.articleId, 'publish');
      } else if (SENDS.has(input.transition) && portals > 0) {
        await sendEverywhere(input.articleId, 'publish');
      } else if (input.transition === 'takeDown' && portals > 0) {
        await sendEverywhere(input.articleId, 'takedown');
      } else if (RECALLS.has(input.transition)) {
        await cancelOpen(input.articleId);
      }
      return result;
    },
  };
}

/** The bridge's API, as the workflow handlers hold it. */
export type Publishing = ReturnType<typeof createPublishing>;
