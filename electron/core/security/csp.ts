/**
 * The renderer's Content-Security-Policy, shared by both shells: nothing is allowed unless named.
 * `media:` is the desktop shell's protocol for library files; the browser shell serves them
 * from its own origin.
 */
export function contentSecurityPolicy(options: {
  mediaSource: string;
  connectSource: string;
}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${options.mediaSource}`,
    "font-src 'self'",
    `connect-src ${options.connectSource}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
