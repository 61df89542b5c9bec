import { harvestError, type Reply } from './http/reply';
import type { SandboxRuntime } from './runtime';

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
