import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, fetchGreenhouseFile } from '../../../web/server/greenhouse-file.server';

const MB = 1024 * 1024;

// A recruiter opens a resume through Pilothouse: the app follows Greenhouse's expiring link for them.
describe('a resume opened through the app', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/cv.pdf') {
        response.writeHead(200, { 'content-type': 'application/pdf' });
        response.end('%PDF-1.4 resume');
      } else if (request.url === '/signed-redirect') {
        // Greenhouse may answer with a redirect to a fresh short-lived file URL.
        response.writeHead(302, { location: '/cv.pdf' }).end();
      } else if (request.url === '/cv.html') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<script>alert(document.cookie)</script>');
      } else if (request.url === '/declared-huge.pdf') {
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(2048 * MB) });
        response.write(Buffer.alloc(1024));
      } else if (request.url === '/silent.pdf') {
        // Answers nothing, ever.
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('opens a PDF in the browser, following Greenhouse’s redirect', async () => {
    const file = await fetchGreenhouseFile(`${base}/signed-redirect`);
    expect(file).toMatchObject({ ok: true, contentType: 'application/pdf', inline: true });
    expect(file.ok && file.bytes.toString()).toBe('%PDF-1.4 resume');
  });

  it('offers anything else only as a download, never as a page of this app', async () => {
    expect(await fetchGreenhouseFile(`${base}/cv.html`)).toMatchObject({
      ok: true,
      contentType: 'application/octet-stream',
      inline: false,
    });
  });

  it('refuses a file over the cap, a server that never answers and a missing file, in words', async () => {
    expect(await fetchGreenhouseFile(`${base}/declared-huge.pdf`, { maxBytes: MB })).toEqual({
      ok: false,
      reason: 'The file is larger than 1 MB: open it in Greenhouse.',
    });
    expect(await fetchGreenhouseFile(`${base}/silent.pdf`, { timeoutMs: 300 })).toEqual({
      ok: false,
      reason: 'Greenhouse did not send the file within 0.3 s.',
    });
    expect(await fetchGreenhouseFile(`${base}/gone.pdf`)).toEqual({
      ok: false,
      reason: 'Greenhouse answered 404 for the file.',
    });
  });

  it('names the file safely, whatever its name', () => {
    expect(contentDisposition('attachment', 'Zoë "CV".pdf')).toBe(
      `attachment; filename="Zo_ _CV_.pdf"; filename*=UTF-8''Zo%C3%AB%20%22CV%22.pdf`,
    );
  });
});
