// Step 5: the levels of verification before results are reported. Automated
// checks on a run, then the two-person rule (the admin who prepares the
// results is not the one who approves them), and only then a release date,
// no later than `committeeDeadlines.examResultsWeeks` after the sitting.
import { addDaysIso, isIsoDate, type IsoDate } from "../../platform/domain/dates.js";
import type { Policy } from "../../platform/domain/policy.js";
import type { ResponseMatrix } from "./import.js";
import type { CandidateScore } from "./scoring.js";

export type CheckCode =
  | "REGISTERED_WITHOUT_RESULT"
  | "RESULT_WITHOUT_REGISTRATION"
  | "DUPLICATE_CANDIDATE"
  | "SCORED_AND_ABSENT"
  | "COUNT_MISMATCH";

export interface Check {
  code: CheckCode;
  passed: boolean;
  /** What was compared, or what is wrong. */
  detail: string;
  /** The candidates concerned (empty when the check passed). */
  candidates: string[];
}

export interface Verification {
  passed: boolean;
  checks: Check[];
}

export interface VerificationInput {
  /** Candidates with an active registration for the session. */
  registered: readonly string[];
  /** Registered candidates recorded as absent (did not sit). */
  absent: readonly string[];
  responses: ResponseMatrix;
  scores: readonly CandidateScore[];
  /** The number of retained items of the run. */
  retainedItems: number;
}

function duplicates(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const x of list) (seen.has(x) ? repeated : seen).add(x);
  return [...repeated];
}

function check(code: CheckCode, candidates: string[], ok: string, ko: string): Check {
  return { code, passed: candidates.length === 0, detail: candidates.length ? ko : ok, candidates };
}

export function verifyResults(input: VerificationInput): Verification {
  const { registered, absent, responses, scores, retainedItems } = input;
  const scored = new Set(scores.map((s) => s.candidate));
  const absentSet = new Set(absent);
  const registeredSet = new Set(registered);
  const imported = new Set(responses.candidates);

  const unaccounted = [...registeredSet].filter((c) => !scored.has(c) && !absentSet.has(c));
  const unregistered = [...new Set([...scored, ...absentSet])].filter((c) => !registeredSet.has(c));
  const repeated = [
    ...new Set([
      ...duplicates(registered),
      ...duplicates(absent),
      ...duplicates(scores.map((s) => s.candidate)),
      ...duplicates(responses.candidates),
    ]),
  ];
  const both = [...scored].filter((c) => absentSet.has(c));
  // Counts: one score per imported candidate and no other, one answer per
  // candidate and item, every score within 0..retained items.
  const countProblems = [
    ...[...imported].filter((c) => !scored.has(c)),
    ...[...scored].filter((c) => !imported.has(c)),
    ...scores.filter((s) => s.outOf !== retainedItems || s.score < 0 || s.score > s.outOf).map((s) => s.candidate),
    ...responses.candidates.filter((_, c) => responses.answers[c]?.length !== responses.items.length),
  ];
  const counts = `${registeredSet.size} registered, ${scored.size} scored, ${absentSet.size} absent, ${imported.size} in the import`;
  const checks = [
    check(
      "REGISTERED_WITHOUT_RESULT",
      unaccounted,
      counts,
      `${unaccounted.length} registered candidate(s) with neither a score nor a recorded absence`,
    ),
    check(
      "RESULT_WITHOUT_REGISTRATION",
      unregistered,
      counts,
      `${unregistered.length} score(s) or absence(s) for candidates not registered`,
    ),
    check(
      "DUPLICATE_CANDIDATE",
      repeated,
      "no candidate appears twice",
      `${repeated.length} candidate(s) appear more than once in a list`,
    ),
    check(
      "SCORED_AND_ABSENT",
      both,
      "no candidate is both scored and absent",
      `${both.length} candidate(s) both scored and recorded absent`,
    ),
    check(
      "COUNT_MISMATCH",
      [...new Set(countProblems)],
      `${scores.length} scores for ${imported.size} imported candidates × ${responses.items.length} items`,
      `the scores do not match the import (${scores.length} scores, ${imported.size} imported candidates)`,
    ),
  ];
  return { passed: checks.every((c) => c.passed), checks };
}

export type ReleaseProblemCode =
  | "VERIFICATION_FAILED"
  | "NOT_PREPARED"
  | "NOT_APPROVED"
  | "SAME_PREPARER_AND_APPROVER"
  | "RELEASE_DATE_INVALID"
  | "RELEASE_BEFORE_SITTING"
  | "RELEASE_IN_PAST"
  | "RELEASE_TOO_LATE";

export interface ReleaseProblem {
  code: ReleaseProblemCode;
  message: string;
}

/** The two-person rule: prepared by one admin, approved by a different one. */
export function checkTwoPersonRule(preparedBy: string | null, approvedBy: string | null): ReleaseProblem[] {
  if (!preparedBy?.trim()) return [{ code: "NOT_PREPARED", message: "the results have not been prepared" }];
  if (!approvedBy?.trim()) return [{ code: "NOT_APPROVED", message: "the results have not been approved" }];
  if (preparedBy === approvedBy) {
    return [
      {
        code: "SAME_PREPARER_AND_APPROVER",
        message: "the admin who prepared the results cannot approve them: another admin must approve",
      },
    ];
  }
  return [];
}

/** The latest release date the policy allows for a sitting. */
export function latestReleaseDate(sittingDate: IsoDate, policy: Policy): IsoDate {
  return addDaysIso(sittingDate, 7 * policy.committeeDeadlines.examResultsWeeks);
}

/** A release date: after the sitting, not in the past, no later than the policy's weeks after the sitting. */
export function checkReleaseDate(
  sittingDate: IsoDate,
  releaseDate: string,
  today: IsoDate,
  policy: Policy,
): ReleaseProblem[] {
  if (!isIsoDate(releaseDate)) {
    return [
      { code: "RELEASE_DATE_INVALID", message: `release date ${JSON.stringify(releaseDate)} is not a YYYY-MM-DD date` },
    ];
  }
  const problems: ReleaseProblem[] = [];
  if (releaseDate <= sittingDate) {
    problems.push({
      code: "RELEASE_BEFORE_SITTING",
      message: `the release date must be after the sitting (${sittingDate})`,
    });
  }
  if (releaseDate < today)
    problems.push({ code: "RELEASE_IN_PAST", message: `the release date ${releaseDate} is in the past` });
  const latest = latestReleaseDate(sittingDate, policy);
  if (releaseDate > latest) {
    problems.push({
      code: "RELEASE_TOO_LATE",
      message: `results are released no later than ${policy.committeeDeadlines.examResultsWeeks} weeks after the sitting: ${latest} at the latest`,
    });
  }
  return problems;
}

/** Everything that must hold before a release date is set; empty means it may be set. */
export function releaseProblems(input: {
  verification: Verification;
  preparedBy: string | null;
  approvedBy: string | null;
  sittingDate: IsoDate;
  releaseDate: string;
  today: IsoDate;
  policy: Policy;
}): ReleaseProblem[] {
  const failed = input.verification.checks.filter((c) => !c.passed).map((c) => c.code);
  return [
    ...(failed.length
      ? [{ code: "VERIFICATION_FAILED" as const, message: `checks failed: ${failed.join(", ")}` }]
      : []),
    ...checkTwoPersonRule(input.preparedBy, input.approvedBy),
    ...checkReleaseDate(input.sittingDate, input.releaseDate, input.today, input.policy),
  ];
}
