import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, resolvePolicy } from "../../../functions/src/platform/domain/policy.js";

describe("the exam section of the policy", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_POLICY.exam).toEqual({
      items: 100,
      options: ["A", "B", "C", "D", "E"],
      registration: { opensMonthsBefore: 3, closesDaysBefore: 14 },
      startWindow: { from: "11:00", to: "14:00" },
      analysis: {
        groupFraction: 0.27,
        difficulty: { reviewBelow: 0.3, reviewAbove: 0.9 },
        discrimination: { reviewBelow: 0.2, removeBelow: 0 },
      },
      passMark: { method: "modified-angoff" },
    });
    expect(DEFAULT_POLICY.committeeDeadlines.examResultsWeeks).toBe(8);
  });

  it("a board can switch to a fixed percentage, keeping everything else", () => {
    const merged = resolvePolicy({ exam: { passMark: { method: "fixed-percentage", percent: 65 } } });
    expect(merged.success).toBe(true);
    if (!merged.success) return;
    expect(merged.data.exam.passMark).toEqual({ method: "fixed-percentage", percent: 65 });
    expect(merged.data.exam.items).toBe(100);
  });

  it("refuses inconsistent exam settings", () => {
    const refused = [
      { passMark: { method: "fixed-percentage" } },
      { passMark: { method: "fixed-percentage", percent: 0 } },
      { passMark: { method: "borderline-regression" } },
      { options: ["A", "B", "A"] },
      { options: ["a", "b"] },
      { startWindow: { from: "14:00", to: "11:00" } },
      { startWindow: { from: "11:00", to: "11:00" } },
      { startWindow: { from: "25:00", to: "26:00" } },
      { analysis: { difficulty: { reviewBelow: 0.9, reviewAbove: 0.3 } } },
      { analysis: { difficulty: { reviewBelow: 0.5, reviewAbove: 0.5 } } },
      { analysis: { discrimination: { reviewBelow: 0.1, removeBelow: 0.2 } } },
      { analysis: { groupFraction: 0.6 } },
      { registration: { opensMonthsBefore: -1 } },
    ];
    for (const exam of refused) expect(resolvePolicy({ exam }).success, JSON.stringify(exam)).toBe(false);
  });

  it("accepts the edges of the consistency checks (twins of the refusals above)", () => {
    const accepted = [
      { startWindow: { from: "11:00", to: "11:01" } },
      { analysis: { difficulty: { reviewBelow: 0.5, reviewAbove: 0.51 } } },
      { analysis: { discrimination: { reviewBelow: 0.2, removeBelow: 0.2 } } },
    ];
    for (const exam of accepted) expect(resolvePolicy({ exam }).success, JSON.stringify(exam)).toBe(true);
  });
});
