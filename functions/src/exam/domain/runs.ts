// A scoring run: the decisions in force, the item analysis, the scores on the
// retained items, the pass mark and each candidate's outcome. Runs are never
// replaced: each new set of decisions appends a numbered run, and
// compareRuns says what changed between two of them.
import { analyseItems, type ItemAnalysis } from "./analysis.js";
import type { AngoffRatings, AnswerKey, ExamPolicy, FlaggedItem, ResponseMatrix } from "./import.js";
import { decideOutcomes, setPassMark, type Outcome, type PassMark } from "./pass-mark.js";
import { applyDecisions, scoreCandidates, type ItemDecision, type KeyCorrection } from "./scoring.js";

export interface RunInput {
  answerKey: AnswerKey;
  responses: ResponseMatrix;
  flagged: readonly FlaggedItem[];
  ratings?: AngoffRatings;
  /** The board's decisions (validated here). */
  decisions: readonly unknown[];
  exam: ExamPolicy;
}

export interface ScoringRun {
  /** 1 for the first run, then one more per run. */
  number: number;
  decisions: ItemDecision[];
  retained: string[];
  removed: { item: string; reason: string }[];
  corrections: KeyCorrection[];
  /** The key in force for every retained item. */
  key: Record<string, string>;
  analysis: ItemAnalysis;
  passMark: PassMark;
  outcomes: Outcome[];
  summary: { candidates: number; passed: number; failed: number };
}

export type RunResult = { ok: true; run: ScoringRun; history: ScoringRun[] } | { ok: false; errors: string[] };

/** Scores the sitting with `input.decisions` and appends the run to `history` (which is not modified). */
export function processRun(history: readonly ScoringRun[], input: RunInput): RunResult {
  const applied = applyDecisions(input.answerKey, input.decisions, input.exam);
  if (!applied.ok) return applied;
  const { retained, removed, corrections, key } = applied.value;
  const passMark = setPassMark({ exam: input.exam, retained, ratings: input.ratings });
  if (!passMark.ok) return passMark;
  const analysis = analyseItems({
    responses: input.responses,
    key,
    retained,
    flagged: new Set(input.flagged.map((f) => f.item)),
    exam: input.exam,
  });
  const outcomes = decideOutcomes(scoreCandidates(input.responses, applied.value), passMark.value);
  const passed = outcomes.filter((o) => o.passed).length;
  const run: ScoringRun = {
    number: history.length + 1,
    decisions: applied.value.decisions,
    retained,
    removed,
    corrections,
    key,
    analysis,
    passMark: passMark.value,
    outcomes,
    summary: { candidates: outcomes.length, passed, failed: outcomes.length - passed },
  };
  return { ok: true, run, history: [...history, run] };
}

export interface RunChanges {
  from: number;
  to: number;
  itemsRemoved: string[];
  itemsRestored: string[];
  /** Retained in both runs with a different key in force. */
  keyChanges: { item: string; from: string; to: string }[];
  passMark: { from: number; to: number; passScoreFrom: number; passScoreTo: number };
  scoreChanges: { candidate: string; from: number; to: number }[];
  outcomeChanges: { candidate: string; from: boolean; to: boolean }[];
}

export function compareRuns(before: ScoringRun, after: ScoringRun): RunChanges {
  const wasRetained = new Set(before.retained);
  const isRetained = new Set(after.retained);
  const previous = new Map(before.outcomes.map((o) => [o.candidate, o]));
  const scoreChanges: RunChanges["scoreChanges"] = [];
  const outcomeChanges: RunChanges["outcomeChanges"] = [];
  for (const o of after.outcomes) {
    const p = previous.get(o.candidate);
    if (!p) continue;
    if (p.score !== o.score) scoreChanges.push({ candidate: o.candidate, from: p.score, to: o.score });
    if (p.passed !== o.passed) outcomeChanges.push({ candidate: o.candidate, from: p.passed, to: o.passed });
  }
  return {
    from: before.number,
    to: after.number,
    itemsRemoved: before.retained.filter((item) => !isRetained.has(item)),
    itemsRestored: after.retained.filter((item) => !wasRetained.has(item)),
    keyChanges: after.retained
      .filter((item) => wasRetained.has(item) && before.key[item] !== after.key[item])
      .map((item) => ({ item, from: before.key[item], to: after.key[item] })),
    passMark: {
      from: before.passMark.passMark,
      to: after.passMark.passMark,
      passScoreFrom: before.passMark.passScore,
      passScoreTo: after.passMark.passScore,
    },
    scoreChanges,
    outcomeChanges,
  };
}
