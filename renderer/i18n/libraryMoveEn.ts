/**
 * English texts for moving to a new PC: importing a whole `.ndlibrary` file on the first-start
 * screen or in Settings → Backups. Spread into `en`.
 */
export const libraryMoveEn = {
  libraryMove: {
    title: 'Move from another PC',
    hint: 'Used Newsdesk on another PC? There, open Settings → Backups → “Export the whole library”, copy the .ndlibrary file here and import it: every article, photo and account comes along. Then sign in with the old PC’s account.',
    settingsTitle: 'Import a library from another PC',
    settingsHint:
      'Replaces the library in use by a .ndlibrary file. The current library is moved to a folder of its own, never deleted. Everyone signs in again afterwards.',
    file: 'Library file (.ndlibrary)',
    submit: 'Import library',
    confirm: 'Replace the current library',
    uploading: 'Uploading the file…',
    importing: 'Checking and importing the library…',
    doneFirstStart:
      'Library imported: {{count}} articles. Newsdesk is reopening; sign in with the old PC’s account…',
    done: 'Library imported: {{count}} articles. The old library was kept in {{dir}}. Newsdesk is reopening…',
  },
};
