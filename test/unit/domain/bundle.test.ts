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

describe("what a bad item and an unusable bundle say", () => {
  it("a case with an empty id is named by its place in the list, like one without an id", () => {
    const bundle = makeBundle("level2") as unknown as { cases: Record<string, unknown>[] };
    bundle.cases.push({ ...bundle.cases[0], id: "", category: "brain" });
    const [finding] = findingsOf(validateApplication(bundle), "CASE_INVALID");
    expect(finding.caseIds).toEqual(["cases[150]"]);
    expect(finding.message).toMatch(/^Case cases\[150\] is not valid and is not counted: /);
  });

  it("an item with several problems lists each, separated by semicolons", () => {
    const bundle = makeBundle("level2") as unknown as { cases: Record<string, unknown>[] };
    bundle.cases.push({ ...bundle.cases[0], id: "x1", category: "brain", normal: "no" });
    const [finding] = findingsOf(validateApplication(bundle), "CASE_INVALID");
    expect(finding.message).toBe(
      "Case x1 is not valid and is not counted: " +
        'category: Invalid option: expected one of "ischaemic"|"stress-perfusion"|"cardiomyopathy"|"valvular"|"congenital"|"aortic-vascular"|"pericardial"|"mass"|"other"; ' +
        "normal: Invalid input: expected boolean, received string",
    );
  });

  it("the error names itself and lists every problem of the envelope", () => {
    let caught: unknown;
    try {
      validateApplication({ ...makeBundle(), route: "level4", asOf: "2026-13-01" });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BundleInvalidError);
    const err = caught as BundleInvalidError;
    expect(err.code).toBe("BUNDLE_INVALID");
    expect(err.name).toBe("BundleInvalidError");
    expect(err.message).toBe(
      "the bundle is not usable: asOf: must be a real calendar date in the form YYYY-MM-DD; " +
        'route: Invalid option: expected one of "level2"|"level3-via-level2"|"level3-direct"',
    );
  });

  it("a training period may start and end on the same day, but not end the day before it starts", () => {
    const sameDay = makeBundle("level2");
    sameDay.training.push({ ...sameDay.training[0], id: "t-day", start: "2025-03-10", end: "2025-03-10" });
    expect(findingsOf(validateApplication(sameDay), "TRAINING_PERIOD_INVALID")).toEqual([]);

    const backwards = makeBundle("level2");
    backwards.training.push({ ...backwards.training[0], id: "t-back", start: "2025-03-10", end: "2025-03-09" });
    expect(findingsOf(validateApplication(backwards), "TRAINING_PERIOD_INVALID")).toMatchObject([
      {
        trainingIds: ["t-back"],
        message: "Training t-back is not valid and is not counted: end: end must not be before start",
      },
    ]);
  });
});
