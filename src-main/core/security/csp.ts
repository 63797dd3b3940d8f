/**
 * The Content-Security-Policy of the renderer. Nothing but the app's own files loads; no inline
 * script or style; no network. The harness alone may `connect` back to its own origin, which is
 * how its bridge reaches the handlers.
 */
export function contentSecurityPolicy(options: { allowConnectToSelf: boolean }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    `connect-src ${options.allowConnectToSelf ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
