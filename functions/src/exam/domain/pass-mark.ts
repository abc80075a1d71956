// Step 4: the pass mark, by the method the policy names, recorded with its
// inputs. Modified Angoff: each judge's sum of ratings over the retained items
// is that judge's expected score of a borderline candidate; the pass mark is
// the mean over judges. Fixed percentage: that share of the retained items.
import type { AngoffRatings, ExamPolicy } from "./import.js";
import type { CandidateScore } from "./scoring.js";

export type PassMark =
  | {
      method: "modified-angoff";
      retainedItems: number;
      judges: { judge: string; sum: number }[];
      /** Raw points on the retained items (mean of the judges' sums), 6 decimals. */
      passMark: number;
      /** The lowest whole score that passes: ⌈passMark⌉. */
      passScore: number;
    }
  | {
      method: "fixed-percentage";
      retainedItems: number;
      percent: number;
      passMark: number;
      passScore: number;
    };

export type PassMarkResult = { ok: true; value: PassMark } | { ok: false; errors: string[] };

// Ratings such as 0.7 are not exact in binary; rounding the sums to 6 decimals
// keeps 60.000000000001 from becoming a pass score of 61.
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function setPassMark(input: {
  exam: ExamPolicy;
  retained: readonly string[];
  ratings?: AngoffRatings;
}): PassMarkResult {
  const { exam, retained, ratings } = input;
  const k = retained.length;
  if (k === 0) return { ok: false, errors: ["no retained items"] };
  const method = exam.passMark;
  if (method.method === "fixed-percentage") {
    const passMark = round6((method.percent / 100) * k);
    return {
      ok: true,
      value: {
        method: "fixed-percentage",
        retainedItems: k,
        percent: method.percent,
        passMark,
        passScore: Math.ceil(passMark),
      },
    };
  }
  if (!ratings || ratings.judges.length === 0) {
    return { ok: false, errors: ["the policy's method is modified Angoff: import the judges' ratings first"] };
  }
  const columns = retained.map((item) => ratings.items.indexOf(item));
  const unrated = retained.filter((_, j) => columns[j] < 0);
  if (unrated.length) return { ok: false, errors: [`no Angoff ratings for item(s) ${unrated.join(", ")}`] };
  const judges = ratings.judges.map((judge, j) => ({
    judge,
    sum: round6(columns.reduce((sum, col) => sum + ratings.ratings[j][col], 0)),
  }));
  const passMark = round6(judges.reduce((a, j) => a + j.sum, 0) / judges.length);
  return {
    ok: true,
    value: { method: "modified-angoff", retainedItems: k, judges, passMark, passScore: Math.ceil(passMark) },
  };
}

export interface Outcome extends CandidateScore {
  passed: boolean;
}

/** A candidate passes with a score of at least the pass score. */
export function decideOutcomes(scores: readonly CandidateScore[], passMark: PassMark): Outcome[] {
  return scores.map((s) => ({ ...s, passed: s.score >= passMark.passScore }));
}
