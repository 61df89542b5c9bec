import { describe, expect, it } from 'vitest';
import { blindCandidate, extractDocument, extractDocuments } from '../../../matching';
import {
  buildImageOnlyPdf,
  buildNonWordZip,
  buildResumeDocx,
  buildResumePdf,
  buildTruncatedPdf,
} from '../../fixtures/matching/build-documents';

const resumeLines = [
  'Lakisha Washington',
  'Senior Backend Engineer, Paycircle (2019 – present)',
  'Built the settlement service in Go on Kubernetes; PostgreSQL ledger; Kafka events',
];

describe('extracting resumes', () => {
  it('reads the text of a PDF resume, page count included', async () => {
    const result = await extractDocument({
      fileName: 'lakisha.pdf',
      bytes: await buildResumePdf(resumeLines),
    });

    expect(result).toMatchObject({ ok: true, format: 'pdf', pageCount: 1 });
    if (!result.ok) throw new Error(result.message);
    expect(result.text).toContain('Senior Backend Engineer, Paycircle');
    expect(result.text).toContain('PostgreSQL ledger');
  });

  it('reads a DOCX resume paragraph by paragraph', async () => {
    const result = await extractDocument({
      fileName: 'resume.docx',
      bytes: await buildResumeDocx(resumeLines),
    });

    expect(result).toMatchObject({ ok: true, format: 'docx' });
    if (!result.ok) throw new Error(result.message);
    expect(result.text.split('\n').filter(Boolean)).toEqual(resumeLines);
  });

  it('reads plain text, and trusts the bytes over a misleading file name', async () => {
    const text = await extractDocument({
      fileName: 'resume.txt',
      bytes: new TextEncoder().encode(resumeLines.join('\n')),
    });
    const pdfNamedDocx = await extractDocument({
      fileName: 'resume.docx',
      bytes: await buildResumePdf(resumeLines),
    });

    expect(text).toMatchObject({ ok: true, format: 'text' });
    expect(pdfNamedDocx).toMatchObject({ ok: true, format: 'pdf' });
  });

  it('reports each unreadable file with its reason instead of an empty text', async () => {
    const results = await extractDocuments([
      { fileName: 'cut-off.pdf', bytes: await buildTruncatedPdf(resumeLines) },
      { fileName: 'garbage.docx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]) },
      { fileName: 'scan.pdf', bytes: await buildImageOnlyPdf() },
      { fileName: 'export.zip', bytes: await buildNonWordZip() },
      {
        fileName: 'old.doc',
        contentType: 'application/msword',
        bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]),
      },
      { fileName: 'empty.pdf', bytes: new Uint8Array() },
      { fileName: 'fine.pdf', bytes: await buildResumePdf(resumeLines) },
    ]);

    expect(results.map((r) => (r.ok ? 'ok' : `${r.fileName}: ${r.reason}`))).toEqual([
      'cut-off.pdf: corrupt-file',
      'garbage.docx: corrupt-file',
      'scan.pdf: no-text',
      'export.zip: unsupported-format',
      'old.doc: unsupported-format',
      'empty.pdf: empty-file',
      'ok',
    ]);
    const scan = results[2];
    expect(scan?.ok === false && scan.message).toMatch(/^scan\.pdf: .*no text layer/);
  });

  it('never scores a person whose only resume could not be read', async () => {
    const failed = await extractDocument({
      fileName: 'cut-off.pdf',
      bytes: await buildTruncatedPdf(resumeLines),
    });

    const prepared = blindCandidate({ personId: 'person-1', resumes: [failed] });

    expect(prepared).toMatchObject({ ok: false, reason: 'no-readable-documents' });
    expect(prepared.ok === false && prepared.message).toMatch(
      /person-1: cut-off\.pdf: the file could not be read/,
    );
  });

  it('scores the readable resume and still reports the unreadable one next to it', async () => {
    const files = await extractDocuments([
      { fileName: 'cut-off.pdf', bytes: await buildTruncatedPdf(resumeLines) },
      { fileName: 'resume.docx', bytes: await buildResumeDocx(resumeLines) },
    ]);

    const prepared = blindCandidate({ personId: 'person-1', resumes: files });

    expect(prepared.ok).toBe(true);
    expect(prepared.documentFailures.map((f) => f.fileName)).toEqual(['cut-off.pdf']);
  });
});
