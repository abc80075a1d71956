import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/platform/domain/policy.js";
import {
  exportRegistrations,
  planSession,
  readCsv,
  REGISTRATION_COLUMNS,
  type ExportedRegistration,
} from "../../../functions/src/exam/domain/index.js";

// Planned inside each test (not at module level), so a Stryker mutant of planSession is active when it runs.
function plannedSession() {
  const planned = planSession("2025-11-07", DEFAULT_POLICY.exam);
  if (!planned.ok) throw new Error("the session must plan");
  return planned.value;
}

const registration = (candidateId: string, change: Partial<ExportedRegistration> = {}): ExportedRegistration => ({
  registrationId: `r-${candidateId}`,
  candidateId,
  status: "registered",
  familyName: "Martin",
  givenNames: "Claire",
  email: `${candidateId}@example.org`,
  ...change,
});

function exported(registrations: unknown[]) {
  const result = exportRegistrations(plannedSession(), registrations);
  if (!result.ok) throw new Error(result.errors.join("; "));
  const read = readCsv(result.csv);
  if (!read.ok) throw new Error(read.error.message);
  return { ...result, rows: read.records.map((r) => r.fields) };
}

describe("exportRegistrations", () => {
  it("writes the documented columns, one row per active registration, by family then given names", () => {
    const { rows, count, csv } = exported([
      registration("u3", { familyName: "Zimmer" }),
      registration("u1", { familyName: "Ångström", givenNames: "Eva" }),
      registration("u2", { familyName: "Bauer", status: "cancelled" }),
      registration("u4", { familyName: "Ångström", givenNames: "Anna" }),
    ]);
    expect(count).toBe(3);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(rows[0]).toEqual([...REGISTRATION_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      [
        "u4",
        "r-u4",
        "Ångström",
        "Anna",
        "u4@example.org",
        "2025-11-07",
        "2025-11-07T10:00:00.000Z",
        "2025-11-07T13:00:00.000Z",
        "Europe/Paris",
      ],
      [
        "u1",
        "r-u1",
        "Ångström",
        "Eva",
        "u1@example.org",
        "2025-11-07",
        "2025-11-07T10:00:00.000Z",
        "2025-11-07T13:00:00.000Z",
        "Europe/Paris",
      ],
      [
        "u3",
        "r-u3",
        "Zimmer",
        "Claire",
        "u3@example.org",
        "2025-11-07",
        "2025-11-07T10:00:00.000Z",
        "2025-11-07T13:00:00.000Z",
        "Europe/Paris",
      ],
    ]);
  });

  it("quotes names with commas and quotes, and defuses spreadsheet formulas", () => {
    const { rows } = exported([
      registration("u1", { familyName: 'O"Brien, Jr', givenNames: '=HYPERLINK("x")' }),
      registration("u2", { familyName: "-Dash", givenNames: "@me" }),
    ]);
    expect(rows[1].slice(2, 4)).toEqual(["'-Dash", "'@me"]);
    expect(rows[2].slice(2, 4)).toEqual(['O"Brien, Jr', '\'=HYPERLINK("x")']);
  });

  it("an empty session exports the header alone", () => {
    expect(exported([]).rows).toEqual([[...REGISTRATION_COLUMNS]]);
  });

  it("refuses malformed registrations and a candidate registered twice, exporting nothing", () => {
    const result = exportRegistrations(plannedSession(), [
      registration("u1", { email: "not-an-email" }),
      registration("u2", { familyName: "Line\nbreak" }),
      registration("u3", { givenNames: "   " }),
      { ...registration("u4"), status: "pending" },
      registration("u5"),
      registration("u5", { registrationId: "r-other" }),
      registration("u6", { status: "cancelled" }),
      registration("u6"),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.split(":")[0])).toEqual([
      "registration 1",
      "registration 2",
      "registration 3",
      "registration 4",
      "candidate u5 is registered twice for this session",
    ]);
  });
});
