import type { Attachment } from '../../greenhouse/schemas/attachments';
import { readResume, RESUME_LIMITS } from './resume-reader';

const ATTACHMENT_TIMEOUT_MS = 20_000;

/**
 * Downloads one resume attachment and reads its text, or says why it could not be read. Streamed with
 * a cap: a huge (or endless) file is never held in memory whole, whatever its Content-Length says.
 */
export async function downloadResume(
  resume: Pick<Attachment, 'url' | 'filename'>,
  { timeoutMs = ATTACHMENT_TIMEOUT_MS, maxBytes = RESUME_LIMITS.bytes } = {},
): Promise<{ text: string } | { unreadable: string }> {
  const response = await fetch(resume.url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || !response.body) return { unreadable: 'download-failed' };
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body.cancel();
    return { unreadable: 'too-large' };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { unreadable: 'too-large' };
    }
    chunks.push(next.value);
  }
  const result = await readResume({
    fileName: resume.filename,
    contentType: response.headers.get('content-type') ?? undefined,
    bytes: Buffer.concat(chunks),
  });
  return result.ok ? { text: result.text } : { unreadable: result.reason };
}
