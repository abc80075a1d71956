import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/logbook/domain/index.js";
import { evaluateRecertification } from "../../../functions/src/recertification/domain/requirements.js";
import { cycleCme, enoughCme, fullChecklist, recertificationInput } from "../../factories/recertification.js";

const policy = DEFAULT_POLICY;
const evaluate = (fields: Parameters<typeof recertificationInput>[0] = {}) =>
  evaluateRecertification(recertificationInput(fields), policy);
const codes = (fields: Parameters<typeof recertificationInput>[0] = {}) => evaluate(fields).findings.map((f) => f.code);
const requirement = (id: string, fields: Parameters<typeof recertificationInput>[0] = {}) =>
  evaluate(fields).requirements.find((r) => r.id === id);

describe("the recertification report", () => {
  it("a complete application is eligible, with no finding", () => {
    const report = evaluate();
    expect(report.findings).toEqual([]);
    expect(report.eligible).toBe(true);
    expect(report.cycle).toEqual({ from: "2025-06-15", until: "2030-06-15" });
    expect(report.requirements.every((r) => r.met)).toBe(true);
  });

  it("the findings the caller produced while parsing are kept, and an error among them blocks eligibility", () => {
    const bad = {
      code: "RECERT_DOCUMENT_INVALID",
      severity: "error" as const,
      message: "cme/x: credits must be a number",
    };
    const report = evaluate({ inputFindings: [bad] });
    expect(report.findings).toContainEqual(bad);
    expect(report.eligible).toBe(false);
  });
});

describe("the checklist", () => {
  it("studies per complete year: 50 is enough, 49 is not", () => {
    expect(requirement("checklist.year1.studies", { checklist: fullChecklist(50) })).toMatchObject({
      met: true,
      actual: 50,
    });
    expect(evaluate({ checklist: fullChecklist(50) }).eligible).toBe(true);
    const short = evaluate({ checklist: fullChecklist(49) });
    expect(short.eligible).toBe(false);
    expect(short.findings.filter((f) => f.code === "RECERT_TOO_FEW_STUDIES")).toHaveLength(4);
  });

  it("a year still running on the day of judgement is not required; once it has ended it is", () => {
    const fourYears = { years: fullChecklist().years.filter((y) => y.year <= 4) };
    // Year 5 runs 2029-06-15 .. 2030-06-14.
    expect(evaluate({ checklist: fourYears, asOf: "2030-06-14" }).eligible).toBe(true);
    const after = evaluate({ checklist: fourYears, asOf: "2030-06-15" });
    expect(after.eligible).toBe(false);
    expect(after.findings.map((f) => f.message)).toContain(
      "year 5 of the cycle (2029-06-15 to 2030-06-14) is missing from the checklist",
    );
  });

  it("every required year names an institution", () => {
    const checklist = fullChecklist();
    checklist.years[2] = { ...checklist.years[2], institutions: [] };
    expect(codes({ checklist })).toContain("RECERT_INSTITUTION_MISSING");
    expect(codes({ checklist: fullChecklist() })).not.toContain("RECERT_INSTITUTION_MISSING");
  });

  it("a missing checklist, a year given twice and a year outside the cycle are errors", () => {
    expect(codes({ checklist: null })).toContain("RECERT_CHECKLIST_MISSING");
    const twice = { years: [...fullChecklist().years, { year: 1, studies: 60, reported: 1, institutions: ["A"] }] };
    expect(codes({ checklist: twice })).toContain("RECERT_CHECKLIST_YEAR_TWICE");
    const sixth = { years: [...fullChecklist().years, { year: 6, studies: 60, reported: 1, institutions: ["A"] }] };
    expect(codes({ checklist: sixth })).toContain("RECERT_CHECKLIST_YEAR_OUTSIDE_CYCLE");
  });
});

describe("the formal letter", () => {
  it("accepted evidence is met; missing or unusable is an error that says why", () => {
    expect(requirement("letter")).toMatchObject({ met: true });
    expect(codes({ letter: null })).toContain("RECERT_LETTER_MISSING");
    const unusable = evaluate({ letter: { evidenceId: "ev-letter", problem: "the file was rejected: empty" } });
    expect(unusable.eligible).toBe(false);
    expect(unusable.findings[0].message).toBe("the formal letter (evidence ev-letter): the file was rejected: empty");
  });
});

describe("the current certificate", () => {
  it("known to the system while active or expired; not once lapsed, nor without a number", () => {
    const certificate = recertificationInput().certificate;
    expect(evaluate({ certificate: { ...certificate, status: "expired" } }).eligible).toBe(true);
    expect(codes({ certificate: { ...certificate, status: "lapsed" } })).toContain("RECERT_CERTIFICATE_UNKNOWN");
    expect(codes({ certificate: { ...certificate, certificateNumber: null } })).toContain("RECERT_CERTIFICATE_UNKNOWN");
  });
});

describe("the CME of the cycle, screened with the logbook's CME rules", () => {
  it("50 credits are enough, 49 are not", () => {
    const cme = [
      ...enoughCme().slice(0, 6),
      cycleCme({ startDate: "2027-04-01", endDate: "2027-04-01", credits: 2 }, "cme-x"),
    ];
    expect(requirement("cme.credits", { cme })).toMatchObject({ met: true, actual: 50 });
    const short = [
      ...enoughCme().slice(0, 6),
      cycleCme({ startDate: "2027-04-01", endDate: "2027-04-01", credits: 1 }, "cme-x"),
    ];
    expect(requirement("cme.credits", { cme: short })).toMatchObject({ met: false, actual: 49 });
    expect(codes({ cme: short })).toContain("RECERT_CME_TOO_FEW");
  });

  it("the logbook's per-day cap applies: 12 credits on one day count 8", () => {
    const cme = [cycleCme({ credits: 12 })];
    expect(requirement("cme.credits", { cme })).toMatchObject({ actual: 8 });
    expect(codes({ cme })).toContain("CME_CREDITS_CAPPED");
  });

  it("the logbook's refusals apply: no certificate, self-directed learning", () => {
    expect(codes({ cme: [cycleCme({ certificateId: null })] })).toContain("CME_CERTIFICATE_MISSING");
    expect(codes({ cme: [cycleCme({ kind: "self-directed" })] })).toContain("CME_NOT_ACCEPTED");
  });

  it("an event that started before the cycle is credited 0; one starting on its first day counts", () => {
    const before = cycleCme({ startDate: "2025-06-14", endDate: "2025-06-14" });
    expect(codes({ cme: [before] })).toContain("RECERT_CME_BEFORE_CYCLE");
    expect(requirement("cme.credits", { cme: [before] })).toMatchObject({ actual: 0 });
    const first = cycleCme({ startDate: "2025-06-15", endDate: "2025-06-15" });
    expect(requirement("cme.credits", { cme: [first] })).toMatchObject({ actual: 8 });
  });

  it("an event ending after the day of judgement is credited 0; one ending on it counts", () => {
    expect(
      requirement("cme.credits", { cme: [cycleCme({ endDate: "2030-03-02", startDate: "2030-03-02" })] }),
    ).toMatchObject({
      actual: 0,
    });
    expect(
      requirement("cme.credits", { cme: [cycleCme({ endDate: "2030-03-01", startDate: "2030-03-01" })] }),
    ).toMatchObject({
      actual: 8,
    });
  });

  it("CMR-specific credits: 25 are enough, 24 are not; a multimodality meeting counts only towards the total", () => {
    const specific = (credits: number) => [
      cycleCme({ credits: 8, startDate: "2027-01-01", endDate: "2027-01-01" }, "s1"),
      cycleCme({ credits: 8, startDate: "2027-01-02", endDate: "2027-01-02" }, "s2"),
      cycleCme({ credits: 8, startDate: "2027-01-03", endDate: "2027-01-03" }, "s3"),
      cycleCme({ credits: credits - 24, startDate: "2027-01-04", endDate: "2027-01-04" }, "s4"),
      ...Array.from({ length: 9 }, (_, i) =>
        cycleCme(
          {
            kind: "multimodality-meeting",
            modalities: 2,
            credits: 6,
            title: `Imaging meeting ${i}`,
            startDate: `2028-02-1${i}`,
            endDate: `2028-02-1${i}`,
          },
          `m${i}`,
        ),
      ),
    ];
    expect(requirement("cme.cmrSpecific", { cme: specific(25) })).toMatchObject({ met: true, actual: 25 });
    expect(requirement("cme.cmrSpecific", { cme: specific(24) })).toMatchObject({ met: false, actual: 24 });
    expect(requirement("cme.credits", { cme: specific(25) })).toMatchObject({ actual: 52 });
  });
});
