// Both sides of every threshold of the item analysis.
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/platform/domain/policy.js";
import { analyseItems, type ExamPolicy, type ResponseMatrix } from "../../../functions/src/exam/domain/index.js";

/** A sitting from 0/1 score columns: 1 answers "A" (the key), 0 answers "B". */
function sitting(columns: number[][]): ResponseMatrix {
  const items = columns.map((_, i) => `Q${i + 1}`);
  const n = columns[0].length;
  return {
    items,
    candidates: Array.from({ length: n }, (_, c) => `c${String(c).padStart(2, "0")}`),
    answers: Array.from({ length: n }, (_, c) => columns.map((col) => (col[c] ? "A" : "B"))),
  };
}

function analyse(responses: ResponseMatrix, exam: ExamPolicy = DEFAULT_POLICY.exam, flagged: string[] = []) {
  const key = Object.fromEntries(responses.items.map((item) => [item, "A"]));
  return analyseItems({ responses, key, retained: responses.items, flagged: new Set(flagged), exam });
}

const withAnalysis = (analysis: Partial<ExamPolicy["analysis"]>): ExamPolicy => ({
  ...DEFAULT_POLICY.exam,
  analysis: { ...DEFAULT_POLICY.exam.analysis, ...analysis },
});

describe("difficulty bounds", () => {
  // 10 candidates; Q1 right for 3 (p = 0.3), Q2 for 9 (p = 0.9), Q3 for 2 (p = 0.2),
  // Q4 for all 10 (p = 1); only the difficulty reasons are read here.
  const responses = sitting([
    [1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 0],
    [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  ]);
  const reasons = analyse(responses).items.map((s) => s.reasons.filter((r) => r.startsWith("DIFFICULTY")));

  it("p = 0.30 and p = 0.90 are inside the bounds; 0.20 is below and 1.0 above", () => {
    expect(reasons).toEqual([[], [], ["DIFFICULTY_BELOW_BOUND"], ["DIFFICULTY_ABOVE_BOUND"]]);
  });

  it("follows the policy's bounds", () => {
    const tight = withAnalysis({ difficulty: { reviewBelow: 0.31, reviewAbove: 0.89 } });
    expect(analyse(responses, tight).items.map((s) => s.reasons.filter((r) => r.startsWith("DIFFICULTY")))).toEqual([
      ["DIFFICULTY_BELOW_BOUND"],
      ["DIFFICULTY_ABOVE_BOUND"],
      ["DIFFICULTY_BELOW_BOUND"],
      ["DIFFICULTY_ABOVE_BOUND"],
    ]);
  });
});

describe("discrimination thresholds", () => {
  // Q1 has rest scores y = Q2 + Q3: candidates 1..4 → y = 1, 2, 1, 2 and x = 1, 1, 0, 0:
  // NΣxy − ΣxΣy = 4·3 − 2·6 = 0, so r = 0 exactly.
  const zero = sitting([
    [1, 1, 0, 0],
    [1, 1, 1, 1],
    [0, 1, 0, 1],
  ]);

  it("r = 0 is not below the removal limit 0: reviewed, not removed", () => {
    const [q1] = analyse(zero).items;
    expect(q1.discrimination).toBe(0);
    expect(q1.recommendation).toBe("review");
    expect(q1.reasons).toContain("DISCRIMINATION_BELOW_REVIEW");
    expect(q1.reasons).not.toContain("DISCRIMINATION_BELOW_REMOVAL");
  });

  it("r just below the removal limit is removed", () => {
    const [q1] = analyse(zero, withAnalysis({ discrimination: { reviewBelow: 0.2, removeBelow: 1e-9 } })).items;
    expect(q1.recommendation).toBe("remove");
    expect(q1.reasons).toContain("DISCRIMINATION_BELOW_REMOVAL");
  });

  it("r equal to the review limit is kept; just above the limit, reviewed", () => {
    // Q1: x 1100, rest y = 2,1,1,0 → r = (4·3 − 2·4)/√((8 − 4)(4·6 − 16)) = 4/√32 = 0.7071
    const responses = sitting([
      [1, 1, 0, 0],
      [1, 0, 1, 0],
      [1, 1, 0, 0],
    ]);
    const r = analyse(responses).items[0].discrimination!;
    expect(r).toBeCloseTo(4 / Math.sqrt(32), 12);
    const at = analyse(responses, withAnalysis({ discrimination: { reviewBelow: r, removeBelow: 0 } })).items[0];
    expect(at.reasons).not.toContain("DISCRIMINATION_BELOW_REVIEW");
    const above = analyse(responses, withAnalysis({ discrimination: { reviewBelow: r + 1e-9, removeBelow: 0 } }))
      .items[0];
    expect(above.reasons).toContain("DISCRIMINATION_BELOW_REVIEW");
    expect(above.recommendation).toBe("review");
  });
});

describe("groups and flags", () => {
  it("27 % of the candidates, rounded, at least 1 and never overlapping", () => {
    const size = (n: number) =>
      analyse(sitting([Array.from({ length: n }, (_, c) => c % 2), Array(n).fill(1)])).test.groupSize;
    expect([size(1), size(2), size(3), size(4), size(10), size(11), size(100)]).toEqual([0, 1, 1, 1, 3, 3, 27]);
  });

  it("ties at the group boundary are broken by candidate id", () => {
    // Totals 2, 1, 1, 1 for candidates d, c, b, a (in that input order); groups of 1.
    // Upper: d. Lower: the last of the tied a, b, c by id, so c (input order would give a).
    const responses = sitting([
      [1, 1, 1, 1],
      [1, 0, 0, 0],
    ]);
    const responsesWithOptions = {
      ...responses,
      candidates: ["d", "c", "b", "a"],
      answers: responses.answers.map((row, c) => [row[0], c === 1 ? "E" : row[1]]),
    };
    const [, q2] = analyse(responsesWithOptions).items;
    expect(q2.options.upper).toMatchObject({ A: 1 });
    expect(q2.options.lower).toMatchObject({ E: 1 });
  });

  it("an item flagged during administration is reviewed even when its statistics are good", () => {
    const responses = sitting([
      [1, 1, 1, 0, 0, 0],
      [1, 1, 0, 1, 0, 0],
      [1, 0, 1, 1, 0, 0],
    ]);
    expect(analyse(responses).items[0].recommendation).toBe("keep");
    const flagged = analyse(responses, DEFAULT_POLICY.exam, ["Q1"]).items[0];
    expect(flagged.recommendation).toBe("review");
    expect(flagged.reasons).toEqual(["FLAGGED_DURING_ADMINISTRATION"]);
  });
});

describe("the statistics' edges", () => {
  it("an empty sitting: no candidate, no groups, no statistics beyond zero", () => {
    const responses: ResponseMatrix = { items: ["Q1", "Q2"], candidates: [], answers: [] };
    const { test, items } = analyse(responses);
    expect(test).toEqual({ candidates: 0, items: 2, groupSize: 0, mean: 0, sd: 0, kr20: null, sem: null });
    expect(items[0]).toMatchObject({ difficulty: 0, discrimination: null, possibleMiskey: [] });
    expect(items[0].options.all).toEqual({ A: 0, B: 0, C: 0, D: 0, E: 0, blank: 0 });
  });

  it("KR-20 needs 2 items and varying totals; with them it is k/(k − 1) · (1 − Σpq/σ²)", () => {
    const one = analyse(sitting([[1, 1, 0, 0]])).test;
    expect([one.kr20, one.sem]).toEqual([null, null]);
    const flat = analyse(
      sitting([
        [1, 0],
        [0, 1],
      ]),
    ).test; // totals 1, 1: no variance
    expect([flat.sd, flat.kr20, flat.sem]).toEqual([0, null, null]);
    // Q1 1100, Q2 1100: totals 2, 2, 0, 0; mean 1, σ² = 1; Σpq = 0.25 + 0.25; KR-20 = 2 · (1 − 0.5) = 1; SEM 0
    const two = analyse(
      sitting([
        [1, 1, 0, 0],
        [1, 1, 0, 0],
      ]),
    ).test;
    expect(two).toMatchObject({ mean: 1, sd: 1, kr20: 1, sem: 0 });
    // Q1 1100, Q2 1010: totals 2, 1, 1, 0; σ² = 0.5; Σpq = 0.5; KR-20 = 2 · (1 − 1) = 0; SEM = √0.5
    const zero = analyse(
      sitting([
        [1, 1, 0, 0],
        [1, 0, 1, 0],
      ]),
    ).test;
    expect(zero.kr20).toBe(0);
    expect(zero.sem).toBeCloseTo(Math.sqrt(0.5), 12);
  });

  it("no discrimination when the rest scores do not vary, even if the item does", () => {
    // Q2 right for everyone: Q1's rest score is 1 for all
    const [q1, q2] = analyse(
      sitting([
        [1, 1, 0, 0],
        [1, 1, 1, 1],
      ]),
    ).items;
    expect(q1.discrimination).toBeNull();
    expect(q1.reasons).toEqual(["DISCRIMINATION_UNDEFINED"]);
    expect(q2.discrimination).toBeNull();
  });

  it("a distractor chosen as often as the key by the upper group is not a possible miskey; once more is", () => {
    // 8 candidates, groups of 2 (27 % of 8 = 2.16); the upper group is c00, c01 (ties broken by id)
    const responses = sitting([
      [1, 1, 1, 0, 1, 0, 1, 0],
      [1, 1, 0, 1, 0, 1, 0, 0],
    ]);
    const tie = { ...responses, answers: responses.answers.map((row, c) => (c === 1 ? ["C", row[1]] : row)) };
    const [tied] = analyse(tie).items;
    expect(tied.options.upper).toEqual({ A: 1, B: 0, C: 1, D: 0, E: 0, blank: 0 });
    expect(tied.possibleMiskey).toEqual([]);
    const more = {
      ...responses,
      answers: responses.answers.map((row, c) => (c === 0 || c === 1 ? ["C", row[1]] : row)),
    };
    const [beaten] = analyse(more).items;
    expect(beaten.options.upper).toEqual({ A: 0, B: 0, C: 2, D: 0, E: 0, blank: 0 });
    expect(beaten.possibleMiskey).toEqual(["C"]);
    expect(beaten.reasons).toContain("POSSIBLE_MISKEY");
  });

  it("blanks are counted apart, per group", () => {
    const responses = sitting([[1, 1, 0, 0]]);
    const withBlank = { ...responses, answers: responses.answers.map((row, c) => (c === 3 ? [null] : row)) };
    const [q1] = analyse(withBlank).items;
    expect(q1.options).toEqual({
      all: { A: 2, B: 1, C: 0, D: 0, E: 0, blank: 1 },
      upper: { A: 1, B: 0, C: 0, D: 0, E: 0, blank: 0 },
      lower: { A: 0, B: 0, C: 0, D: 0, E: 0, blank: 1 },
    });
  });
});

describe("difficulty bounds, computed in the test", () => {
  it("p exactly at a bound is inside it", () => {
    // 10 candidates: Q1 p = 0.3, Q2 p = 0.9 (the default bounds), Q3 varies the totals
    const responses = sitting([
      [1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 0],
      [1, 0, 1, 0, 1, 0, 1, 0, 1, 0],
    ]);
    const [q1, q2] = analyse(responses).items;
    expect([q1.difficulty, q2.difficulty]).toEqual([0.3, 0.9]);
    expect(q1.reasons.filter((r) => r.startsWith("DIFFICULTY"))).toEqual([]);
    expect(q2.reasons.filter((r) => r.startsWith("DIFFICULTY"))).toEqual([]);
  });
});
