import type { Messages } from './vi';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English, the second language. */
export const en: Widen<Messages> = {
  app: { name: 'Newsdesk', tagline: 'Editorial desk' },
  nav: { articles: 'Articles', about: 'About & diagnostics', language: 'Language' },
  articles: {
    title: 'Articles',
    new: 'New article',
    empty: 'No articles yet. Click “New article” to start writing.',
    untitled: '(Untitled)',
    words: '{{count}} words',
    editedAt: 'Edited {{when}}',
    status: { draft: 'Draft' },
    searchPlaceholder: 'Search articles (tones optional)',
    noResults: 'No matching articles.',
    resultCount: '{{count}} matching',
    loadFailed: 'Could not load the article list.',
  },
  editor: {
    titlePlaceholder: 'Article title',
    bodyPlaceholder: 'Start writing the article…',
    noSelection: 'Pick an article from the list or create a new one.',
    save: {
      saved: 'Saved at {{time}}',
      dirty: 'Unsaved changes',
      saving: 'Saving…',
      error: 'Not saved yet: {{message}} Retrying…',
    },
    counts: '{{words}} words · {{chars}} characters',
    toolbar: {
      bold: 'Bold (Ctrl+B)',
      italic: 'Italic (Ctrl+I)',
      heading2: 'Section heading (H2)',
      heading3: 'Subheading (H3)',
      bulletList: 'Bulleted list',
      orderedList: 'Numbered list',
      blockquote: 'Quote',
      undo: 'Undo (Ctrl+Z)',
      redo: 'Redo (Ctrl+Y)',
    },
    loadFailed: 'Could not open the article.',
  },
  about: {
    title: 'About & diagnostics',
    intro:
      'Newsdesk is an offline editorial desk for news portals: write, process photos, review and sync to the portal.',
    version: 'Version',
    shell: 'Running as',
    shellDesktop: 'Desktop app',
    shellBrowser: 'Browser (local server)',
    dataDir: 'Data folder',
    database: 'Library file',
    schema: 'Data schema version',
    logFile: 'Log file',
    articleCount: 'Articles',
    platform: 'Operating system',
    components: 'Components',
    backupHint:
      'Backup: close Newsdesk, then copy the whole data folder above to another drive or a USB stick.',
  },
  errors: {
    noApi:
      'Cannot reach Newsdesk. Open the exact address (with ?token=…) that “npm run web” printed.',
  },
};
