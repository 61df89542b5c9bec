import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadResume } from '../../../activities/autopilot/resume-download';

const MB = 1024 * 1024;

// Greenhouse hands out a URL per resume; what is behind it is an applicant's file, sized as they like.
describe('downloading a resume', () => {
  let server: Server;
  let base: string;
  let endlessBytesSent = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/resume.txt') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('Riley Example — Staff Engineer, ten years of distributed systems');
      } else if (request.url === '/declared-huge.pdf') {
        // Says it is 2 GB; sends a little and waits.
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(2048 * MB) });
        response.write(Buffer.alloc(1024));
      } else if (request.url === '/endless.pdf') {
        // No length given; 64 KB chunks for as long as anyone reads.
        response.writeHead(200, { 'content-type': 'application/pdf' });
        const chunk = Buffer.alloc(64 * 1024, 0x41);
        const send = () => {
          while (!response.destroyed && response.write(chunk)) endlessBytesSent += chunk.length;
          if (!response.destroyed) response.once('drain', send);
        };
        send();
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

  it('reads an ordinary resume', async () => {
    expect(await downloadResume({ url: `${base}/resume.txt`, filename: 'resume.txt' })).toEqual({
      text: 'Riley Example — Staff Engineer, ten years of distributed systems',
    });
  });

  it('refuses a file that declares more than the cap, without reading it', async () => {
    expect(
      await downloadResume({ url: `${base}/declared-huge.pdf`, filename: 'resume.pdf' }, { maxBytes: MB }),
    ).toEqual({ unreadable: 'too-large' });
  });

  it('stops reading an endless file once it passes the cap; it is never held whole', async () => {
    expect(
      await downloadResume({ url: `${base}/endless.pdf`, filename: 'resume.pdf' }, { maxBytes: MB }),
    ).toEqual({ unreadable: 'too-large' });
    const sentWhenStopped = endlessBytesSent;
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The connection is closed: the server cannot push more than what was in flight.
    expect(endlessBytesSent - sentWhenStopped).toBeLessThan(4 * MB);
  });

  it('gives up on a server that never answers', async () => {
    await expect(
      downloadResume({ url: `${base}/silent.pdf`, filename: 'resume.pdf' }, { timeoutMs: 300 }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('says the download failed when the file is not there', async () => {
    expect(await downloadResume({ url: `${base}/gone.pdf`, filename: 'resume.pdf' })).toEqual({
      unreadable: 'download-failed',
    });
  });
});
