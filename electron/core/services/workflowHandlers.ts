import type { HandlersOf } from '../contract/dispatch';
import { requireUser } from '../contract/dispatch';
import type { Publishing } from './publishing';
import type { WorkflowService } from './workflow';
import type { PolicyService } from './workflowPolicy';

/**
 * Binds the editorial workflow to the contract. Transitions go through the publishing bridge,
 * so approving queues the article for the portals (docs/ARCHITECTURE.md, "an approval to a
 * portal post").
 */
export function workflowHandlers(deps: {
  policy: PolicyService;
  workflow: WorkflowService;
  publishing: Publishing;
}): HandlersOf<'workflow'> {
  const { policy, workflow, publishing } = deps;
  return {
    'workflow.policy': () => policy.get(),
    'workflow.setPolicy': (args) => policy.update(args),
    'workflow.state': (args, context) => workflow.state(requireUser(context), args.articleId),
    'workflow.transition': (args, context) => publishing.transition(requireUser(context), args),
    'workflow.checklist': (args) => workflow.checklist(args.articleId),
    'workflow.queue': (args, context) => workflow.queue(requireUser(context), args.limit),
  };
}
