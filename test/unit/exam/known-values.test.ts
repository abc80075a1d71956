// A small sitting worked out by hand: 6 candidates, 5 items, 2 Angoff judges,
// from the CSV files to the second scoring run. The arithmetic is written out
// beside each expectation.
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/platform/domain/policy.js";
import {
  analyseItems,
  compareRuns,
  importAngoffRatings,
  importAnswerKey,
  importFlaggedItems,
  importResponses,
  processRun,
  type ImportResult,
} from "../../../functions/src/exam/domain/index.js";

const exam = { ...DEFAULT_POLICY.exam, items: 5 };

function value<T>(result: ImportResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

// Key: I1 A, I2 B, I3 C, I4 D, I5 E.
const KEY_CSV = "item,key\nI1,A\nI2,B\nI3,C\nI4,D\nI5,E\n";

// Responses (✓ = the key):      I1  I2  I3  I4  I5   | total
//   c1                          A✓  B✓  C✓  A   B    | 3
//   c2                          A✓  B✓  C✓  B   B    | 3
//   c3                          A✓  B✓  D   C   -    | 2
//   c4                          A✓  C   E   D✓  A    | 2
//   c5                          B   D   A   D✓  C    | 1
//   c6                          C   A   -   E   E✓   | 1
// Item scores x (c1..c6): I1 111100, I2 111000, I3 110000, I4 000110, I5 000001.
const RESPONSES: Record<string, string[]> = {
  c1: ["A", "B", "C", "A", "B"],
  c2: ["A", "B", "C", "B", "B"],
  c3: ["A", "B", "D", "C", ""],
  c4: ["A", "C", "E", "D", "A"],
  c5: ["B", "D", "A", "D", "C"],
  c6: ["C", "A", "", "E", "E"],
};
const RESPONSES_CSV =
  "candidate,item,response\n" +
  Object.entries(RESPONSES)
    .flatMap(([c, answers]) => answers.map((a, i) => `${c},I${i + 1},${a}\n`))
    .join("");

// I2 was flagged by a candidate during the sitting.
const FLAGS_CSV = "item,reason\nI2,candidate reported two correct options\n";

// Ratings:   I1   I2   I3   I4   I5  | all  | without I4
//   J1       0.8  0.6  0.5  0.4  0.3 | 2.6  | 2.2
//   J2       0.7  0.5  0.4  0.5  0.2 | 2.3  | 1.8
const RATINGS_CSV =
  "judge,item,rating\n" +
  "J1,I1,0.8\nJ1,I2,0.6\nJ1,I3,0.5\nJ1,I4,0.4\nJ1,I5,0.3\n" +
  "J2,I1,0.7\nJ2,I2,0.5\nJ2,I3,0.4\nJ2,I4,0.5\nJ2,I5,0.2\n";

// Imported before each test, not at collection: StrykerJS activates a mutant
// once the tests run, so values built at module level would escape it.
function importSitting() {
  const answerKey = value(importAnswerKey(KEY_CSV, exam));
  const responses = value(importResponses(RESPONSES_CSV, answerKey, exam));
  const flagged = value(importFlaggedItems(FLAGS_CSV, answerKey));
  const ratings = value(importAngoffRatings(RATINGS_CSV, answerKey));
  return { answerKey, responses, flagged, ratings };
}
type Sitting = ReturnType<typeof importSitting>;
let answerKey: Sitting["answerKey"];
let responses: Sitting["responses"];
let flagged: Sitting["flagged"];
let ratings: Sitting["ratings"];
beforeEach(() => {
  ({ answerKey, responses, flagged, ratings } = importSitting());
});

describe("a hand-computed sitting", () => {
  let analysis: ReturnType<typeof analyseItems>;
  beforeEach(() => {
    analysis = analyseItems({
      responses,
      key: answerKey.key,
      retained: answerKey.items,
      flagged: new Set(flagged.map((f) => f.item)),
      exam,
    });
  });
  const stats = (item: string) => analysis.items.find((s) => s.item === item)!;

  it("imports every file", () => {
    expect(responses.candidates).toEqual(["c1", "c2", "c3", "c4", "c5", "c6"]);
    expect(responses.answers[2]).toEqual(["A", "B", "D", "C", null]);
    expect(ratings.judges).toEqual(["J1", "J2"]);
  });

  it("difficulty is the proportion correct", () => {
    // I1 4/6, I2 3/6, I3 2/6, I4 2/6, I5 1/6
    expect(analysis.items.map((s) => s.difficulty)).toEqual([4 / 6, 3 / 6, 2 / 6, 2 / 6, 1 / 6]);
  });

  it("discrimination is the point-biserial with the rest score", () => {
    // r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)), y = total − x, n = 6
    // I1: x 111100, y 221111: Σx 4, Σy 8, Σxy 6, Σy² 12 → (36 − 32) / √((24 − 16)(72 − 64)) = 4/8 = 0.5
    expect(stats("I1").discrimination).toBeCloseTo(0.5, 12);
    // I2: x 111000, y 221211: Σx 3, Σy 9, Σxy 5, Σy² 15 → (30 − 27) / √((18 − 9)(90 − 81)) = 3/9
    expect(stats("I2").discrimination).toBeCloseTo(1 / 3, 12);
    // I3: x 110000, y 222211: Σx 2, Σy 10, Σxy 4, Σy² 18 → (24 − 20) / √((12 − 4)(108 − 100)) = 4/8
    expect(stats("I3").discrimination).toBeCloseTo(0.5, 12);
    // I4: x 000110, y 332101: Σx 2, Σy 10, Σxy 1, Σy² 24 → (6 − 20) / √(8 · 44) = −14/√352 = −0.746203
    expect(stats("I4").discrimination).toBeCloseTo(-14 / Math.sqrt(352), 12);
    expect(stats("I4").discrimination).toBeCloseTo(-0.746203, 6);
    // I5: x 000001, y 332210: Σx 1, Σy 11, Σxy 0, Σy² 27 → (0 − 11) / √((6 − 1)(162 − 121)) = −11/√205
    expect(stats("I5").discrimination).toBeCloseTo(-11 / Math.sqrt(205), 12);
  });

  it("KR-20 and SEM of the whole test", () => {
    // totals 3,3,2,2,1,1: mean 12/6 = 2; variance (population) = 28/6 − 2² = 2/3; sd = √(2/3) = 0.816497
    expect(analysis.test.mean).toBe(2);
    expect(analysis.test.sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
    // Σpq = (8 + 9 + 8 + 8 + 5)/36 = 38/36 (p = 4/6, 3/6, 2/6, 2/6, 1/6)
    // KR-20 = 5/4 · (1 − (38/36)/(2/3)) = 5/4 · (1 − 38/24) = −70/96 = −0.729167 (bad items on purpose: not clamped)
    expect(analysis.test.kr20).toBeCloseTo(-70 / 96, 12);
    // SEM = sd · √(1 − KR-20) = 0.816497 · √(166/96) = 1.073675
    expect(analysis.test.sem).toBeCloseTo(Math.sqrt(2 / 3) * Math.sqrt(166 / 96), 12);
    expect(analysis.test.sem).toBeCloseTo(1.073675, 6);
  });

  it("counts options by upper and lower groups and flags a possible miskey", () => {
    // 27 % of 6 = 1.62 → groups of 2: upper c1, c2 (3 each), lower c5, c6 (1 each)
    expect(analysis.test.groupSize).toBe(2);
    // I5 (key E): upper chose B, B; lower C, E → B beats the key among the strong
    expect(stats("I5").options.upper).toEqual({ A: 0, B: 2, C: 0, D: 0, E: 0, blank: 0 });
    expect(stats("I5").options.lower).toEqual({ A: 0, B: 0, C: 1, D: 0, E: 1, blank: 0 });
    expect(stats("I5").options.all).toEqual({ A: 1, B: 2, C: 1, D: 0, E: 1, blank: 1 });
    expect(stats("I5").possibleMiskey).toEqual(["B"]);
    // I4 (key D): upper chose A, B, nobody D
    expect(stats("I4").possibleMiskey).toEqual(["A", "B"]);
    expect(stats("I1").possibleMiskey).toEqual([]);
  });

  it("recommends by the policy's thresholds", () => {
    expect(analysis.items.map((s) => [s.item, s.recommendation, s.reasons])).toEqual([
      ["I1", "keep", []],
      ["I2", "review", ["FLAGGED_DURING_ADMINISTRATION"]],
      ["I3", "keep", []], // p = 0.333 ≥ 0.30, r = 0.5
      ["I4", "remove", ["DISCRIMINATION_BELOW_REMOVAL", "POSSIBLE_MISKEY"]],
      ["I5", "remove", ["DIFFICULTY_BELOW_BOUND", "DISCRIMINATION_BELOW_REMOVAL", "POSSIBLE_MISKEY"]],
    ]);
  });

  it("run 1 (raw) and run 2 (I4 removed, I5 re-keyed B): scores, pass marks, what changed", () => {
    const first = processRun([], { answerKey, responses, flagged, ratings, decisions: [], exam });
    if (!first.ok) throw new Error(first.errors.join("; "));
    // Run 1: scores 3,3,2,2,1,1; Angoff (2.6 + 2.3)/2 = 2.45 → pass score 3 → c1, c2 pass
    expect(first.run.outcomes.map((o) => o.score)).toEqual([3, 3, 2, 2, 1, 1]);
    expect(first.run.passMark).toEqual({
      method: "modified-angoff",
      retainedItems: 5,
      judges: [
        { judge: "J1", sum: 2.6 },
        { judge: "J2", sum: 2.3 },
      ],
      passMark: 2.45,
      passScore: 3,
    });
    expect(first.run.summary).toEqual({ candidates: 6, passed: 2, failed: 4 });

    const second = processRun(first.history, {
      answerKey,
      responses,
      flagged,
      ratings,
      decisions: [
        { item: "I4", action: "remove", reason: "negative discrimination; two defensible answers" },
        { item: "I5", action: "correct-key", key: "B", reason: "the key was entered wrongly: B is correct" },
      ],
      exam,
    });
    if (!second.ok) throw new Error(second.errors.join("; "));
    expect(second.history.map((r) => r.number)).toEqual([1, 2]);
    expect(second.history[0]).toBe(first.run);
    // Key I1 A, I2 B, I3 C, I5 B: c1 ABCB 4, c2 ABCB 4, c3 AB D - 2, c4 A C E A 1, c5 0, c6 0
    expect(second.run.outcomes.map((o) => o.score)).toEqual([4, 4, 2, 1, 0, 0]);
    expect(second.run.outcomes.every((o) => o.outOf === 4)).toBe(true);
    // Angoff without I4: J1 0.8+0.6+0.5+0.3 = 2.2 (2.1999999999999997 in binary), J2 0.7+0.5+0.4+0.2 = 1.8;
    // (2.2 + 1.8)/2 = 2.0 → pass score 2 (not 3: sums are rounded to 6 decimals first)
    expect(second.run.passMark).toMatchObject({ passMark: 2, passScore: 2, retainedItems: 4 });
    expect(second.run.summary).toEqual({ candidates: 6, passed: 3, failed: 3 });

    expect(compareRuns(first.run, second.run)).toEqual({
      from: 1,
      to: 2,
      itemsRemoved: ["I4"],
      itemsRestored: [],
      keyChanges: [{ item: "I5", from: "E", to: "B" }],
      passMark: { from: 2.45, to: 2, passScoreFrom: 3, passScoreTo: 2 },
      scoreChanges: [
        { candidate: "c1", from: 3, to: 4 },
        { candidate: "c2", from: 3, to: 4 },
        { candidate: "c4", from: 2, to: 1 },
        { candidate: "c5", from: 1, to: 0 },
        { candidate: "c6", from: 1, to: 0 },
      ],
      outcomeChanges: [{ candidate: "c3", from: false, to: true }],
    });
  });

  it("a fixed percentage of the retained items where the policy says so", () => {
    const fixed = { ...exam, passMark: { method: "fixed-percentage" as const, percent: 60 } };
    const run = processRun([], {
      answerKey,
      responses,
      flagged,
      decisions: [{ item: "I4", action: "remove", reason: "negative" }],
      exam: fixed,
    });
    if (!run.ok) throw new Error(run.errors.join("; "));
    // 60 % of 4 retained items = 2.4 → pass score 3
    expect(run.run.passMark).toEqual({
      method: "fixed-percentage",
      retainedItems: 4,
      percent: 60,
      passMark: 2.4,
      passScore: 3,
    });
  });
});
