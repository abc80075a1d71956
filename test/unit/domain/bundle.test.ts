import { describe, expect, it } from "vitest";
import { BundleInvalidError, validateApplication } from "../../../functions/src/logbook/domain/index.js";
import { makeBundle } from "../../factories/bundle.js";
import { codesOf, findingsOf } from "../../factories/report.js";

function invalidIssues(raw: unknown) {
  try {
    validateApplication(raw);
  } catch (e) {
    if (e instanceof BundleInvalidError) return e.issues;
    throw e;
  }
  throw new Error("the bundle was accepted");
}

describe("bad items are reported and left out", () => {
  it("a case with an impossible date is CASE_INVALID, naming the case and the field", () => {
    const bundle = makeBundle("level2") as unknown as { cases: Record<string, unknown>[] };
    bundle.cases[120].studyDate = "31/02/2026";
    const report = validateApplication(bundle);
    const [finding] = findingsOf(report, "CASE_INVALID");
    expect(finding.caseIds).toEqual(["case-0120"]);
    expect(finding.message).toContain("studyDate");
    expect(report.summary.casesCounted).toBe(149);
  });

  it("a calendar date that does not exist (2026-02-29) is invalid too", () => {
    const bundle = makeBundle("level2");
    bundle.cases[120].studyDate = "2026-02-29";
    expect(findingsOf(validateApplication(bundle), "CASE_INVALID")).toHaveLength(1);
  });

  it("a case without an id is named by its place in the list", () => {
    const bundle = makeBundle("level2") as unknown as { cases: unknown[] };
    bundle.cases.push({ category: "mass" });
    const [finding] = findingsOf(validateApplication(bundle), "CASE_INVALID");
    expect(finding.caseIds).toEqual(["cases[150]"]);
  });

  it("an unknown category, a null and a number are each CASE_INVALID", () => {
    const bundle = makeBundle("level2") as unknown as { cases: unknown[] };
    bundle.cases.push({ ...(bundle.cases[0] as object), id: "x1", category: "brain" }, null, 42);
    expect(findingsOf(validateApplication(bundle), "CASE_INVALID").map((f) => f.caseIds)).toEqual([
      ["cases[151]"],
      ["cases[152]"],
      ["x1"],
    ]);
  });

  it("a CME entry ending before it starts is CME_ENTRY_INVALID", () => {
    const bundle = makeBundle("level2");
    bundle.cme[0].endDate = "2025-04-01";
    const report = validateApplication(bundle);
    expect(findingsOf(report, "CME_ENTRY_INVALID")).toMatchObject([{ cmeIds: ["cme-eurocmr"] }]);
    expect(report.summary.cmeCredits).toBe(10);
  });

  it("a training period with no hours is TRAINING_PERIOD_INVALID", () => {
    const bundle = makeBundle("level2");
    bundle.training[0].hoursPerWeek = 0;
    expect(codesOf(validateApplication(bundle))).toEqual(["TRAINING_PERIOD_INVALID", "TRAINING_TOO_SHORT"]);
  });

  it("unknown extra fields are ignored", () => {
    const bundle = { ...makeBundle("level2"), comment: "hello" } as unknown as { cases: object[] };
    bundle.cases[0] = { ...bundle.cases[0], colour: "blue" };
    expect(validateApplication(bundle).eligible).toBe(true);
  });
});

describe("an unusable bundle", () => {
  it.each([
    ["not an object", "hello", []],
    ["a wrong route", { ...makeBundle(), route: "level4" }, ["route"]],
    ["a bad asOf", { ...makeBundle(), asOf: "2026-13-01" }, ["asOf"]],
    ["cases that are not a list", { ...makeBundle(), cases: {} }, ["cases"]],
    ["a malformed supervisor", { ...makeBundle(), supervisors: [{ id: "s" }] }, ["supervisors", 0, "body"]],
  ])("throws BundleInvalidError with paths for %s", (_name, raw, path) => {
    expect(invalidIssues(raw)[0].path).toEqual(path);
  });
});
