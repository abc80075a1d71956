// Step 2: item analysis (classical test theory) on the retained items with the
// key in force. Per item: difficulty, corrected point-biserial, option choices
// of the upper and lower groups, a possible-miskey flag and a recommendation;
// for the test: mean, standard deviation, KR-20 and the standard error of
// measurement. Formulas and thresholds: docs/exam.md.
import type { ExamPolicy, ResponseMatrix } from "./import.js";

export type Recommendation = "keep" | "review" | "remove";

export type ItemReason =
  | "FLAGGED_DURING_ADMINISTRATION"
  | "DIFFICULTY_BELOW_BOUND"
  | "DIFFICULTY_ABOVE_BOUND"
  | "DISCRIMINATION_UNDEFINED"
  | "DISCRIMINATION_BELOW_REVIEW"
  | "DISCRIMINATION_BELOW_REMOVAL"
  | "POSSIBLE_MISKEY";

/** Choice counts per option letter, plus `blank`. */
export type OptionCounts = Record<string, number>;

export interface ItemStats {
  item: string;
  key: string;
  /** Proportion of candidates answering correctly, in [0, 1]. */
  difficulty: number;
  /** Pearson correlation of the item score with the rest score (total minus this item); null without variance. */
  discrimination: number | null;
  options: { all: OptionCounts; upper: OptionCounts; lower: OptionCounts };
  /** Distractors the upper group chose more often than the key. */
  possibleMiskey: string[];
  recommendation: Recommendation;
  reasons: ItemReason[];
}

export interface TestStats {
  candidates: number;
  items: number;
  /** Size of each of the upper and lower groups. */
  groupSize: number;
  mean: number;
  /** Population standard deviation of the total scores. */
  sd: number;
  /** Kuder–Richardson 20; null with fewer than 2 items or no score variance. */
  kr20: number | null;
  /** sd × √(1 − KR-20), in score points; null when KR-20 is. */
  sem: number | null;
}

export interface ItemAnalysis {
  test: TestStats;
  items: ItemStats[];
}

export interface AnalysisInput {
  responses: ResponseMatrix;
  /** The key in force for every retained item. */
  key: Readonly<Record<string, string>>;
  /** Retained items, in the order to report them. */
  retained: readonly string[];
  flagged: ReadonlySet<string>;
  exam: ExamPolicy;
}

/** 0/1 scores, `correct[c][j]` for candidate c and retained item j. */
export function scoreMatrix(
  responses: ResponseMatrix,
  key: Readonly<Record<string, string>>,
  retained: readonly string[],
): number[][] {
  const columns = retained.map((item) => responses.items.indexOf(item));
  const keys = retained.map((item) => key[item]);
  return responses.answers.map((row) => columns.map((col, j) => (row[col] === keys[j] ? 1 : 0)));
}

export function analyseItems(input: AnalysisInput): ItemAnalysis {
  const { responses, key, retained, flagged, exam } = input;
  const correct = scoreMatrix(responses, key, retained);
  const n = correct.length;
  const k = retained.length;
  const totals = correct.map((row) => row.reduce((a, b) => a + b, 0));
  const sumT = totals.reduce((a, b) => a + b, 0);
  const sumT2 = totals.reduce((a, t) => a + t * t, 0);
  const mean = n ? sumT / n : 0;
  const variance = n ? (n * sumT2 - sumT * sumT) / (n * n) : 0; // integer numerator: no cancellation
  const sd = Math.sqrt(variance);

  // Upper and lower groups: the top and bottom `groupFraction` by total score,
  // ties broken by candidate id so the split is reproducible; never overlapping.
  const groupSize = Math.min(Math.max(1, Math.round(n * exam.analysis.groupFraction)), Math.floor(n / 2));
  const order = totals
    .map((total, c) => ({ total, c, id: responses.candidates[c] }))
    .sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((x) => x.c);
  const upper = order.slice(0, groupSize);
  const lower = order.slice(n - groupSize);

  let sumPQ = 0;
  const items = retained.map((item, j): ItemStats => {
    const col = responses.items.indexOf(item);
    let sx = 0;
    let sy = 0;
    let sxy = 0;
    let sy2 = 0;
    for (let c = 0; c < n; c++) {
      const x = correct[c][j];
      const y = totals[c] - x;
      sx += x;
      sy += y;
      sxy += x * y;
      sy2 += y * y;
    }
    const p = n ? sx / n : 0;
    sumPQ += p * (1 - p);
    // Integer sums, so the only rounding is in the last two operations.
    const varX = n * sx - sx * sx; // x² = x for 0/1 scores
    const varY = n * sy2 - sy * sy;
    const discrimination = varX > 0 && varY > 0 ? (n * sxy - sx * sy) / Math.sqrt(varX * varY) : null;
    const count = (group: readonly number[]) => {
      const counts: OptionCounts = Object.fromEntries([...exam.options, "blank"].map((o) => [o, 0]));
      for (const c of group) counts[responses.answers[c][col] ?? "blank"] += 1;
      return counts;
    };
    const options = { all: count(order), upper: count(upper), lower: count(lower) };
    const itemKey = key[item];
    const possibleMiskey = exam.options.filter((o) => o !== itemKey && options.upper[o] > options.upper[itemKey]);
    return {
      item,
      key: itemKey,
      difficulty: p,
      discrimination,
      options,
      possibleMiskey,
      ...judge(p, discrimination, possibleMiskey, flagged.has(item), exam),
    };
  });

  const kr20 = k >= 2 && variance > 0 ? (k / (k - 1)) * (1 - sumPQ / variance) : null;
  const sem = kr20 === null ? null : sd * Math.sqrt(Math.max(0, 1 - kr20));
  return { test: { candidates: n, items: k, groupSize, mean, sd, kr20, sem }, items };
}

/**
 * The policy's thresholds: a discrimination below `removeBelow` (negative, by
 * default) means remove, unless the board corrects the key (POSSIBLE_MISKEY
 * says when a distractor looks like the real key); anything else outside the
 * bounds, or flagged during administration, means review.
 */
function judge(
  difficulty: number,
  discrimination: number | null,
  possibleMiskey: string[],
  flagged: boolean,
  exam: ExamPolicy,
): { recommendation: Recommendation; reasons: ItemReason[] } {
  const { difficulty: bounds, discrimination: limits } = exam.analysis;
  const reasons: ItemReason[] = [];
  if (flagged) reasons.push("FLAGGED_DURING_ADMINISTRATION");
  if (difficulty < bounds.reviewBelow) reasons.push("DIFFICULTY_BELOW_BOUND");
  if (difficulty > bounds.reviewAbove) reasons.push("DIFFICULTY_ABOVE_BOUND");
  if (discrimination === null) reasons.push("DISCRIMINATION_UNDEFINED");
  else if (discrimination < limits.removeBelow) reasons.push("DISCRIMINATION_BELOW_REMOVAL");
  else if (discrimination < limits.reviewBelow) reasons.push("DISCRIMINATION_BELOW_REVIEW");
  if (possibleMiskey.length) reasons.push("POSSIBLE_MISKEY");
  const remove = reasons.includes("DISCRIMINATION_BELOW_REMOVAL");
  return { recommendation: remove ? "remove" : reasons.length ? "review" : "keep", reasons };
}
