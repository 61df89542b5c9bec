import { harvestError, type Reply } from './http/reply';
import type { SandboxRuntime } from './runtime';
import type { TenantState } from './state/types';

/**
 * Attachment downloads: `/files/attachments/<id>/<filename>?token=...`, standing in for the
 * signed S3 links Greenhouse hands out (which expire after 7 days; these do not).
 */
export function serveAttachment(rt: SandboxRuntime, url: URL): Reply {
  const [, , , id] = url.pathname.split('/');
  const file = rt.state.files.find((f) => f.attachment_id === Number(id));
  if (!file || file.token !== url.searchParams.get('token')) throw harvestError(404, 'File not found');
  return { status: 200, raw: Buffer.from(file.content, 'base64'), contentType: file.content_type };
}

/**
 * Points the sandbox's own attachment links at the origin it listens on now: seeded attachments are
 * stored origin-relative, and a saved state may come from a run on another port.
 */
export function rebaseAttachmentUrls(state: TenantState, origin: string): void {
  for (const attachment of state.attachments) {
    const at = attachment.url.indexOf('/files/attachments/');
    if (at === -1) continue;
    attachment.url = `${origin}${attachment.url.slice(at)}`;
  }
}
