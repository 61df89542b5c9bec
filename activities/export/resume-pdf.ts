import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { PastJob } from '../../db/tables/people';

export interface ResumeSource {
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  linkedinUrl: string | null;
  location: string | null;
  title: string | null;
  company: string | null;
  pastJobs: PastJob[];
  skills: string[];
  resumeText: string | null;
}

// Standard fonts only speak WinAnsi; anything else would make pdf-lib throw mid-export.
const printable = (text: string) => text.replace(/[^\x20-\x7E\u00A0-\u00FF]/g, '?');

/** A one-or-more page resume of what Pilothouse knows about the person, for Greenhouse's resume slot. */
export async function generateResumePdf(person: ResumeSource): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${person.firstName} ${person.lastName} — resume`);
  pdf.setProducer('Pilothouse');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  let page = pdf.addPage();
  let y = page.getHeight() - margin;

  const write = (text: string, size = 11, font = regular, color = rgb(0.1, 0.1, 0.1)) => {
    const maxWidth = page.getWidth() - margin * 2;
    const words = printable(text).split(/\s+/);
    let line = '';
    const flush = () => {
      if (y < margin) {
        page = pdf.addPage();
        y = page.getHeight() - margin;
      }
      page.drawText(line, { x: margin, y, size, font, color });
      y -= size * 1.4;
      line = '';
    };
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > maxWidth && line) {
        flush();
        line = word;
      } else line = next;
    }
    if (line) flush();
  };
  const gap = (points = 8) => (y -= points);

  write(`${person.firstName} ${person.lastName}`, 20, bold);
  const headline = [person.title, person.company].filter(Boolean).join(' at ');
  if (headline) write(headline, 12);
  const contact = [...person.emails, ...person.phones, person.linkedinUrl, person.location]
    .filter(Boolean)
    .join('  ·  ');
  if (contact) write(contact, 10, regular, rgb(0.35, 0.35, 0.35));
  if (person.pastJobs.length > 0) {
    gap();
    write('Experience', 13, bold);
    for (const job of person.pastJobs) {
      const years = job.startYear ? ` (${job.startYear}–${job.endYear ?? 'present'})` : '';
      write(`${job.title}, ${job.company}${years}`);
    }
  }
  if (person.skills.length > 0) {
    gap();
    write('Skills', 13, bold);
    write(person.skills.join(', '));
  }
  if (person.resumeText) {
    gap();
    write('Profile', 13, bold);
    for (const paragraph of person.resumeText.split(/\n{2,}/).slice(0, 40))
      write(paragraph.replace(/\s+/g, ' '), 10);
  }
  return pdf.save();
}
