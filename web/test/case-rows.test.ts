// The import's row checks: a row passes only if the server's schema, the
// engine's patient-reference check and firestore.rules' constraints all accept it.
import { describe, expect, it } from "vitest";
import {
  CASE_COLUMNS,
  MAX_IMPORT_ROWS,
  caseFromRow,
  casesFromTable,
  cellText,
  chunks,
  rowFromCase,
  templateCsv,
  type CaseRow,
} from "../src/logbook/case-rows";

const good: CaseRow = {
  patientRef: "p-001",
  studyDate: "2025-03-01",
  category: "ischaemic",
  normal: "no",
  source: "own-centre",
  role: "primary-operator",
  presentInControlRoom: "yes",
  supervisorId: "sup-1",
};
const header = [...CASE_COLUMNS];
const asCells = (row: CaseRow) => CASE_COLUMNS.map((c) => row[c] ?? "");

describe("caseFromRow", () => {
  it("turns a valid row into the Firestore document, booleans parsed and empty optional columns left out", () => {
    expect(caseFromRow({ ...good, courseId: "", fullReview: "" })).toEqual({
      data: {
        patientRef: "p-001",
        studyDate: "2025-03-01",
        category: "ischaemic",
        normal: false,
        source: "own-centre",
        role: "primary-operator",
        presentInControlRoom: true,
        supervisorId: "sup-1",
      },
    });
  });

  it.each([
    ["studyDate", { studyDate: "2025-02-30" }],
    ["studyDate", { studyDate: "01/03/2025" }],
    ["category", { category: "cardiac" }],
    ["normal", { normal: "maybe" }],
    ["source", { source: "home" }],
    ["congenitalLesion", { congenitalLesion: "unknown" }],
    ["patientRef", { patientRef: "John Smith" }],
    ["patientRef", { patientRef: "p-1234567" }],
    ["patientRef", { patientRef: "born-12.03.1980" }],
    ["patientRef", { patientRef: "x@y.org" }],
    ["patientRef", { patientRef: "p#1" }],
    ["patientRef", { patientRef: "p".repeat(41) }],
    ["supervisorId", { supervisorId: "dr smith" }],
    ["courseId", { courseId: "c".repeat(101) }],
  ] as const)("names the column %s when it is wrong (%j)", (column, change) => {
    const result = caseFromRow({ ...good, ...change });
    expect("errors" in result && result.errors.map((e) => e.column)).toContain(column);
  });

  it("accepts the limits themselves: a 40-character reference, a 100-character course, 5 digits in a row", () => {
    expect(caseFromRow({ ...good, patientRef: "p".repeat(40) })).toHaveProperty("data");
    expect(caseFromRow({ ...good, courseId: "c".repeat(100), source: "course" })).toHaveProperty("data");
    expect(caseFromRow({ ...good, patientRef: "p-12345" })).toHaveProperty("data");
  });

  it("quotes the offending value", () => {
    expect(caseFromRow({ ...good, studyDate: " 2025-02-30 " })).toEqual({
      errors: [{ column: "studyDate", message: expect.stringMatching(/calendar date/), value: "2025-02-30" }],
    });
  });

  it("says a missing required column is required", () => {
    const { supervisorId: _s, ...row } = good;
    expect(caseFromRow(row)).toEqual({ errors: [{ column: "supervisorId", message: "is required" }] });
  });

  it("round-trips through the form's text", () => {
    const result = caseFromRow({ ...good, congenitalLesion: "shunt", category: "congenital" });
    if (!("data" in result)) throw new Error("expected a case");
    expect(caseFromRow(rowFromCase(result.data))).toEqual(result);
  });
});

describe("casesFromTable", () => {
  it("keeps the good rows, reports the bad ones by spreadsheet line, and skips blank lines", () => {
    const parsed = casesFromTable([header, asCells(good), [], asCells({ ...good, category: "x" }), asCells(good)]);
    expect(parsed.unusable).toBeNull();
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(parsed.errors).toEqual([{ line: 4, errors: [expect.objectContaining({ column: "category" })] }]);
  });

  it("accepts the columns in any order and without the optional ones", () => {
    const columns = [
      "supervisorId",
      "presentInControlRoom",
      "role",
      "source",
      "normal",
      "category",
      "studyDate",
      "patientRef",
    ];
    const parsed = casesFromTable([columns, columns.map((c) => good[c as keyof CaseRow] ?? "")]);
    expect(parsed.rows).toHaveLength(1);
  });

  it.each([
    ["an empty file", []],
    ["a header without rows", [header]],
    ["a missing required column", [header.filter((c) => c !== "studyDate"), asCells(good).slice(1)]],
    [
      "an unknown column",
      [
        [...header, "patientName"],
        [...asCells(good), "Jane Doe"],
      ],
    ],
  ])("finds %s unusable: nothing to import", (_what, table) => {
    const parsed = casesFromTable(table as string[][]);
    expect(parsed.unusable).toMatch(/./);
    expect(parsed.rows).toEqual([]);
  });

  it(`takes at most ${MAX_IMPORT_ROWS} rows`, () => {
    const rows = (n: number) => [header, ...Array.from({ length: n }, () => asCells(good))];
    expect(casesFromTable(rows(MAX_IMPORT_ROWS)).rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(casesFromTable(rows(MAX_IMPORT_ROWS + 1)).unusable).toMatch(/at most/);
  });

  it("reads its own template without errors", () => {
    const table = templateCsv("sup-1")
      .trim()
      .split("\r\n")
      .map((line) => line.split(","));
    const parsed = casesFromTable(table);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(2);
  });
});

describe("chunks and cells", () => {
  it("splits into commits of at most the given size and refuses more than Firestore's 500", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks(Array(1000).fill(0), 500).map((c) => c.length)).toEqual([500, 500]);
    expect(() => chunks([1], 501)).toThrow(RangeError);
    expect(() => chunks([1], 0)).toThrow(RangeError);
  });

  it("turns spreadsheet cells into text", () => {
    expect(cellText(new Date(Date.UTC(2025, 2, 1)))).toBe("2025-03-01");
    expect(cellText(true)).toBe("true");
    expect(cellText(null)).toBe("");
    expect(cellText(3)).toBe("3");
  });
});
