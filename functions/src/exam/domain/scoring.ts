// Step 3: the exam board's decisions on items (removed, or key corrected, each
// with a reason) and the re-scoring on the retained items with the key in
// force. With no decision, the scores are the raw scores.
import { z } from "zod";
import { describeIssue } from "../../platform/domain/issues.js";
import type { AnswerKey, ExamPolicy, ResponseMatrix } from "./import.js";
import { scoreMatrix } from "./analysis.js";

const reason = z.string().trim().min(1, "a reason is required").max(2000);

export const itemDecisionSchema = z.discriminatedUnion("action", [
  z.object({ item: z.string().min(1), action: z.literal("remove"), reason }),
  z.object({ item: z.string().min(1), action: z.literal("correct-key"), key: z.string(), reason }),
]);
export type ItemDecision = z.infer<typeof itemDecisionSchema>;

export interface KeyCorrection {
  item: string;
  from: string;
  to: string;
  reason: string;
}

export interface AppliedDecisions {
  /** The decisions as validated, in the order given. */
  decisions: ItemDecision[];
  /** Items scored, in key order. */
  retained: string[];
  removed: { item: string; reason: string }[];
  corrections: KeyCorrection[];
  /** The key in force for every retained item. */
  key: Record<string, string>;
}

export type DecisionResult = { ok: true; value: AppliedDecisions } | { ok: false; errors: string[] };

/** Checks the decisions against the key and applies them; any bad decision refuses the whole set. */
export function applyDecisions(answerKey: AnswerKey, decisions: readonly unknown[], exam: ExamPolicy): DecisionResult {
  const errors: string[] = [];
  const byItem = new Map<string, ItemDecision>();
  decisions.forEach((raw, index) => {
    const parsed = itemDecisionSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((issue) => `decision ${index + 1}: ${describeIssue(issue)}`));
      return;
    }
    const d = parsed.data;
    if (!Object.hasOwn(answerKey.key, d.item))
      errors.push(`decision ${index + 1}: item ${d.item} is not in the answer key`);
    else if (byItem.has(d.item)) errors.push(`decision ${index + 1}: item ${d.item} already has a decision`);
    else if (d.action === "correct-key" && !exam.options.includes(d.key)) {
      errors.push(`decision ${index + 1}: key ${d.key} is not one of ${exam.options.join(", ")}`);
    } else if (d.action === "correct-key" && d.key === answerKey.key[d.item]) {
      errors.push(`decision ${index + 1}: item ${d.item} is already keyed ${d.key}`);
    } else byItem.set(d.item, d);
  });
  const retained = answerKey.items.filter((item) => byItem.get(item)?.action !== "remove");
  if (!errors.length && retained.length === 0) errors.push("every item is removed: nothing left to score");
  if (errors.length) return { ok: false, errors };

  const key: Record<string, string> = {};
  const corrections: KeyCorrection[] = [];
  for (const item of retained) {
    const d = byItem.get(item);
    key[item] = d?.action === "correct-key" ? d.key : answerKey.key[item];
    if (d?.action === "correct-key") corrections.push({ item, from: answerKey.key[item], to: d.key, reason: d.reason });
  }
  const removed = answerKey.items.flatMap((item) => {
    const d = byItem.get(item);
    return d?.action === "remove" ? [{ item, reason: d.reason }] : [];
  });
  return { ok: true, value: { decisions: [...byItem.values()], retained, removed, corrections, key } };
}

export interface CandidateScore {
  candidate: string;
  /** Correct answers among the retained items. */
  score: number;
  /** The number of retained items. */
  outOf: number;
}

/** Each candidate's number correct on the retained items, in import order. */
export function scoreCandidates(responses: ResponseMatrix, applied: AppliedDecisions): CandidateScore[] {
  const outOf = applied.retained.length;
  return scoreMatrix(responses, applied.key, applied.retained).map((row, c) => ({
    candidate: responses.candidates[c],
    score: row.reduce((a, b) => a + b, 0),
    outOf,
  }));
}

/** Number correct on every item with the key as imported: what re-scoring without decisions must reproduce. */
export function rawScores(responses: ResponseMatrix, answerKey: AnswerKey): CandidateScore[] {
  return responses.answers.map((row, c) => ({
    candidate: responses.candidates[c],
    score: answerKey.items.reduce(
      (sum, item) => sum + (row[responses.items.indexOf(item)] === answerKey.key[item] ? 1 : 0),
      0,
    ),
    outOf: answerKey.items.length,
  }));
}
