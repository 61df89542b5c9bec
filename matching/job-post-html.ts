// Greenhouse job posts are HTML written by many hands: headings are <h3>, or <p><strong>…</strong></p>, or a
// line ending in a colon. This turns one into sections a recruiter would recognise.

export type PostSectionKind = 'intro' | 'must-have' | 'nice-to-have' | 'responsibilities' | 'ignored';

export type PostSection = { kind: PostSectionKind; heading: string; lines: string[] };

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bull: '•',
  middot: '·',
};

/** A numeric reference past Unicode ("&#99999999;") stays as written instead of throwing. */
function codePoint(code: number, written: string): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : written;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return codePoint(parseInt(code.slice(2), 16), whole);
    if (code.startsWith('#')) return codePoint(parseInt(code.slice(1), 10), whole);
    return entities[code.toLowerCase()] ?? whole;
  });
}

/** Plain lines from post HTML; headings are prefixed with "# " and list items with "- ". */
export function htmlToLines(html: string): string[] {
  // The Job Board API returns the post HTML entity-escaped ("&lt;p&gt;"); Harvest returns it raw.
  const decoded = !html.includes('<') && html.includes('&lt;') ? decodeEntities(html) : html;
  // In HTML a line break in the source is a space: a paragraph wrapped across source lines is one line.
  // Text with no markup at all keeps its lines.
  const source = /<[a-z]/i.test(decoded) ? decoded.replace(/[\r\n]/g, ' ') : decoded;
  // Every pattern below stops at the next tag of its kind instead of searching the rest of the post for a
  // closing tag, so a post of unclosed tags ("<p <p <p …", 1 MB of them) is read in linear time.
  const marked = withoutScriptsAndStyles(source)
    .replace(
      /<h[1-6]\b[^<>]*>((?:(?!<\/?h[1-6]\b)[\s\S])*)<\/h[1-6]>/gi,
      (_m, inner: string) => `\n# ${inner}\n`,
    )
    // A paragraph that is only bold text is a heading in most Greenhouse posts ("<p><strong>Acme</strong> makes
    // …</p>" is not: the bold text may not run past its own paragraph or into other bold text).
    .replace(
      /<p\b[^<>]*>\s*<(strong|b)>((?:(?!<\/?(?:p|strong|b)\b)[\s\S])*)<\/\1>\s*(?:<br\s*\/?>\s*)?<\/p>/gi,
      (_m, _tag, inner: string) => `\n# ${inner}\n`,
    )
    // A bold lead-in ending in a colon opens a section of its own: "<p><strong>Physical Requirements:</strong>
    // Lift 50 lbs…</p>" is a heading and its text, not a line of the section before it.
    .replace(
      /<p\b[^<>]*>\s*<(strong|b)>([^<]{2,60}?)\s*(?:(:)\s*)?<\/\1>\s*(?:(:)|(?!\s))((?:(?!<\/?p\b)[\s\S])*)<\/p>/gi,
      (
        whole,
        _tag,
        lead: string,
        colonInside: string | undefined,
        colonAfter: string | undefined,
        rest: string,
      ) => (colonInside || colonAfter ? `\n# ${lead.trim()}\n${rest}\n` : whole),
    )
    .replace(/<li\b[^<>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|ul|ol|tr|section|article|h[1-6])>/gi, '\n')
    .replace(/<[^<>]+>/g, '');
  return decodeEntities(marked)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0 && line !== '-' && line !== '#');
}

/** Drops `<script>` and `<style>` elements, an unclosed one to the end, as a browser would; one pass. */
function withoutScriptsAndStyles(html: string): string {
  const lower = html.toLowerCase();
  const opening = /<(script|style)\b/g;
  let out = '';
  let from = 0;
  for (;;) {
    opening.lastIndex = from;
    const found = opening.exec(lower);
    if (!found) return out + html.slice(from);
    const start = found.index;
    const tag = found[1]!;
    out += html.slice(from, start);
    const close = lower.indexOf(`</${tag}`, start);
    if (close < 0) return out;
    const end = lower.indexOf('>', close);
    if (end < 0) return out;
    from = end + 1;
  }
}

const niceHeading =
  /nice[- ]to[- ]have|bonus|preferred|\bplus(es)?\b|extra credit|ideally|great if|even better|would be (great|nice)|not required|desired|optional/i;
const mustHeading =
  /requirement|qualification|what you('|’)?ll (need|bring)|what you (need|bring)|you (have|bring|are)|must[- ]have|about you|who you are|looking for|skills|experience|you should have|minimum|basic|need to succeed|what we need|your background|what it takes/i;
const responsibilitiesHeading =
  /responsibilit|opportunity|what you('|’)?ll (do|work on|own)|what you will do|the role|your role|day[- ]to[- ]day|in this role|you will|impact|the job|the work|your mission|what you('|’)?ll achieve|outcomes/i;
const ignoredHeading =
  /about (us|the company|\w+$)|who we are|benefit|perk|compensation|salary|\bpay\b|\bwages?\b|\bote\b|equal (employment )?opportunit|eeo|why (join|work|you'?ll love|marigold|us)|you'?ll love|our values|life at|diversity|accommodation|how to apply|our (team|mission|story)|what we offer|we offer|physical (requirements|demands)|work(ing)? (environment|conditions|schedule)|\bschedule\b|\bshift\b|\blocation\b|where you'?ll work|travel|position summary|job summary|the company|start date|\bstarting\b/i;

export function classifyHeading(heading: string): PostSectionKind {
  // Pay, location, schedule and physical demands are conditions of the job, not skills of the person,
  // whatever other words the heading has ("Physical Requirements" is not a requirements list).
  if (/physical|salary|\bpay\b|compensation|\blocation\b|\bschedule\b|environment|benefit/i.test(heading))
    return 'ignored';
  if (niceHeading.test(heading)) return 'nice-to-have';
  if (/about you|who you are/i.test(heading)) return 'must-have';
  if (ignoredHeading.test(heading)) return 'ignored';
  if (responsibilitiesHeading.test(heading)) return 'responsibilities';
  if (mustHeading.test(heading)) return 'must-have';
  return 'intro';
}

function isHeading(line: string): string | undefined {
  if (line.startsWith('# ')) return line.slice(2).replace(/:$/, '').trim();
  // "Requirements:" on its own line, short and not a list item, also reads as a heading.
  if (!line.startsWith('- ') && line.endsWith(':') && line.length <= 60) return line.slice(0, -1).trim();
  return undefined;
}

/**
 * Lines that are never about the person, wherever they stand: the EEO statement, pay ranges and benefits
 * written inside a requirements list or without a heading.
 */
const notAboutThePerson =
  /equal (employment )?opportunity|does not discriminate|without regard to|regardless of (race|age|gender)|affirmative action|encouraged to apply|reasonable accommodation|drug[- ]free workplace|e-verify|\$\s?\d[\d,.]*\s*(k\b|–|-|to|per|an hour|\/h)|salary range|pay range|\bote\b|401\(k\)|403\(b\)|medical, dental|parental leave|unlimited pto/i;

const tellsTheReaderTheirWork =
  /\byou(?:'|’)ll\b|\byou will\b|\bwe(?:'|’)re (?:hiring|looking for|seeking)\b|\bwe are (?:hiring|looking for|seeking)\b|\b(?:this|the) role\b/i;

export function splitPostSections(html: string): PostSection[] {
  const sections: PostSection[] = [{ kind: 'intro', heading: '', lines: [] }];
  for (const line of htmlToLines(html)) {
    const heading = isHeading(line);
    if (heading !== undefined) {
      sections.push({ kind: classifyHeading(heading), heading, lines: [] });
      continue;
    }
    // An aside does not make a line about pay: "Bilingual English/Spanish preferred (bilingual differential of
    // $1.25/hour)" still asks for Spanish.
    const current = sections[sections.length - 1]!;
    if (notAboutThePerson.test(line.replace(/\([^()]*\)/g, '')) && current.kind !== 'ignored') {
      // The list goes on after the pay line or the EEO sentence inside it.
      sections.push({ kind: 'ignored', heading: '', lines: [line] }, { ...current, lines: [] });
      continue;
    }
    // Before any heading, a sentence telling the reader what they will do is the job's work, not about-us
    // text: "As a Customer Onboarding Specialist you will run 15–20 new accounts at a time…".
    if (current.kind === 'intro' && tellsTheReaderTheirWork.test(line)) {
      sections.push({ kind: 'responsibilities', heading: '', lines: [line] }, { ...current, lines: [] });
      continue;
    }
    sections[sections.length - 1]?.lines.push(line.replace(/^- /, ''));
  }
  return sections.filter((section) => section.lines.length > 0);
}
