// Step 1: import the files of a sitting. The proctoring platform's export
// (candidate, item, chosen option or blank), the answer key, the items flagged
// during administration and the judges' Angoff ratings. Every file is CSV with
// a header row (docs/exam.md); a malformed file is refused as a whole with
// line-numbered errors, so nothing half-read is ever scored.
import { z } from "zod";
import type { Policy } from "../../platform/domain/policy.js";
import { describeIssue } from "../../platform/domain/issues.js";
import { readCsv, type LineError } from "./csv.js";

export type ExamPolicy = Policy["exam"];
export type ImportResult<T> = { ok: true; value: T } | { ok: false; errors: LineError[] };

/** The answer key, items in file order. */
export interface AnswerKey {
  items: string[];
  key: Record<string, string>;
}

/** Every candidate's answer to every item: `answers[c][i]` is the option chosen, or null (blank). */
export interface ResponseMatrix {
  items: string[];
  candidates: string[];
  answers: (string | null)[][];
}

export interface FlaggedItem {
  item: string;
  reason: string;
}

/** `ratings[j][i]`: judge j's probability that a borderline candidate answers item i (key order). */
export interface AngoffRatings {
  items: string[];
  judges: string[];
  ratings: number[][];
}

// Beyond this many, one last error says how many more there are.
export const MAX_ERRORS = 100;

const id = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/,
    "1 to 128 letters, digits, '_', '.', '-', starting with a letter or digit",
  );

type Row = { line: number; cells: Record<string, string> };

/** Reads a CSV whose header names (trimmed, any letter case, any order) include `columns`; extra columns are ignored. */
function readTable(text: string, columns: readonly string[]): ImportResult<Row[]> {
  const read = readCsv(text);
  if (!read.ok) return { ok: false, errors: [read.error] };
  const [header, ...records] = read.records;
  if (!header) return { ok: false, errors: [{ line: 1, message: "the file is empty" }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const errors: LineError[] = [];
  for (const name of new Set(names)) {
    if (name !== "" && names.indexOf(name) !== names.lastIndexOf(name)) {
      errors.push({ line: header.line, message: `column "${name}" appears twice in the header` });
    }
  }
  const missing = columns.filter((c) => !names.includes(c));
  if (missing.length) {
    errors.push({
      line: header.line,
      message: `the header lacks ${missing.map((c) => `"${c}"`).join(", ")} (expected columns: ${columns.join(", ")})`,
    });
  }
  if (errors.length) return { ok: false, errors };
  if (records.length === 0) return { ok: false, errors: [{ line: header.line, message: "the file has no data rows" }] };
  const rows: Row[] = [];
  for (const record of records) {
    if (record.fields.length !== names.length) {
      errors.push({
        line: record.line,
        message: `${record.fields.length} fields where the header has ${names.length}`,
      });
      continue;
    }
    rows.push({
      line: record.line,
      cells: Object.fromEntries(columns.map((c) => [c, record.fields[names.indexOf(c)]])),
    });
  }
  return errors.length ? { ok: false, errors: capped(errors) } : { ok: true, value: rows };
}

function capped(errors: LineError[]): LineError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const shown = errors.slice(0, MAX_ERRORS);
  const last = errors[errors.length - 1].line;
  return [...shown, { line: last, message: `${errors.length - MAX_ERRORS} more errors not shown` }];
}

/** zod issues of one row as line errors: `{line: 7, message: "item: ..."}` */
function rowErrors(line: number, error: z.ZodError): LineError[] {
  return error.issues.map((issue) => ({ line, message: describeIssue(issue) }));
}

function option(options: readonly string[], blank: boolean) {
  const message = `one of ${options.join(", ")}${blank ? " or blank" : ""}`;
  return z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .refine((s) => options.includes(s) || (blank && s === ""), message)
    .transform((s) => (s === "" ? null : s));
}

function parseRows<T>(rows: Row[], schema: z.ZodType<T>, errors: LineError[]): { line: number; value: T }[] {
  const parsed: { line: number; value: T }[] = [];
  for (const row of rows) {
    const result = schema.safeParse(row.cells);
    if (result.success) parsed.push({ line: row.line, value: result.data });
    else errors.push(...rowErrors(row.line, result.error));
  }
  return parsed;
}

function done<T>(errors: LineError[], value: () => T): ImportResult<T> {
  return errors.length
    ? { ok: false, errors: capped(errors.sort((a, b) => a.line - b.line)) }
    : { ok: true, value: value() };
}

/** The answer key: columns `item`, `key`; one row per item, exactly `exam.items` items. */
export function importAnswerKey(text: string, exam: ExamPolicy): ImportResult<AnswerKey> {
  const table = readTable(text, ["item", "key"]);
  if (!table.ok) return table;
  const errors: LineError[] = [];
  const schema = z.object({ item: id, key: option(exam.options, false) });
  const firstLine = new Map<string, number>();
  const key: Record<string, string> = {};
  for (const { line, value } of parseRows(table.value, schema, errors)) {
    const seen = firstLine.get(value.item);
    if (seen !== undefined) {
      errors.push({ line, message: `item ${value.item} is keyed twice (first on line ${seen})` });
      continue;
    }
    firstLine.set(value.item, line);
    key[value.item] = value.key as string;
  }
  if (!errors.length && firstLine.size !== exam.items) {
    errors.push({
      line: 1,
      message: `the key has ${firstLine.size} items; the exam has ${exam.items} (policy exam.items)`,
    });
  }
  return done(errors, () => ({ items: [...firstLine.keys()], key }));
}

/**
 * The platform's export: columns `candidate`, `item`, `response` (an option
 * letter, any case, or blank for no answer); exactly one row per candidate and
 * key item, so a truncated export is refused rather than scored as blanks.
 */
export function importResponses(text: string, answerKey: AnswerKey, exam: ExamPolicy): ImportResult<ResponseMatrix> {
  const table = readTable(text, ["candidate", "item", "response"]);
  if (!table.ok) return table;
  const errors: LineError[] = [];
  const itemIndex = new Map(answerKey.items.map((item, i) => [item, i]));
  const schema = z.object({
    candidate: id,
    item: id.refine((item) => itemIndex.has(item), "not an item of the answer key"),
    response: option(exam.options, true),
  });
  const candidateIndex = new Map<string, number>();
  const firstLineOf: number[] = [];
  const answers: (string | null)[][] = [];
  const lineOf: (number | undefined)[][] = [];
  for (const { line, value } of parseRows(table.value, schema, errors)) {
    let c = candidateIndex.get(value.candidate);
    if (c === undefined) {
      c = answers.length;
      candidateIndex.set(value.candidate, c);
      firstLineOf.push(line);
      answers.push(new Array(answerKey.items.length).fill(null));
      lineOf.push(new Array(answerKey.items.length));
    }
    const i = itemIndex.get(value.item) as number;
    const seen = lineOf[c][i];
    if (seen !== undefined) {
      errors.push({
        line,
        message: `candidate ${value.candidate} answers item ${value.item} twice (first on line ${seen})`,
      });
      continue;
    }
    lineOf[c][i] = line;
    answers[c][i] = value.response;
  }
  const candidates = [...candidateIndex.keys()];
  // Completeness is judged on a file whose rows are all valid: a refused row
  // would otherwise also be reported as missing.
  if (!errors.length) {
    candidates.forEach((candidate, c) => {
      const missing = answerKey.items.filter((_, i) => lineOf[c][i] === undefined);
      if (!missing.length) return;
      const shown = missing.slice(0, 5).join(", ") + (missing.length > 5 ? ` and ${missing.length - 5} more` : "");
      errors.push({
        line: firstLineOf[c],
        message: `candidate ${candidate} (first row here) has no row for ${missing.length} item(s): ${shown}`,
      });
    });
  }
  return done(errors, () => ({ items: [...answerKey.items], candidates, answers }));
}

/** Items flagged during administration: columns `item`, `reason` (free text, may be blank); each item once. */
export function importFlaggedItems(text: string, answerKey: AnswerKey): ImportResult<FlaggedItem[]> {
  const table = readTable(text, ["item", "reason"]);
  if (!table.ok) return table;
  const errors: LineError[] = [];
  const schema = z.object({
    item: id.refine((item) => Object.hasOwn(answerKey.key, item), "not an item of the answer key"),
    reason: z.string().trim().max(2000),
  });
  const firstLine = new Map<string, number>();
  const flagged: FlaggedItem[] = [];
  for (const { line, value } of parseRows(table.value, schema, errors)) {
    const seen = firstLine.get(value.item);
    if (seen !== undefined) {
      errors.push({ line, message: `item ${value.item} is flagged twice (first on line ${seen})` });
      continue;
    }
    firstLine.set(value.item, line);
    flagged.push(value);
  }
  return done(errors, () => flagged);
}

/**
 * The judges' Angoff ratings: columns `judge`, `item`, `rating` (the
 * probability, 0 to 1, that a borderline candidate answers correctly). Every
 * judge rates every key item exactly once, so judges' sums are comparable.
 */
export function importAngoffRatings(text: string, answerKey: AnswerKey): ImportResult<AngoffRatings> {
  const table = readTable(text, ["judge", "item", "rating"]);
  if (!table.ok) return table;
  const errors: LineError[] = [];
  const itemIndex = new Map(answerKey.items.map((item, i) => [item, i]));
  const schema = z.object({
    judge: id,
    item: id.refine((item) => itemIndex.has(item), "not an item of the answer key"),
    rating: z
      .string()
      .trim()
      .regex(/^(?:[01](?:\.\d+)?|\.\d+)$/, "a probability between 0 and 1 written with a dot, e.g. 0.65")
      .transform(Number)
      .refine((n) => n >= 0 && n <= 1, "a probability between 0 and 1"),
  });
  const judgeIndex = new Map<string, number>();
  const firstLineOf: number[] = [];
  const ratings: number[][] = [];
  const lineOf: (number | undefined)[][] = [];
  for (const { line, value } of parseRows(table.value, schema, errors)) {
    let j = judgeIndex.get(value.judge);
    if (j === undefined) {
      j = ratings.length;
      judgeIndex.set(value.judge, j);
      firstLineOf.push(line);
      ratings.push(new Array(answerKey.items.length).fill(0));
      lineOf.push(new Array(answerKey.items.length));
    }
    const i = itemIndex.get(value.item) as number;
    const seen = lineOf[j][i];
    if (seen !== undefined) {
      errors.push({ line, message: `judge ${value.judge} rates item ${value.item} twice (first on line ${seen})` });
      continue;
    }
    lineOf[j][i] = line;
    ratings[j][i] = value.rating;
  }
  const judges = [...judgeIndex.keys()];
  if (!errors.length) {
    judges.forEach((judge, j) => {
      const missing = answerKey.items.filter((_, i) => lineOf[j][i] === undefined);
      if (!missing.length) return;
      const shown = missing.slice(0, 5).join(", ") + (missing.length > 5 ? ` and ${missing.length - 5} more` : "");
      errors.push({
        line: firstLineOf[j],
        message: `judge ${judge} (first row here) has not rated ${missing.length} item(s): ${shown}`,
      });
    });
  }
  return done(errors, () => ({ items: [...answerKey.items], judges, ratings }));
}
