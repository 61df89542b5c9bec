// Fetching one file Greenhouse holds (a resume) for a recruiter's browser. Greenhouse hands out signed,
// expiring links; the web app follows the link itself, with a deadline and a size cap, so a slow or huge
// file never holds a request or the process's memory.

export const FILE_LIMITS = { timeoutMs: 20_000, maxBytes: 20 * 1024 * 1024 };

/** Types a browser may show in place; anything else is only ever offered as a download. */
const SHOWN_IN_PLACE = new Set(['application/pdf', 'text/plain']);

export type FetchedFile =
  { ok: true; bytes: Buffer; contentType: string; inline: boolean } | { ok: false; reason: string };

export async function fetchGreenhouseFile(
  url: string,
  { timeoutMs = FILE_LIMITS.timeoutMs, maxBytes = FILE_LIMITS.maxBytes } = {},
): Promise<FetchedFile> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    return {
      ok: false,
      reason:
        error instanceof Error && error.name === 'TimeoutError'
          ? `Greenhouse did not send the file within ${timeoutMs / 1000} s.`
          : 'Greenhouse could not be reached for the file.',
    };
  }
  if (!response.ok || !response.body)
    return { ok: false, reason: `Greenhouse answered ${response.status} for the file.` };
  const tooLarge = `The file is larger than ${maxBytes / 1024 / 1024} MB: open it in Greenhouse.`;
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body.cancel();
    return { ok: false, reason: tooLarge };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      size += next.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return { ok: false, reason: tooLarge };
      }
      chunks.push(next.value);
    }
  } catch {
    return { ok: false, reason: `Greenhouse did not send the whole file within ${timeoutMs / 1000} s.` };
  }
  const declared = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const inline = SHOWN_IN_PLACE.has(declared);
  return {
    ok: true,
    bytes: Buffer.concat(chunks),
    contentType: inline
      ? declared === 'text/plain'
        ? 'text/plain; charset=utf-8'
        : declared
      : 'application/octet-stream',
    inline,
  };
}

/** A file name safe for a Content-Disposition header (quoted ASCII plus the UTF-8 form). */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'resume';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
