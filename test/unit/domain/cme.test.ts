import { describe, expect, it } from "vitest";
import { validateApplication, type Bundle, type CmeEntry } from "../../../functions/src/logbook/domain/index.js";
import { makeBundle, makeCme } from "../../factories/bundle.js";
import { codesOf, findingsOf } from "../../factories/report.js";

/** The level 2 bundle's CME (28 hours from two sources) plus one more entry. */
function withEntry(fields: Partial<CmeEntry>, route: Bundle["route"] = "level2") {
  const bundle = makeBundle(route);
  bundle.cme.push(makeCme("extra", fields));
  return validateApplication(bundle);
}

function creditedFor(fields: Partial<CmeEntry>, route: Bundle["route"] = "level2") {
  const base = validateApplication(makeBundle(route)).summary.cmeCredits;
  return Math.round((withEntry(fields, route).summary.cmeCredits - base) * 100) / 100;
}

describe("CME entries credited 0", () => {
  it("without a certificate (CME_CERTIFICATE_MISSING)", () => {
    expect(creditedFor({ certificateId: null })).toBe(0);
    expect(findingsOf(withEntry({ certificateId: null }), "CME_CERTIFICATE_MISSING")).toMatchObject([
      { severity: "warning", cmeIds: ["extra"] },
    ]);
  });

  it.each(["self-directed", "general-webinar"] as const)("%s learning (CME_NOT_ACCEPTED)", (kind) => {
    expect(creditedFor({ kind })).toBe(0);
    expect(codesOf(withEntry({ kind }))).toEqual(["CME_NOT_ACCEPTED"]);
  });

  it("a general meeting neither in the catalogue nor with a CMR component (CME_NOT_ACCEPTED)", () => {
    expect(creditedFor({ kind: "general-meeting", credits: 6 })).toBe(0);
    expect(codesOf(withEntry({ kind: "general-meeting", credits: 6 }))).toEqual(["CME_NOT_ACCEPTED"]);
  });

  it("an event that ended more than 24 months before the exam (CME_EVENT_TOO_OLD)", () => {
    expect(creditedFor({ startDate: "2023-11-07", endDate: "2023-11-07" })).toBe(5);
    expect(creditedFor({ startDate: "2023-11-06", endDate: "2023-11-06" })).toBe(0);
    expect(codesOf(withEntry({ startDate: "2023-11-06", endDate: "2023-11-06" }))).toEqual(["CME_EVENT_TOO_OLD"]);
  });

  it("an entry already counted for level 2 (CME_REUSED_FROM_LEVEL2)", () => {
    const bundle = makeBundle("level3-via-level2");
    bundle.cme.push(makeCme("cme-old"));
    const report = validateApplication(bundle);
    expect(findingsOf(report, "CME_REUSED_FROM_LEVEL2")).toMatchObject([{ cmeIds: ["cme-old"] }]);
    expect(report.summary.cmeCredits).toBe(29);
  });

  it("the first reason found is the only one reported", () => {
    expect(codesOf(withEntry({ certificateId: null, kind: "self-directed" }))).toEqual(["CME_CERTIFICATE_MISSING"]);
  });
});

describe("CME hours credited", () => {
  it("a catalogued meeting gets at most its catalogue credits, undivided (CME_CREDITS_CAPPED)", () => {
    const fields = { catalogueId: "euroecho-imaging", kind: "multimodality-meeting" as const, modalities: 3 };
    expect(creditedFor({ ...fields, credits: 7 })).toBe(7);
    expect(creditedFor({ ...fields, credits: 24, endDate: "2025-05-03" })).toBe(8);
    expect(
      findingsOf(withEntry({ ...fields, credits: 24, endDate: "2025-05-03" }), "CME_CREDITS_CAPPED"),
    ).toMatchObject([{ severity: "warning", cmeIds: ["extra"] }]);
  });

  it("a catalogue entry 'as per certificate' is not capped by the catalogue", () => {
    expect(creditedFor({ catalogueId: "eacvi-cmr-teaching-course", credits: 15 })).toBe(15);
  });

  it("a general meeting in the catalogue gets its CMR credits only (ESC Congress: 3)", () => {
    expect(
      creditedFor({ catalogueId: "esc-congress", kind: "general-meeting", credits: 20, endDate: "2025-05-04" }),
    ).toBe(3);
  });

  it("a general meeting outside the catalogue gets its CMR component", () => {
    expect(creditedFor({ kind: "general-meeting", credits: 20, cmrComponentCredits: 4, endDate: "2025-05-04" })).toBe(
      4,
    );
  });

  it("a multimodality meeting outside the catalogue is divided by its modalities", () => {
    expect(creditedFor({ kind: "multimodality-meeting", credits: 12, modalities: 3, endDate: "2025-05-02" })).toBe(4);
    expect(creditedFor({ kind: "multimodality-meeting", credits: 12, modalities: 2, endDate: "2025-05-02" })).toBe(6);
    expect(
      codesOf(withEntry({ kind: "multimodality-meeting", credits: 12, modalities: 2, endDate: "2025-05-02" })),
    ).toEqual(["CME_CREDITS_CAPPED"]);
  });

  it("an ECTS point is worth 25 hours", () => {
    expect(creditedFor({ kind: "ects", credits: 1 })).toBe(25);
    expect(codesOf(withEntry({ kind: "ects", credits: 1 }))).toEqual([]);
  });

  it("a meeting gives at most 8 hours a day", () => {
    expect(creditedFor({ kind: "cmr-meeting", credits: 8 })).toBe(8);
    expect(creditedFor({ kind: "cmr-meeting", credits: 9 })).toBe(8);
    expect(creditedFor({ kind: "cmr-meeting", credits: 16, endDate: "2025-05-02" })).toBe(16);
    expect(
      creditedFor({ catalogueId: "scmr-annual-sessions", kind: "cmr-meeting", credits: 24, endDate: "2025-05-02" }),
    ).toBe(16);
  });

  it("courses are not capped per day", () => {
    expect(creditedFor({ kind: "course", credits: 12 })).toBe(12);
  });
});

describe("CME totals", () => {
  const withEntries = (entries: CmeEntry[]) => validateApplication(makeBundle("level2", { cme: entries }));

  it("25 hours are enough for level 2; 24.99 are CME_TOO_FEW_CREDITS", () => {
    expect(codesOf(withEntries([makeCme("a", { credits: 20 }), makeCme("b", { credits: 5 })]))).toEqual([]);
    const short = withEntries([makeCme("a", { credits: 20 }), makeCme("b", { credits: 4.99 })]);
    expect(codesOf(short)).toEqual(["CME_TOO_FEW_CREDITS"]);
    expect(short.summary.cmeCredits).toBe(24.99);
  });

  it("level 3 direct needs 50", () => {
    const report = validateApplication(
      makeBundle("level3-direct", { cme: [makeCme("a", { credits: 40 }), makeCme("b", { credits: 9 })] }),
    );
    expect(codesOf(report)).toEqual(["CME_TOO_FEW_CREDITS"]);
  });

  it("all hours from one source is CME_SINGLE_SOURCE (titles compared trimmed and lower-cased)", () => {
    const report = withEntries([
      makeCme("a", { title: "CMR Course", credits: 20 }),
      makeCme("b", { title: "  cmr course ", credits: 10 }),
    ]);
    expect(codesOf(report)).toEqual(["CME_SINGLE_SOURCE"]);
  });

  it("the same catalogue event twice is one source", () => {
    const report = withEntries([
      makeCme("a", { title: "EuroCMR 2024", catalogueId: "eurocmr", credits: 15 }),
      makeCme("b", { title: "EuroCMR 2025", catalogueId: "eurocmr", credits: 15 }),
    ]);
    expect(codesOf(report)).toEqual(["CME_SINGLE_SOURCE"]);
  });

  it("an entry credited 0 is not a source", () => {
    const report = withEntries([makeCme("a", { credits: 30 }), makeCme("b", { credits: 5, certificateId: null })]);
    expect(codesOf(report)).toEqual(["CME_CERTIFICATE_MISSING", "CME_SINGLE_SOURCE"]);
  });
});
