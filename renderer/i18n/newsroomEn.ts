import type { newsroomVi } from './newsroomVi';

/** English texts of the newsroom screen, enrolment and signed hand-off. */
export const newsroomEn: typeof newsroomVi = {
  newsroom: {
    title: 'Newsroom',
    intro:
      "The newsroom's member list (sign-in name, role, signing key), signed by the administrator. Approvals, comments and history in a bundle count only when signed with the key of someone on the list.",
    notJoined:
      'This computer belongs to no newsroom yet: imported bundles become unverified drafts.',
    createTitle: "Create the newsroom (once, on the administrator's computer)",
    createName: 'Newsroom name',
    create: 'Create newsroom',
    joined: 'Newsroom «{{name}}» — list version {{version}}, signed by «{{by}}» at {{time}}.',
    authority: "You hold the key that signs this newsroom's list.",
    members: 'Members',
    keyId: 'Key id',
    accounts: 'Accounts on this computer',
    inRoster: 'On the list',
    notInRoster: 'Not on the list',
    noKey: 'No key yet (sign in once to make one)',
    publish: 'Publish a new list',
    exportRoster: 'Export the list (.ndroster)',
    importRoster: 'Import a newsroom list',
    enrolTitle: 'Enrol a new member',
    enrolHint:
      'Create the account under Accounts (first password), then export the enrolment file and give it to them with the password. On their computer: «Join a newsroom» with this file and password.',
    exportEnrolment: 'Export enrolment file',
    enrolFor: 'Member',
    addFromFile: 'Add a person to this computer from an enrolment file',
    saved: 'Saved {{file}}.',
    rosterTaken: 'List version {{version}} taken.',
    leaving:
      'Someone leaves: disable their account under Accounts; a new list is published at once; it travels with bundles, or export the .ndroster file for other computers.',
  },
  join: {
    title: 'Join a newsroom',
    hint: 'Pick the enrolment file (.ndjoin) your administrator gave you and type the first password.',
    file: 'Enrolment file',
    password: 'First password',
    submit: 'Join',
    or: "Or, if this is the administrator's computer:",
  },
  importRefusal: {
    title: 'What was not accepted',
    item: {
      bundle: 'Bundle',
      article: 'Article',
      content: 'Text',
      transition: 'Workflow step',
      audit: 'History',
      comment: 'Comment',
      revision: 'Revision',
    },
    rosterUpdated: 'The bundle brought newsroom list version {{version}}: taken.',
    openCopy: 'Open the unverified copy',
  },
};
