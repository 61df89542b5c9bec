import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { CsvError, parse, type InfoRecord, type Options } from 'csv-parse';
import { parse as parseNow } from 'csv-parse/sync';

/** One record of a CSV file, with the line it starts on (1-based) so errors can point at it. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

// The streaming parser reads this much before it lets other requests run.
const CHUNK_CHARS = 64 * 1024;

/**
 * RFC 4180 CSV as spreadsheets export it: comma, semicolon or tab separated (guessed from the header
 * line), fields optionally in double quotes with `""` for a quote, line breaks inside quoted fields,
 * CRLF or LF, a UTF-8 byte order mark. Blank lines are skipped. Parsed by `csv-parse` (linear time);
 * this one blocks the event loop for the whole text, so a request handler uses `parseCsvYielding`.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records = new CsvRecords();
  try {
    parseNow(text, csvOptions(text, records));
  } catch (error) {
    throw records.syntaxError(error);
  }
  return records.list;
}

/** `parseCsv`, reading the text a chunk at a time and giving the event loop back between chunks. */
export async function parseCsvYielding(text: string): Promise<CsvRecord[]> {
  const records = new CsvRecords();
  const chunks = async function* () {
    for (let at = 0; at < text.length; at += CHUNK_CHARS) {
      yield text.slice(at, at + CHUNK_CHARS);
      await yieldToEventLoop();
    }
  };
  try {
    // Records are collected as they are parsed (`on_record`); the stream only has to be drained.
    for await (const _ of Readable.from(chunks()).pipe(parse(csvOptions(text, records))));
  } catch (error) {
    throw records.syntaxError(error);
  }
  return records.list;
}

function csvOptions(text: string, records: CsvRecords): Options {
  return {
    bom: true,
    delimiter: guessDelimiter(text.startsWith('\uFEFF') ? text.slice(1) : text),
    // Files from different tools mix line endings.
    record_delimiter: ['\r\n', '\n', '\r'],
    // A quote inside an unquoted cell (`Jo "JJ" Smith`) is a character, as spreadsheets write it.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    // Spaces around an unquoted cell go; inside quotes they stay.
    trim: true,
    // Seen as each record is parsed, so an error later in the file still knows the good records before it.
    on_record: (record: string[], context: InfoRecord) => {
      records.add(record, context);
      return record;
    },
  };
}

/** Collects records with the line each starts on, and turns the parser's errors into recruiting words. */
class CsvRecords {
  readonly list: CsvRecord[] = [];
  private lastLine = 0;
  private lastEmptyLines = 0;

  add(record: string[], context: InfoRecord) {
    // `lines` is the line a record ends on; line breaks inside its quoted cells come before.
    const inside = record.reduce((n, cell) => n + countLineBreaks(cell), 0);
    this.list.push({ line: context.lines - inside, cells: record });
    this.lastLine = context.lines;
    this.lastEmptyLines = context.empty_lines;
  }

  syntaxError(error: unknown): unknown {
    if (!(error instanceof CsvError)) return error;
    const details = error as CsvError & { lines?: number; empty_lines?: number };
    // The record that failed starts after the last good one and the blank lines after it.
    const line = this.lastLine + 1 + Math.max(0, (details.empty_lines ?? 0) - this.lastEmptyLines);
    switch (error.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return new CsvSyntaxError(line, 'a quoted field is never closed (a " is missing).');
      case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      case 'CSV_INVALID_CLOSING_QUOTE':
        return new CsvSyntaxError(
          details.lines ?? line,
          'a quoted field goes on after its closing quote (write a quote inside quotes as "").',
        );
      default:
        return new CsvSyntaxError(details.lines ?? line, `the file is not valid CSV (${error.message}).`);
    }
  }
}

function countLineBreaks(cell: string): number {
  let count = 0;
  for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count += 1;
  return count;
}

function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}
