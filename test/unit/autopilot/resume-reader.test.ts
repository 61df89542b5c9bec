import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readResume, RESUME_LIMITS } from '../../../activities/autopilot/resume-reader';
import { balloonDocx, tokenResume } from '../../fixtures/pathological-inputs';
import { textPdf } from '../../../sandbox/seed/text-pdf';

const encode = (text: string) => new TextEncoder().encode(text);

async function docx(documentXml: string) {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file('word/document.xml', documentXml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

// A crafted resume fails that one person with a reason; it never stalls or crashes the worker.
describe('reading resumes within limits', () => {
  it('keeps the first 100 000 characters of a resume that is one 1 M-character token', async () => {
    const result = await readResume({ fileName: 'resume.txt', bytes: encode(tokenResume()) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toHaveLength(RESUME_LIMITS.textChars);
    expect(result.warnings).toContain(`only the first ${RESUME_LIMITS.textChars} characters were kept`);
  });

  it('refuses a DOCX that unzips to more than the limit, before opening it', async () => {
    // Small on disk, large once unzipped (scaled down: the limit is 1 MB here, 50 MB by default).
    const bomb = await docx(`<w:document>${' '.repeat(4 * 1024 * 1024)}</w:document>`);
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    const result = await readResume(
      { fileName: 'resume.docx', bytes: bomb },
      { ...RESUME_LIMITS, docxUnzippedBytes: 1024 * 1024 },
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'too-large',
      message: expect.stringMatching(/unzips to \d+ bytes/),
    });
  });

  it('stops a PDF that takes too long, and reads the next one in a fresh thread', async () => {
    const pdf = new Uint8Array(
      textPdf('Senior Backend Engineer\nGo, PostgreSQL, Kubernetes and Terraform at Paycircle since 2018'),
    );
    const slow = await readResume({ fileName: 'resume.pdf', bytes: pdf }, { ...RESUME_LIMITS, timeMs: 1 });
    expect(slow).toMatchObject({
      ok: false,
      reason: 'corrupt-file',
      message: expect.stringMatching(/took longer than/),
    });
    const next = await readResume({ fileName: 'resume.pdf', bytes: pdf });
    expect(next).toMatchObject({ ok: true, format: 'pdf' });
    expect(next.ok && next.text).toContain('PostgreSQL');
  }, 30_000);

  it('fails a DOCX that exhausts the reader thread memory, and reads the next resume of the batch in a fresh thread', async () => {
    // The thread's heap is cut to 64 MB here (256 MB by default) so the file needs only a few MB on disk.
    const limits = { ...RESUME_LIMITS, heapMb: 64 };
    const balloon = await balloonDocx();
    expect(balloon.byteLength).toBeLessThan(RESUME_LIMITS.bytes);
    const fine = new Uint8Array(textPdf('Staff Engineer\nRust, Kafka and PostgreSQL at Ledgerly since 2019'));
    // One batch: both files are handed over at once, the way a page of applications is read.
    const [ballooned, next] = await Promise.all([
      readResume({ fileName: 'resume.docx', bytes: balloon }, limits),
      readResume({ fileName: 'resume.pdf', bytes: fine }, limits),
    ]);
    expect(ballooned).toMatchObject({
      ok: false,
      reason: 'too-large',
      message:
        'reading the resume needed more than 64 MB of memory: the file is too large or too complex to read',
    });
    expect(next).toMatchObject({ ok: true, format: 'pdf' });
    expect(next.ok && next.text).toContain('Ledgerly');
  }, 60_000);

  it('fails a corrupt PDF with a reason', async () => {
    const result = await readResume({ fileName: 'resume.pdf', bytes: encode('%PDF-1.7\n garbage') });
    expect(result).toMatchObject({ ok: false, reason: 'corrupt-file' });
  }, 30_000);
});
