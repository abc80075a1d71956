// "At least three months of full-time training ... or the equivalent length of
// time if split into separate periods (within a maximum 24-month window)";
// part time counts pro rata (35 hours a week is full time). The periods are
// first turned into runs over their union (screening/training.ts).
import type { Rule } from "../context.js";
import type { TrainingRun } from "../context.js";
import { addMonthsIso, maxIso, minIso, monthsBetween, type IsoDate } from "../../../platform/domain/dates.js";
import type { Policy } from "../../../platform/domain/policy.js";
import { error, round2, type Finding } from "../report.js";

const EPSILON = 1e-9;

/** Full-time-equivalent months of the part of `run` inside [from, to). */
function fteMonthsWithin(run: TrainingRun, from: IsoDate, to: IsoDate): number {
  return monthsBetween(maxIso(run.start, from), minIso(run.endExclusive, to)) * run.fraction;
}

export function totalFteMonths(runs: TrainingRun[]): number {
  return runs.reduce((sum, r) => sum + monthsBetween(r.start, r.endExclusive) * r.fraction, 0);
}

/**
 * The most FTE months any window of `windowMonths` holds. The best window
 * starts where a run starts or ends where a run ends, so only those are
 * tried (a handful of runs: quadratic is fine).
 */
export function bestWindowFteMonths(runs: TrainingRun[], policy: Policy): number {
  const months = policy.training.windowMonths;
  const windows = runs.flatMap((r) => [
    [r.start, addMonthsIso(r.start, months)],
    [addMonthsIso(r.endExclusive, -months), r.endExclusive],
  ]);
  let best = 0;
  for (const [from, to] of windows) {
    const inside = runs
      .filter((r) => r.start < to && r.endExclusive > from)
      .reduce((sum, r) => sum + fteMonthsWithin(r, from, to), 0);
    best = Math.max(best, inside);
  }
  return best;
}

export const training: Rule = {
  name: "training",
  evaluate: ({ screened, policy, route }) => {
    const required = policy.training.requiredFteMonths[route];
    const total = totalFteMonths(screened.trainingRuns);
    const enough = total + EPSILON >= required;
    const trainingIds = [...new Set(screened.training.map((p) => p.id))].sort();
    const findings: Finding[] = [];
    let inWindow = total;
    if (!enough) {
      findings.push(
        error(
          "TRAINING_TOO_SHORT",
          `${round2(total)} months of full-time-equivalent training count; ${required} are required`,
        ),
      );
    } else {
      inWindow = bestWindowFteMonths(screened.trainingRuns, policy);
      if (inWindow + EPSILON < required) {
        findings.push(
          error(
            "TRAINING_SPREAD_OVER_24_MONTHS",
            `at most ${round2(inWindow)} full-time-equivalent months fall within any ${policy.training.windowMonths}-month window; ${required} are required`,
            { trainingIds },
          ),
        );
      }
    }
    return {
      requirements: [
        { id: "training.fteMonths", met: enough, actual: round2(total), required },
        { id: "training.window", met: inWindow + EPSILON >= required, actual: round2(inWindow), required },
      ],
      findings,
    };
  },
};
