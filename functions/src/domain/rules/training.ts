// "At least three months of full-time training ... or the equivalent length of
// time if split into separate periods (within a maximum 24-month window)";
// part time counts pro rata (35 hours a week is full time).
import type { Rule } from "../context.js";
import { addDaysIso, addMonthsIso, maxIso, minIso, monthsBetween, type IsoDate } from "../dates.js";
import type { Policy } from "../policy.js";
import { error, round2, type Finding } from "../report.js";
import type { TrainingPeriod } from "../schema.js";

const EPSILON = 1e-9;

/** Full-time-equivalent months of the part of `period` inside [from, to). */
export function fteMonths(period: TrainingPeriod, policy: Policy, from?: IsoDate, to?: IsoDate): number {
  const start = from ? maxIso(period.start, from) : period.start;
  const endExclusive = to ? minIso(addDaysIso(period.end, 1), to) : addDaysIso(period.end, 1);
  const fraction = Math.min(1, period.hoursPerWeek / policy.training.fullTimeHoursPerWeek);
  return monthsBetween(start, endExclusive) * fraction;
}

/**
 * The most FTE months any window of `windowMonths` holds. The best window
 * starts where a period starts or ends where a period ends, so only those
 * are tried (a handful of periods: quadratic is fine).
 */
export function bestWindowFteMonths(periods: TrainingPeriod[], policy: Policy): number {
  const months = policy.training.windowMonths;
  const windows = periods.flatMap((p) => {
    const endExclusive = addDaysIso(p.end, 1);
    return [
      [p.start, addMonthsIso(p.start, months)],
      [addMonthsIso(endExclusive, -months), endExclusive],
    ];
  });
  let best = 0;
  for (const [from, to] of windows) {
    const inside = periods.reduce((sum, p) => sum + fteMonths(p, policy, from, to), 0);
    best = Math.max(best, inside);
  }
  return best;
}

export function totalFteMonths(periods: TrainingPeriod[], policy: Policy): number {
  return periods.reduce((sum, p) => sum + fteMonths(p, policy), 0);
}

export const training: Rule = {
  name: "training",
  evaluate: ({ screened, policy, route }) => {
    const required = policy.training.requiredFteMonths[route];
    const total = totalFteMonths(screened.training, policy);
    const enough = total + EPSILON >= required;
    const trainingIds = screened.training.map((p) => p.id).sort();
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
      inWindow = bestWindowFteMonths(screened.training, policy);
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
