import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { DocumentFormat, ExtractionFailure, ExtractionResult, ResumeFile } from './types';

// Resumes above this size are almost always scans or portfolios; parsing them would stall an activity.
const maxResumeBytes = 15 * 1024 * 1024;
// Fewer meaningful characters than this means the file is an image or a form with nothing typed in.
const minMeaningfulChars = 20;

/** Which reader a file needs, by content first (names and MIME types lie), then by name and type. */
export function detectFormat(file: ResumeFile): DocumentFormat | 'unknown' {
  const head = file.bytes.subarray(0, 8);
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'docx'; // a zip: OOXML
  const name = file.fileName.toLowerCase();
  const type = (file.contentType ?? '').toLowerCase();
  if (name.endsWith('.pdf') || type === 'application/pdf') return 'pdf';
  if (name.endsWith('.docx') || type.includes('wordprocessingml')) return 'docx';
  if (name.endsWith('.txt') || name.endsWith('.md') || type.startsWith('text/')) return 'text';
  if (name.endsWith('.doc') || type === 'application/msword') return 'unknown';
  return looksLikeText(file.bytes) ? 'text' : 'unknown';
}

/** Extracts one resume; failures come back as values with the reason, never as an empty text. */
export async function extractDocument(file: ResumeFile): Promise<ExtractionResult> {
  const format = detectFormat(file);
  const fail = (reason: ExtractionFailure['reason'], message: string): ExtractionFailure => ({
    ok: false,
    fileName: file.fileName,
    format,
    reason,
    message: `${file.fileName}: ${message}`,
  });

  if (file.bytes.byteLength === 0) return fail('empty-file', 'the file is empty');
  if (file.bytes.byteLength > maxResumeBytes) {
    return fail(
      'too-large',
      `${file.bytes.byteLength} bytes is over the ${maxResumeBytes}-byte limit for a resume`,
    );
  }
  if (format === 'unknown') {
    return fail(
      'unsupported-format',
      file.fileName.toLowerCase().endsWith('.doc')
        ? 'legacy Word .doc files are not supported; ask for PDF or DOCX'
        : 'not a PDF, DOCX or plain-text file',
    );
  }

  let text: string;
  let pageCount: number | undefined;
  const warnings: string[] = [];
  try {
    if (format === 'pdf') {
      ({ text, pageCount } = await readPdf(file.bytes));
    } else if (format === 'docx') {
      const result = await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) });
      text = result.value;
      warnings.push(...result.messages.map((m) => m.message));
    } else {
      text = new TextDecoder('utf-8', { fatal: false }).decode(file.bytes);
    }
  } catch (error) {
    return classifyReaderError(error, fail);
  }

  const cleaned = cleanExtractedText(text);
  if (cleaned.replace(/\s/g, '').length < minMeaningfulChars) {
    return fail(
      'no-text',
      format === 'pdf'
        ? 'the PDF has no text layer (a scanned image?); OCR is not run'
        : 'the document contains no readable text',
    );
  }
  return {
    ok: true,
    fileName: file.fileName,
    format,
    text: cleaned,
    ...(pageCount ? { pageCount } : {}),
    warnings,
  };
}

export async function extractDocuments(files: readonly ResumeFile[]): Promise<ExtractionResult[]> {
  const results: ExtractionResult[] = [];
  // One at a time: pdf.js holds a whole document in memory while it reads.
  for (const file of files) results.push(await extractDocument(file));
  return results;
}

async function readPdf(bytes: Uint8Array): Promise<{ text: string; pageCount: number }> {
  // pdf.js takes ownership of (and detaches) the buffer it is given; keep the caller's bytes intact.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    return { text: text.join('\n\n'), pageCount: totalPages };
  } finally {
    await pdf.destroy();
  }
}

function classifyReaderError(
  error: unknown,
  fail: (reason: ExtractionFailure['reason'], message: string) => ExtractionFailure,
): ExtractionFailure {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return fail('password-protected', 'the file is password-protected');
  }
  if (/main document part/i.test(message)) {
    return fail('unsupported-format', 'a zip archive, but not a Word document');
  }
  return fail('corrupt-file', `the file could not be read (${message})`);
}

/** Undo the usual extraction debris: hyphenated line breaks, ligatures, runs of blank lines. */
export function cleanExtractedText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00ad/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control / Math.max(1, sample.length) < 0.05;
}
