import type { HandlersOf } from '../contract/dispatch';
import { requireUser } from '../contract/dispatch';
import type { RosterService } from './rosterService';

/** Binds the newsroom's roster and enrolment (docs/newsroom.md) to the contract. */
export function rosterHandlers(roster: RosterService): HandlersOf<'newsroom'> {
  return {
    'newsroom.status': () => roster.info(),
    'newsroom.create': (args, context) => roster.create(requireUser(context), args.name),
    'newsroom.publish': (_args, context) => roster.publish(requireUser(context)),
    'newsroom.exportRoster': () => roster.exportRoster(),
    'newsroom.importRoster': (args) => roster.importRoster(args.dataBase64),
    'newsroom.exportEnrolment': (args, context) =>
      roster.exportEnrolment(requireUser(context), args.userName),
    'newsroom.enroll': (args) => roster.enroll(args),
  };
}
