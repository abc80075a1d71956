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

describe("exportRegistrations: order and refusals in detail", () => {
  it("same names: by candidate id; names compare without regard to letter case or accents", () => {
    const { rows } = exported([
      registration("u2", { familyName: "Martin", givenNames: "Claire" }),
      registration("u3", { familyName: "martin", givenNames: "Alain" }),
      registration("u1", { familyName: "MARTIN", givenNames: "claire" }),
      registration("u0", { familyName: "Martín", givenNames: "Zoé" }),
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(["u3", "u1", "u2", "u0"]);
    // the same tie given in id order stays in id order
    const inOrder = exported([registration("u1"), registration("u2"), registration("u3")]);
    expect(inOrder.rows.slice(1).map((r) => r[0])).toEqual(["u1", "u2", "u3"]);
  });

  it("each malformed field is named with its registration's number", () => {
    const result = exportRegistrations(plannedSession(), [
      registration("u1", { email: "x" }),
      registration("u2", { familyName: "a\nb" }),
      registration("u3", { givenNames: "  " }),
      { ...registration("u4"), status: "pending" },
      registration("u 5"),
      registration("u6", { familyName: "x".repeat(201) }),
      "u7",
      registration("u8", { status: "cancelled", email: "x" }),
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        "registration 1: email: Invalid email address",
        "registration 2: familyName: no control characters",
        "registration 3: givenNames: Too small: expected string to have >=1 characters",
        'registration 4: status: Invalid option: expected one of "registered"|"cancelled"',
        "registration 5: registrationId: letters, digits, '_', '.', '-' (at most 128)",
        "registration 5: candidateId: letters, digits, '_', '.', '-' (at most 128)",
        "registration 5: email: Invalid email address",
        "registration 6: familyName: Too big: expected string to have <=200 characters",
        "registration 7: Invalid input: expected object, received string",
        "registration 8: email: Invalid email address",
      ],
    });
  });

  it("names of 200 characters and ids of 128 are exported (one more is refused); names are trimmed", () => {
    const long = "N".repeat(200);
    const id = "u".repeat(128);
    const { rows, count } = exported([
      registration(id, { registrationId: id, familyName: ` ${long} `, givenNames: " Ann\t" }),
    ]);
    expect(count).toBe(1);
    expect(rows[1].slice(0, 4)).toEqual([id, id, long, "Ann"]);
    const tooLong = exportRegistrations(plannedSession(), [registration(`${id}x`, { registrationId: "r1" })]);
    expect(tooLong.ok || tooLong.errors).toEqual([
      "registration 1: candidateId: letters, digits, '_', '.', '-' (at most 128)",
    ]);
  });

  it("ids of one character and with _ . - inside are exported; an id starting with _ is refused", () => {
    const { rows } = exported([registration("u", { registrationId: "1_a.b-c" })]);
    expect(rows[1].slice(0, 2)).toEqual(["u", "1_a.b-c"]);
    const refused = exportRegistrations(plannedSession(), [registration("_u", { registrationId: "r1" })]);
    expect(refused.ok || refused.errors).toEqual([
      "registration 1: candidateId: letters, digits, '_', '.', '-' (at most 128)",
    ]);
  });
});
