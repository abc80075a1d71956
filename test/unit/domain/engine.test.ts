import { describe, expect, it } from "vitest";
import { validateApplication, ROUTES } from "../../../functions/src/logbook/domain/index.js";
import { makeBundle } from "../../factories/bundle.js";

describe("validateApplication", () => {
  it.each(ROUTES)("finds nothing wrong with the factory's %s bundle", (route) => {
    const report = validateApplication(makeBundle(route));
    expect(report.findings).toEqual([]);
    expect(report.eligible).toBe(true);
    expect(report.requirements.every((r) => r.met)).toBe(true);
  });

  it("reports the route, the date and the policy version", () => {
    const report = validateApplication(makeBundle("level2"));
    expect(report).toMatchObject({ route: "level2", asOf: "2026-06-01", policyVersion: "2026.1-default" });
  });

  it("summarises the counts for a level 2 bundle", () => {
    expect(validateApplication(makeBundle("level2")).summary).toEqual({
      casesCounted: 150,
      casesRequired: 150,
      normal: 7,
      course: 0,
      otherCentre: 0,
      controlRoom: 75,
      cmeCredits: 28,
      cmeRequired: 25,
      trainingFteMonths: 3,
      trainingRequired: 3,
    });
  });

  it("is not eligible when any finding is an error, and stays eligible with warnings only", () => {
    const bundle = makeBundle("level2");
    bundle.cme.push({ ...bundle.cme[0], id: "cme-extra", certificateId: null });
    const withWarning = validateApplication(bundle);
    expect(withWarning.findings.map((f) => f.severity)).toEqual(["warning"]);
    expect(withWarning.eligible).toBe(true);

    const withError = validateApplication(makeBundle("level2", { supervisorDeclaration: null }));
    expect(withError.eligible).toBe(false);
  });

  it("lists requirements that apply to the route only", () => {
    const ids = (route: (typeof ROUTES)[number]) =>
      validateApplication(makeBundle(route)).requirements.map((r) => r.id);
    expect(ids("level2")).toContain("exam.passed");
    expect(ids("level2")).not.toContain("peerRecognition");
    expect(ids("level3-via-level2")).toContain("level2.current");
    expect(ids("level3-via-level2")).not.toContain("exam.passed");
    expect(ids("level3-direct")).toContain("peerRecognition");
  });

  it("sorts findings by code, then ids", () => {
    const bundle = makeBundle("level2");
    bundle.cases[120].role = "observer";
    bundle.cases[110].role = "observer";
    bundle.supervisorDeclaration = null;
    const report = validateApplication(bundle);
    expect(report.findings.map((f) => [f.code, f.caseIds?.[0]])).toEqual([
      ["CASES_TOO_FEW", undefined],
      ["CASE_ROLE_NOT_ACCEPTED", "case-0110"],
      ["CASE_ROLE_NOT_ACCEPTED", "case-0120"],
      ["SUPERVISOR_DECLARATION_MISSING", undefined],
    ]);
  });
});
