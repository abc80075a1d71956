// Invariants of the statistics and of re-scoring over random sittings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/platform/domain/policy.js";
import {
  analyseItems,
  applyDecisions,
  rawScores,
  scoreCandidates,
  type AnswerKey,
  type ExamPolicy,
  type ResponseMatrix,
} from "../../../functions/src/exam/domain/index.js";

const OPTIONS = ["A", "B", "C", "D", "E"];
const option = fc.constantFrom(...OPTIONS);

/** A random sitting: 2–40 candidates, 2–12 items, blanks allowed. */
const sitting = fc
  .record({ n: fc.integer({ min: 2, max: 40 }), k: fc.integer({ min: 2, max: 12 }) })
  .chain(({ n, k }) =>
    fc.record({
      keys: fc.array(option, { minLength: k, maxLength: k }),
      answers: fc.array(fc.array(fc.option(option, { nil: null, freq: 6 }), { minLength: k, maxLength: k }), {
        minLength: n,
        maxLength: n,
      }),
    }),
  )
  .map(({ keys, answers }): Sitting => {
    const items = keys.map((_, i) => `Q${i + 1}`);
    const answerKey: AnswerKey = { items, key: Object.fromEntries(items.map((item, i) => [item, keys[i]])) };
    const responses: ResponseMatrix = { items, candidates: answers.map((_, c) => `c${c + 1}`), answers };
    return { answerKey, responses, exam: { ...DEFAULT_POLICY.exam, items: items.length } };
  });

interface Sitting {
  answerKey: AnswerKey;
  responses: ResponseMatrix;
  exam: ExamPolicy;
}

function analyse({ answerKey, responses, exam }: Sitting) {
  return analyseItems({ responses, key: answerKey.key, retained: answerKey.items, flagged: new Set(), exam });
}

describe("item analysis, for any sitting", () => {
  it("difficulty is in [0, 1], discrimination in [−1, 1], KR-20 ≤ 1, SEM ≥ 0, counts add up", () => {
    fc.assert(
      fc.property(sitting, (s) => {
        const { test, items } = analyse(s);
        for (const stats of items) {
          expect(stats.difficulty).toBeGreaterThanOrEqual(0);
          expect(stats.difficulty).toBeLessThanOrEqual(1);
          if (stats.discrimination !== null) expect(Math.abs(stats.discrimination)).toBeLessThanOrEqual(1 + 1e-12);
          const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
          expect(sum(stats.options.all)).toBe(test.candidates);
          expect(sum(stats.options.upper)).toBe(test.groupSize);
          expect(sum(stats.options.lower)).toBe(test.groupSize);
        }
        expect(2 * test.groupSize).toBeLessThanOrEqual(test.candidates);
        // KR-20 ≤ 1 holds exactly (var(sum) ≤ k·Σ var(items)); 1e-12 allows for floating point.
        if (test.kr20 !== null) expect(test.kr20).toBeLessThanOrEqual(1 + 1e-12);
        if (test.sem !== null) expect(test.sem).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("does not depend on the order of the candidates", () => {
    fc.assert(
      fc.property(sitting, fc.infiniteStream(fc.nat()), (s, stream) => {
        const order = s.responses.candidates.map((_, c) => c);
        const shuffle = [...stream.take(order.length)];
        order.sort((a, b) => shuffle[a] - shuffle[b] || a - b);
        const permuted = {
          ...s,
          responses: {
            ...s.responses,
            candidates: order.map((c) => s.responses.candidates[c]),
            answers: order.map((c) => s.responses.answers[c]),
          },
        };
        const a = analyse(s);
        const b = analyse(permuted);
        expect(b.items.map((i) => [i.difficulty, i.options])).toEqual(a.items.map((i) => [i.difficulty, i.options]));
        b.items.forEach((item, j) => {
          if (item.discrimination === null) expect(a.items[j].discrimination).toBeNull();
          else expect(item.discrimination).toBeCloseTo(a.items[j].discrimination!, 9);
        });
      }),
    );
  });

  it("a perfectly discriminating item has a point-biserial near 1", () => {
    // Strong candidates have rest scores in [k − 2, k], weak ones in [0, 2];
    // the item is right exactly for the strong ones.
    const k = 30;
    const group = (strong: boolean) =>
      fc.integer({ min: 0, max: 2 }).map((misses) => {
        const rest = strong ? k - misses : misses;
        return Array.from({ length: k }, (_, i) => (i < rest ? "A" : "B"));
      });
    fc.assert(
      fc.property(
        fc.array(group(true), { minLength: 1, maxLength: 40 }),
        fc.array(group(false), { minLength: 1, maxLength: 40 }),
        (strong, weak) => {
          const items = ["T", ...Array.from({ length: k }, (_, i) => `R${i}`)];
          const answers = [...strong.map((r) => ["A", ...r]), ...weak.map((r) => ["C", ...r])];
          const responses = { items, candidates: answers.map((_, c) => `c${c}`), answers };
          const key = Object.fromEntries(items.map((item) => [item, "A"]));
          const { items: stats } = analyseItems({
            responses,
            key,
            retained: items,
            flagged: new Set(),
            exam: DEFAULT_POLICY.exam,
          });
          expect(stats[0].discrimination).toBeGreaterThan(0.95);
          expect(stats[0].discrimination).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });

  it("is exactly 1 when the rest scores take two values", () => {
    const responses = {
      items: ["T", "R1", "R2"],
      candidates: ["a", "b", "c", "d"],
      answers: [
        ["A", "A", "A"],
        ["A", "A", "A"],
        ["B", "B", "B"],
        ["C", "B", "B"],
      ],
    };
    const key = { T: "A", R1: "A", R2: "A" };
    const { items } = analyseItems({
      responses,
      key,
      retained: responses.items,
      flagged: new Set(),
      exam: DEFAULT_POLICY.exam,
    });
    expect(items[0].discrimination).toBeCloseTo(1, 12);
    // an item nobody gets right has no variance: no discrimination, reviewed
    const none = analyseItems({
      responses,
      key: { ...key, T: "E" },
      retained: responses.items,
      flagged: new Set(),
      exam: DEFAULT_POLICY.exam,
    });
    expect(none.items[0].discrimination).toBeNull();
    expect(none.items[0].reasons).toContain("DISCRIMINATION_UNDEFINED");
  });
});

describe("re-scoring, for any sitting", () => {
  it("without decisions reproduces the raw scores", () => {
    fc.assert(
      fc.property(sitting, ({ answerKey, responses, exam }) => {
        const applied = applyDecisions(answerKey, [], exam);
        if (!applied.ok) throw new Error(applied.errors.join("; "));
        expect(scoreCandidates(responses, applied.value)).toEqual(rawScores(responses, answerKey));
      }),
    );
  });

  it("removing an item takes off exactly the point of those who got it right", () => {
    fc.assert(
      fc.property(sitting, fc.nat(), ({ answerKey, responses, exam }, pick) => {
        const item = answerKey.items[pick % answerKey.items.length];
        const applied = applyDecisions(answerKey, [{ item, action: "remove", reason: "test" }], exam);
        if (!applied.ok) throw new Error(applied.errors.join("; "));
        const before = rawScores(responses, answerKey);
        const after = scoreCandidates(responses, applied.value);
        const col = responses.items.indexOf(item);
        after.forEach((s, c) => {
          const right = responses.answers[c][col] === answerKey.key[item] ? 1 : 0;
          expect(s.score).toBe(before[c].score - right);
          expect(s.outOf).toBe(answerKey.items.length - 1);
        });
      }),
    );
  });
});
