/**
 * Headers every answer carries. The API serves JSON, CSV and the Swagger UI at /docs: the
 * UI's scripts and styles come from this server (its page has inline `<style>`, hence
 * `'unsafe-inline'` for styles only) and its icons are data: URLs. Nothing may frame the
 * pages (clickjacking) or sniff a CSV into HTML. HSTS only when configured: sent over plain
 * HTTP it is ignored at best, and behind a TLS proxy the operator decides its lifetime.
 */
export function securityHeaders(options: { readonly hstsMaxAgeSeconds?: number | undefined }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'content-security-policy': [
      "default-src 'self'",
      "base-uri 'self'",
      "connect-src 'self'",
      "font-src 'self' data:",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "img-src 'self' data:",
      "object-src 'none'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
    ].join('; '),
    ...(options.hstsMaxAgeSeconds !== undefined
      ? { 'strict-transport-security': `max-age=${options.hstsMaxAgeSeconds}; includeSubDomains` }
      : {}),
  };
}
