// Kind-specific checks and effects, pure: facts and `today` in, the problem
// (or the new values) out. The services read the facts in a transaction and
// turn a problem into an HttpsError.
import { addDaysIso, addMonthsIso, isWithin, type IsoDate } from "../../platform/domain/dates.js";
import type { Policy } from "../../platform/domain/policy.js";
import type { RequestKind } from "./kinds.js";

/** The day by which the committee or exam board must decide a request sent (or resubmitted) on `sentOn`. */
export const decisionDueOn = (sentOn: IsoDate, kind: RequestKind, policy: Policy): IsoDate =>
  addDaysIso(sentOn, policy.requests.decisionDays[kind]);

/** "Requests must be submitted before the deadline": on or before its last day, Europe/Paris. */
export function extensionTimingProblem(today: IsoDate, deadline: IsoDate): string | null {
  return today > deadline
    ? `the deadline this request would extend was ${deadline}; an extension must be requested before it passes`
    : null;
}

export function extensionLengthProblem(requestedMonths: number, policy: Policy): string | null {
  const max = policy.requests.maxExtensionMonths;
  return requestedMonths > max ? `an extension may ask for at most ${max} months` : null;
}

/** The new last day: the deadline in force when the grant is decided, moved by the months granted. */
export const extendedUntil = (deadline: IsoDate, grantedMonths: number): IsoDate =>
  addMonthsIso(deadline, grantedMonths);

export function grantedMonthsProblem(granted: number | undefined, requested: number): string | null {
  if (granted === undefined) return "give grantedMonths: the duration granted";
  return granted > requested ? `at most the ${requested} months asked may be granted` : null;
}

/** Appeals: within the window, which ends on `appealBy` (inclusive). */
export function appealWindowProblem(today: IsoDate, appealBy: IsoDate): string | null {
  return today > appealBy ? `the appeal window closed on ${appealBy}` : null;
}

export const examAppealBy = (resultDate: IsoDate, policy: Policy): IsoDate =>
  addDaysIso(resultDate, policy.requests.examAppealDays);

/** A supervisor entry of the registry, as far as Level 3 goes. */
export interface Level3Entry {
  level3From: IsoDate;
  level3Until: IsoDate | null;
}

export function remoteSupervisorProblem(entry: Level3Entry | null, today: IsoDate, candidateUid: string, uid: string) {
  if (uid === candidateUid) return "the candidate cannot be their own remote supervisor";
  if (!entry) return `${uid} is not in the registry of Level 3 supervisors`;
  if (!isWithin(today, entry.level3From, entry.level3Until)) {
    return `${uid} does not hold a current Level 3 certification (${entry.level3From} – ${entry.level3Until ?? "open"})`;
  }
  return null;
}

export interface ExamResultValues {
  score?: number | null;
  maxScore?: number | null;
  passMark?: number | null;
  passed: boolean;
  resultDate: IsoDate;
  status?: string | null;
}

/**
 * A re-marked exam result: the new score and outcome, dated the day of the
 * decision (a re-marked pass starts the logbook deadline from that day), and
 * the previous values to keep in the result's history.
 */
export function remarkedResult(
  previous: ExamResultValues,
  remark: { score: number; maxScore?: number; passMark: number },
  decidedOn: IsoDate,
  requestId: string,
) {
  const passed = remark.score >= remark.passMark;
  return {
    update: {
      score: remark.score,
      maxScore: remark.maxScore ?? previous.maxScore ?? null,
      passMark: remark.passMark,
      passed,
      status: passed ? "passed" : "failed",
      resultDate: decidedOn,
    },
    history: {
      score: previous.score ?? null,
      maxScore: previous.maxScore ?? null,
      passMark: previous.passMark ?? null,
      passed: previous.passed,
      status: previous.status ?? null,
      resultDate: previous.resultDate,
      replacedOn: decidedOn,
      byRequest: requestId,
    },
  };
}
