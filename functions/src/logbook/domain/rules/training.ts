// "At least three months of full-time training ... or the equivalent length of
// time if split into separate periods (within a maximum 24-month window)";
// part time counts pro rata (35 hours a week is full time).
import type { Rule } from "../context.js";
import {
  addDaysIso,
  addMonthsIso,
  maxIso,
  minIso,
  monthsBetween,
  type IsoDate,
} from "../../../platform/domain/dates.js";
import type { Policy } from "../../../platform/domain/policy.js";
import { error, round2, type Finding } from "../report.js";
import type { TrainingPeriod } from "../schema.js";

const EPSILON = 1e-9;

/** A period as the half-open span [start, endExclusive) and its full-time fraction. */
interface Span {
  start: IsoDate;
  endExclusive: IsoDate;
  fraction: number;
}

function toSpans(periods: TrainingPeriod[], policy: Policy): Span[] {
  return periods.map((p) => ({
    start: p.start,
    endExclusive: addDaysIso(p.end, 1),
    fraction: Math.min(1, p.hoursPerWeek / policy.training.fullTimeHoursPerWeek),
  }));
}

/** Full-time-equivalent months of the part of `span` inside [from, to). */
function fteMonthsWithin(span: Span, from: IsoDate, to: IsoDate): number {
  return monthsBetween(maxIso(span.start, from), minIso(span.endExclusive, to)) * span.fraction;
}

export function totalFteMonths(periods: TrainingPeriod[], policy: Policy): number {
  return toSpans(periods, policy).reduce((sum, s) => sum + monthsBetween(s.start, s.endExclusive) * s.fraction, 0);
}

/**
 * The most FTE months any window of `windowMonths` holds. The best window
 * starts where a period starts or ends where a period ends, so only those
 * are tried (a handful of periods: quadratic is fine).
 */
export function bestWindowFteMonths(periods: TrainingPeriod[], policy: Policy): number {
  const months = policy.training.windowMonths;
  const spans = toSpans(periods, policy);
  const windows = spans.flatMap((s) => [
    [s.start, addMonthsIso(s.start, months)],
    [addMonthsIso(s.endExclusive, -months), s.endExclusive],
  ]);
  let best = 0;
  for (const [from, to] of windows) {
    const inside = spans
      .filter((s) => s.start < to && s.endExclusive > from)
      .reduce((sum, s) => sum + fteMonthsWithin(s, from, to), 0);
    best = Math.max(best, inside);
  }
  return best;
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
