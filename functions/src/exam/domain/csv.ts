// A small RFC 4180 reader and writer. No CSV parser is a dependency of the
// functions, and the importers need the line on which each record STARTS (a
// quoted field may span lines) for their error messages; this reader keeps it.
//
// Reading: comma-separated; records end at CRLF, LF or a lone CR; a field is
// quoted when it starts with `"`, and `""` inside it is one quote; a leading
// UTF-8 byte-order mark is dropped; empty lines are skipped. Anything else that
// is not RFC 4180 (a quote inside an unquoted field, text after a closing
// quote, a quote never closed) is refused with its line number.

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export interface LineError {
  /** 1-based line of the file the error is about. */
  line: number;
  message: string;
}

export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; error: LineError };

export function readCsv(text: string): CsvReadResult {
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const recordLine = line;
    const fields: string[] = [];
    let quoted = false;
    let ended = false;
    while (!ended) {
      let field = "";
      if (src[i] === '"') {
        quoted = true;
        const fieldLine = line;
        i += 1;
        for (;;) {
          if (i >= src.length) return fail(fieldLine, "a quoted field is never closed");
          const ch = src[i];
          if (ch === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          if (ch === "\n" || (ch === "\r" && src[i + 1] !== "\n")) line += 1;
          field += ch;
          i += 1;
        }
        if (i < src.length && src[i] !== "," && src[i] !== "\n" && src[i] !== "\r") {
          return fail(line, "unexpected text after a closing quote");
        }
      } else {
        const start = i;
        while (i < src.length && src[i] !== "," && src[i] !== "\n" && src[i] !== "\r") {
          if (src[i] === '"') return fail(line, 'a quote (") inside an unquoted field; quote the whole field');
          i += 1;
        }
        field = src.slice(start, i); // one slice, not a string built character by character
      }
      fields.push(field);
      if (i >= src.length) {
        ended = true;
      } else if (src[i] === ",") {
        i += 1;
      } else {
        i += src[i] === "\r" && src[i + 1] === "\n" ? 2 : 1;
        line += 1;
        ended = true;
      }
    }
    // An empty line reads as one empty field, like a line holding only `""`: skip only the first.
    const emptyLine = fields.length === 1 && fields[0] === "" && !quoted;
    if (!emptyLine) records.push({ line: recordLine, fields });
  }
  return { ok: true, records };
}

function fail(line: number, message: string): CsvReadResult {
  return { ok: false, error: { line, message } };
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 record: fields quoted when they hold a comma, a quote or a line break. */
export function formatCsvRecord(fields: readonly string[]): string {
  // A lone empty field is written `""`, or it would read back as an empty line.
  if (fields.length === 1 && fields[0] === "") return '""';
  return fields.map((f) => (NEEDS_QUOTES.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(",");
}

/** Records joined with CRLF (RFC 4180), ending with a CRLF. */
export function formatCsv(records: readonly (readonly string[])[]): string {
  return records.map((r) => formatCsvRecord(r) + "\r\n").join("");
}

// A cell starting with one of these is run as a formula by spreadsheets
// (CSV injection); a leading apostrophe makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
