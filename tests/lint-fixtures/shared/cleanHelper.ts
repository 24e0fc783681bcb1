/** Separator used by the clean fixture. */
export const slugSeparator = '-';
