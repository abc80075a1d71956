import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/platform/domain/policy.js";
import {
  applyDecisions,
  compareRuns,
  decideOutcomes,
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

describe("applyDecisions: every refusal at once, numbered", () => {
  it("lists every bad decision with its number, and parses each one's fields", () => {
    expect(
      refused([
        { item: "Q1", action: "correct-key", reason: "x" },
        { item: "", action: "remove", reason: "x" },
        { item: "Q2", action: "remove", reason: "x".repeat(2001) },
        "remove Q3",
        { item: "Q9", action: "remove", reason: "x" },
        { item: "Q2", action: "correct-key", key: "Z", reason: "x" },
        { item: "Q3", action: "correct-key", key: "C", reason: "x" },
      ]),
    ).toEqual([
      "decision 1: key: Invalid input: expected string, received undefined",
      "decision 2: item: Too small: expected string to have >=1 characters",
      "decision 3: reason: Too big: expected string to have <=2000 characters",
      "decision 4: Invalid input: expected object, received string",
      "decision 5: item Q9 is not in the answer key",
      "decision 6: key Z is not one of A, B, C, D, E",
      "decision 7: item Q3 is already keyed C",
    ]);
  });

  it("a reason of 2000 characters is accepted and kept as given (trimmed)", () => {
    const reason = "r".repeat(2000);
    const result = applyDecisions(answerKey, [{ item: "Q2", action: "remove", reason: `  ${reason} ` }], exam);
    expect(result.ok && result.value.removed).toEqual([{ item: "Q2", reason }]);
  });

  it("with another refusal, removing every item is not reported on top", () => {
    const remove = (item: string) => ({ item, action: "remove", reason: "x" });
    expect(refused(["Q1", "Q2", "Q3", "Q4"].map(remove))).toEqual(["decision 4: item Q4 is not in the answer key"]);
  });

  it("a correction keeps the other keys and is listed with the key it replaces", () => {
    const result = applyDecisions(answerKey, [{ item: "Q2", action: "correct-key", key: "E", reason: "typo" }], exam);
    expect(result).toEqual({
      ok: true,
      value: {
        decisions: [{ item: "Q2", action: "correct-key", key: "E", reason: "typo" }],
        retained: ["Q1", "Q2", "Q3"],
        removed: [],
        corrections: [{ item: "Q2", from: "B", to: "E", reason: "typo" }],
        key: { Q1: "A", Q2: "E", Q3: "C" },
      },
    });
  });
});

describe("setPassMark: the edges", () => {
  it("no retained item: no pass mark, whatever the method", () => {
    const fixed = { ...exam, passMark: { method: "fixed-percentage" as const, percent: 50 } };
    expect(setPassMark({ exam, retained: [] })).toEqual({ ok: false, errors: ["no retained items"] });
    expect(setPassMark({ exam: fixed, retained: [] })).toEqual({ ok: false, errors: ["no retained items"] });
  });

  it("ratings without any judge are no ratings; every unrated item is named", () => {
    expect(setPassMark({ exam, retained: ["Q1"], ratings: { items: ["Q1"], judges: [], ratings: [] } })).toEqual({
      ok: false,
      errors: ["the policy's method is modified Angoff: import the judges' ratings first"],
    });
    const ratings: AngoffRatings = { items: ["Q1"], judges: ["J1"], ratings: [[0.5]] };
    expect(setPassMark({ exam, retained: ["Q4", "Q1", "Q5"], ratings })).toEqual({
      ok: false,
      errors: ["no Angoff ratings for item(s) Q4, Q5"],
    });
  });

  it("a fixed 7 % of 100 items is 7 points, not 8 (0.07 × 100 is 7.000000000000001 in binary)", () => {
    const items = Array.from({ length: 100 }, (_, i) => `Q${i + 1}`);
    const fixed = { ...exam, items: 100, passMark: { method: "fixed-percentage" as const, percent: 7 } };
    expect(setPassMark({ exam: fixed, retained: items })).toEqual({
      ok: true,
      value: { method: "fixed-percentage", retainedItems: 100, percent: 7, passMark: 7, passScore: 7 },
    });
  });
});

describe("decideOutcomes", () => {
  it("the pass score passes, one point less fails", () => {
    const mark = setPassMark({
      exam,
      retained: ["Q1", "Q2", "Q3"],
      ratings: {
        items: ["Q1", "Q2", "Q3"],
        judges: ["J1"],
        ratings: [[0.9, 0.6, 0.5]],
      },
    });
    if (!mark.ok) throw new Error(mark.errors.join("; "));
    // 0.9 + 0.6 + 0.5 = 2 → pass score 2
    expect(mark.value.passScore).toBe(2);
    expect(
      decideOutcomes(
        [
          { candidate: "u1", score: 2, outOf: 3 },
          { candidate: "u2", score: 1, outOf: 3 },
          { candidate: "u3", score: 3, outOf: 3 },
        ],
        mark.value,
      ),
    ).toEqual([
      { candidate: "u1", score: 2, outOf: 3, passed: true },
      { candidate: "u2", score: 1, outOf: 3, passed: false },
      { candidate: "u3", score: 3, outOf: 3, passed: true },
    ]);
  });
});

describe("runs and what changed between them", () => {
  const ratings: AngoffRatings = {
    items: ["Q1", "Q2", "Q3"],
    judges: ["J1"],
    ratings: [[0.5, 0.5, 0.5]],
  };
  // u1 ABC (3), u2 ABE (2), u3 AEE (1)
  const responses = () => ({
    items: ["Q1", "Q2", "Q3"],
    candidates: ["u1", "u2", "u3"],
    answers: [
      ["A", "B", "C"],
      ["A", "B", "E"],
      ["A", "E", "E"],
    ],
  });
  const run = (history: Parameters<typeof processRun>[0], decisions: unknown[], r = responses()) => {
    const result = processRun(history, { answerKey, responses: r, flagged: [], ratings, decisions, exam });
    if (!result.ok) throw new Error(result.errors.join("; "));
    return result;
  };

  it("numbers runs and counts passes and fails", () => {
    // pass mark 1.5 → pass score 2: u1 and u2 pass
    const first = run([], []);
    expect(first.run.number).toBe(1);
    expect(first.run.summary).toEqual({ candidates: 3, passed: 2, failed: 1 });
    const second = run(first.history, [{ item: "Q3", action: "remove", reason: "x" }]);
    // 2 items, pass mark 1 → pass score 1: all pass (u1 2, u2 2, u3 1)
    expect(second.run.number).toBe(2);
    expect(second.run.summary).toEqual({ candidates: 3, passed: 3, failed: 0 });
    expect(first.history).toHaveLength(1);
  });

  it("an item removed, then restored with another key: restored, not a key change", () => {
    const first = run([], [{ item: "Q3", action: "remove", reason: "x" }]);
    const second = run(first.history, [{ item: "Q3", action: "correct-key", key: "E", reason: "y" }]);
    const changes = compareRuns(first.run, second.run);
    expect(changes.itemsRemoved).toEqual([]);
    expect(changes.itemsRestored).toEqual(["Q3"]);
    expect(changes.keyChanges).toEqual([]);
    expect(compareRuns(second.run, first.run)).toMatchObject({
      from: 2,
      to: 1,
      itemsRemoved: ["Q3"],
      itemsRestored: [],
    });
  });

  it("a candidate only in the later run has no change listed", () => {
    const first = run([], []);
    const more = responses();
    more.candidates.push("u4");
    more.answers.push(["E", "E", "E"]);
    const second = run(first.history, [], more);
    expect(compareRuns(first.run, second.run)).toMatchObject({ scoreChanges: [], outcomeChanges: [] });
  });
});

describe("processRun: refusals and flags", () => {
  it("refused decisions refuse the run; flagged items are reviewed in the run's analysis", () => {
    const responses = {
      items: answerKey.items,
      candidates: ["u1", "u2"],
      answers: [
        ["A", "B", "C"],
        ["A", "E", "E"],
      ],
    };
    const ratings: AngoffRatings = { items: answerKey.items, judges: ["J1"], ratings: [[0.5, 0.5, 0.5]] };
    const input = { answerKey, responses, ratings, exam, flagged: [{ item: "Q1", reason: "typo" }] };
    expect(processRun([], { ...input, decisions: [{ item: "Q9", action: "remove", reason: "x" }] })).toEqual({
      ok: false,
      errors: ["decision 1: item Q9 is not in the answer key"],
    });
    const run = processRun([], { ...input, decisions: [] });
    if (!run.ok) throw new Error(run.errors.join("; "));
    expect(run.run.analysis.items[0].reasons).toContain("FLAGGED_DURING_ADMINISTRATION");
    expect(run.run.analysis.items[1].reasons).not.toContain("FLAGGED_DURING_ADMINISTRATION");
  });
});
