// Case rows: what a spreadsheet row or the grid's form holds (text), checked
// with the server's zod schema (caseSchema), the engine's patient-reference
// check and the constraints firestore.rules adds, so that a row that passes
// here is a write the rules accept. Pure: no Firebase, no DOM.
import { caseSchema, describeIssue, patientRefProblem, type Case } from "../domain";

/** The columns of the import template, in order; the first eight are required. */
export const CASE_COLUMNS = [
  "patientRef",
  "studyDate",
  "category",
  "normal",
  "source",
  "role",
  "presentInControlRoom",
  "supervisorId",
  "courseId",
  "fullReview",
  "clinicalChange",
  "congenitalLesion",
] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly CaseColumn[] = CASE_COLUMNS.slice(0, 8);
const BOOLEAN_COLUMNS: readonly CaseColumn[] = ["normal", "presentInControlRoom", "fullReview", "clinicalChange"];

export type CaseRow = Partial<Record<CaseColumn, string>>;
/** A case as stored in Firestore: the engine's case without its id (the document id). */
export type CaseData = Omit<Case, "id">;

export interface RowError {
  column: CaseColumn | null;
  message: string;
  /** What the row holds in that column, when anything. */
  value?: string;
}

// firestore.rules: isPatientRef's character set and isDocId.
const PATIENT_REF_CHARACTERS = /^[A-Za-z0-9._-]{1,40}$/;
const DOC_ID = /^[A-Za-z0-9_-]{1,128}$/;

function parseBoolean(text: string): boolean | string {
  const t = text.trim().toLowerCase();
  if (["true", "yes", "y", "1"].includes(t)) return true;
  if (["false", "no", "n", "0"].includes(t)) return false;
  return text; // left as text: the schema says it must be a boolean
}

/** The row as a Firestore case document, or what is wrong with it (by column). */
export function caseFromRow(row: CaseRow): { data: CaseData } | { errors: RowError[] } {
  const raw: Record<string, unknown> = {};
  for (const column of CASE_COLUMNS) {
    const text = (row[column] ?? "").trim();
    if (text === "") continue; // optional columns left empty are absent
    raw[column] = BOOLEAN_COLUMNS.includes(column) ? parseBoolean(text) : text;
  }
  const errors: RowError[] = [];
  const parsed = caseSchema.safeParse({ ...raw, id: "row" });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = CASE_COLUMNS.find((c) => c === issue.path[0]) ?? null;
      const message = column && raw[column] === undefined ? "is required" : describeIssue({ ...issue, path: [] });
      errors.push({ column, message });
    }
  }
  if (typeof raw.patientRef === "string") {
    const problem = patientRefProblem(raw.patientRef);
    if (problem) errors.push({ column: "patientRef", message: `looks like patient data: ${problem}` });
    else if (!PATIENT_REF_CHARACTERS.test(raw.patientRef))
      errors.push({ column: "patientRef", message: "use only letters, digits, '.', '_' and '-'" });
  }
  if (typeof raw.supervisorId === "string" && !DOC_ID.test(raw.supervisorId))
    errors.push({ column: "supervisorId", message: "is not a supervisor id (letters, digits, '_' and '-')" });
  if (typeof raw.courseId === "string" && raw.courseId.length > 100)
    errors.push({ column: "courseId", message: "is longer than 100 characters" });
  if (errors.length || !parsed.success) {
    return {
      errors: errors.map((e) => {
        const value = e.column ? (row[e.column] ?? "").trim() : "";
        return value ? { ...e, value } : e;
      }),
    };
  }
  const { id: _id, ...data } = parsed.data;
  return { data };
}

/** A case document back as form text (for editing). */
export function rowFromCase(data: Partial<CaseData>): CaseRow {
  const row: CaseRow = {};
  for (const column of CASE_COLUMNS) {
    const value = data[column];
    if (value !== undefined && value !== null) row[column] = String(value);
  }
  return row;
}

export interface ParsedFile {
  /** Why nothing can be imported from this file, or null. */
  unusable: string | null;
  rows: { line: number; data: CaseData }[];
  errors: { line: number; errors: RowError[] }[];
}

/** The most rows one import takes (a whole Level 3 logbook is 300). */
export const MAX_IMPORT_ROWS = 2000;

/**
 * A table (header row first, as from papaparse or an XLSX sheet) as cases.
 * Lines are numbered as a spreadsheet shows them (the header is line 1).
 */
export function casesFromTable(table: string[][]): ParsedFile {
  const unusable = (reason: string): ParsedFile => ({ unusable: reason, rows: [], errors: [] });
  const nonEmpty = table.filter((cells) => cells.some((c) => c.trim() !== ""));
  if (nonEmpty.length === 0) return unusable("The file is empty.");
  const header = table[0].map((h) => h.trim());
  const unknown = header.filter((h) => h !== "" && !(CASE_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    return unusable(
      `The first row must name the columns; missing: ${missing.join(", ")}.` +
        (unknown.length ? ` Not recognised: ${unknown.join(", ")}.` : "") +
        " Download the template to see the expected columns.",
    );
  if (unknown.length) return unusable(`Columns not recognised: ${unknown.join(", ")}. Download the template.`);
  const body = table.slice(1);
  const dataRows = body.filter((cells) => cells.some((c) => c.trim() !== ""));
  if (dataRows.length === 0) return unusable("The file has a header row but no cases.");
  if (dataRows.length > MAX_IMPORT_ROWS)
    return unusable(`The file has ${dataRows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`);

  const result: ParsedFile = { unusable: null, rows: [], errors: [] };
  body.forEach((cells, index) => {
    if (!cells.some((c) => c.trim() !== "")) return;
    const line = index + 2;
    const row: CaseRow = {};
    header.forEach((column, i) => {
      if (column) row[column as CaseColumn] = cells[i] ?? "";
    });
    const parsed = caseFromRow(row);
    if ("data" in parsed) result.rows.push({ line, data: parsed.data });
    else result.errors.push({ line, errors: parsed.errors });
  });
  return result;
}

/** A spreadsheet cell as text: dates as YYYY-MM-DD, booleans as true/false. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** The template: the header and two example rows. */
export function templateCsv(supervisorId = "your-supervisor-id"): string {
  const examples: CaseRow[] = [
    {
      patientRef: "case-001",
      studyDate: "2025-03-01",
      category: "ischaemic",
      normal: "false",
      source: "own-centre",
      role: "primary-operator",
      presentInControlRoom: "true",
      supervisorId,
    },
    {
      patientRef: "case-002",
      studyDate: "2025-03-04",
      category: "congenital",
      normal: "false",
      source: "course",
      role: "reporting-physician",
      presentInControlRoom: "false",
      supervisorId,
      courseId: "eurocmr-2025",
      fullReview: "true",
      congenitalLesion: "shunt",
    },
  ];
  const lines = [CASE_COLUMNS.join(","), ...examples.map((r) => CASE_COLUMNS.map((c) => r[c] ?? "").join(","))];
  return lines.join("\r\n") + "\r\n";
}

/** Splits items into commits of at most `size` (Firestore allows 500 writes per batch). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  if (size < 1 || size > 500) throw new RangeError("a batch holds 1 to 500 writes");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
