/**
 * Where to send someone after signing in: `to` resolved against the app's own origin, kept only when
 * it stays on that origin. Browsers read `/\evil.example` (and `/%5Cevil.example` once decoded) as
 * `//evil.example`, another site — so the check is on the resolved URL, never on how the text starts.
 */
export function safeRedirect(to: string | null | undefined, origin: string, fallback = '/jobs'): string {
  if (!to) return fallback;
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
