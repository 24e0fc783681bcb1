import type { RecordSigner } from '../bundles/recordSigner';
import type { HandlersOf } from '../contract/dispatch';
import { requireUser } from '../contract/dispatch';
import type { CommentsService } from './comments';

/** Binds anchored comments to the contract; each change is signed by the seat's key. */
export function commentHandlers(deps: {
  comments: CommentsService;
  signer: RecordSigner;
}): HandlersOf<'comments'> {
  const { comments, signer } = deps;
  /** Runs a change to an existing comment, then signs its new state. */
  const signed =
    <T>(change: (user: ReturnType<typeof requireUser>, id: string) => T) =>
    (args: { id: string }, context: Parameters<typeof requireUser>[0]): T => {
      const result = change(requireUser(context), args.id);
      signer.commentState(args.id);
      return result;
    };
  return {
    'comments.list': (args, context) => comments.list(requireUser(context), args),
    'comments.add': (args, context) => {
      const added = comments.add(requireUser(context), args);
      signer.comment(added.id);
      return added;
    },
    'comments.resolve': signed((user, id) => comments.resolve(user, id)),
    'comments.reopen': signed((user, id) => comments.reopen(user, id)),
    'comments.delete': signed((user, id) => comments.delete(user, id)),
  };
}
