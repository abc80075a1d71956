import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/platform/domain/policy.js";
import {
  applyDecisions,
  processRun,
  setPassMark,
  type AngoffRatings,
  type AnswerKey,
} from "../../../functions/src/exam/domain/index.js";

const exam = { ...DEFAULT_POLICY.exam, items: 3 };
const answerKey: AnswerKey = { items: ["Q1", "Q2", "Q3"], key: { Q1: "A", Q2: "B", Q3: "C" } };

function refused(decisions: unknown[]) {
  const result = applyDecisions(answerKey, decisions, exam);
  if (result.ok) throw new Error("expected the decisions to be refused");
  return result.errors;
}

describe("applyDecisions", () => {
  it("removes items and corrects keys, keeping the key order and the reasons", () => {
    const result = applyDecisions(
      answerKey,
      [
        { item: "Q3", action: "correct-key", key: "D", reason: "key typo" },
        { item: "Q1", action: "remove", reason: "two correct answers" },
      ],
      exam,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        decisions: [
          { item: "Q3", action: "correct-key", key: "D", reason: "key typo" },
          { item: "Q1", action: "remove", reason: "two correct answers" },
        ],
        retained: ["Q2", "Q3"],
        removed: [{ item: "Q1", reason: "two correct answers" }],
        corrections: [{ item: "Q3", from: "C", to: "D", reason: "key typo" }],
        key: { Q2: "B", Q3: "D" },
      },
    });
  });

  it("needs a reason for every decision", () => {
    expect(refused([{ item: "Q1", action: "remove", reason: "  " }])).toEqual([
      "decision 1: reason: a reason is required",
    ]);
    expect(refused([{ item: "Q1", action: "remove" }])[0]).toMatch(/^decision 1: reason:/);
  });

  it("refuses an unknown item or action, two decisions on one item, a bad or unchanged key", () => {
    expect(refused([{ item: "Q9", action: "remove", reason: "x" }])).toEqual([
      "decision 1: item Q9 is not in the answer key",
    ]);
    // names every object has are not items either
    for (const item of ["constructor", "toString", "__proto__"]) {
      expect(refused([{ item, action: "remove", reason: "x" }])).toEqual([
        `decision 1: item ${item} is not in the answer key`,
      ]);
    }
    expect(refused([{ item: "Q1", action: "ignore", reason: "x" }])[0]).toMatch(/^decision 1: action/);
    expect(
      refused([
        { item: "Q1", action: "remove", reason: "x" },
        { item: "Q1", action: "correct-key", key: "B", reason: "y" },
      ]),
    ).toEqual(["decision 2: item Q1 already has a decision"]);
    expect(refused([{ item: "Q1", action: "correct-key", key: "F", reason: "x" }])).toEqual([
      "decision 1: key F is not one of A, B, C, D, E",
    ]);
    expect(refused([{ item: "Q1", action: "correct-key", key: "A", reason: "x" }])).toEqual([
      "decision 1: item Q1 is already keyed A",
    ]);
  });

  it("refuses removing every item, and accepts removing all but one", () => {
    const remove = (item: string) => ({ item, action: "remove", reason: "x" });
    expect(refused(["Q1", "Q2", "Q3"].map(remove))).toEqual(["every item is removed: nothing left to score"]);
    const result = applyDecisions(answerKey, ["Q1", "Q2"].map(remove), exam);
    expect(result.ok && result.value.retained).toEqual(["Q3"]);
  });
});

describe("setPassMark", () => {
  const ratings: AngoffRatings = {
    items: ["Q1", "Q2", "Q3"],
    judges: ["J1", "J2", "J3"],
    ratings: [
      [0.5, 0.6, 0.7],
      [0.4, 0.5, 0.6],
      [0.6, 0.7, 0.8],
    ],
  };

  it("modified Angoff: the mean of the judges' sums over the retained items", () => {
    // J1 0.6 + 0.7 = 1.3, J2 0.5 + 0.6 = 1.1, J3 0.7 + 0.8 = 1.5 → (1.3 + 1.1 + 1.5)/3 = 1.3 → pass score 2
    const result = setPassMark({ exam, retained: ["Q2", "Q3"], ratings });
    expect(result).toEqual({
      ok: true,
      value: {
        method: "modified-angoff",
        retainedItems: 2,
        judges: [
          { judge: "J1", sum: 1.3 },
          { judge: "J2", sum: 1.1 },
          { judge: "J3", sum: 1.5 },
        ],
        passMark: 1.3,
        passScore: 2,
      },
    });
  });

  it("a whole-number pass mark is its own pass score", () => {
    const whole: AngoffRatings = {
      items: ["Q1", "Q2"],
      judges: ["J1", "J2"],
      ratings: [
        [0.7, 0.3],
        [0.9, 0.1],
      ],
    };
    const result = setPassMark({ exam, retained: ["Q1", "Q2"], ratings: whole });
    expect(result.ok && [result.value.passMark, result.value.passScore]).toEqual([1, 1]);
  });

  it("refuses Angoff without ratings, or without ratings for a retained item", () => {
    expect(setPassMark({ exam, retained: ["Q1"] })).toEqual({
      ok: false,
      errors: ["the policy's method is modified Angoff: import the judges' ratings first"],
    });
    expect(setPassMark({ exam, retained: ["Q1", "Q4"], ratings })).toEqual({
      ok: false,
      errors: ["no Angoff ratings for item(s) Q4"],
    });
  });

  it("a fixed percentage needs no ratings", () => {
    const fixed = { ...exam, passMark: { method: "fixed-percentage" as const, percent: 50 } };
    expect(setPassMark({ exam: fixed, retained: ["Q1", "Q2", "Q3"] })).toEqual({
      ok: true,
      value: { method: "fixed-percentage", retainedItems: 3, percent: 50, passMark: 1.5, passScore: 2 },
    });
  });

  it("a run is refused, and the history kept as it was, when the pass mark cannot be set", () => {
    const responses = { items: answerKey.items, candidates: ["u1"], answers: [["A", "B", "C"]] };
    const run = processRun([], { answerKey, responses, flagged: [], decisions: [], exam });
    expect(run).toEqual({
      ok: false,
      errors: ["the policy's method is modified Angoff: import the judges' ratings first"],
    });
  });
});
