/** English texts of the application shortcuts (shared/app/shortcuts.ts), spread into `en`. */
export const shortcutsEn = {
  shortcuts: {
    title: 'Keyboard shortcuts',
    keys: 'Keys',
    action: 'Action',
    save: 'Save the article now (it also saves as you type)',
    newArticle: 'New article',
    search: 'Search articles',
    mainAction: "The article's main step: submit, start review, approve… (when allowed)",
    saved: 'Saved at {{time}}. Every change is on this computer.',
    saveFailed: 'Not saved yet. Newsdesk will retry; your text is still on screen.',
    readOnly: 'This article is open read-only, so there is nothing to save.',
    noMainAction: 'There is no step for you to take on this article right now.',
  },
};
