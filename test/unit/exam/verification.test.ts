import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/platform/domain/policy.js";
import {
  checkReleaseDate,
  checkTwoPersonRule,
  latestReleaseDate,
  releaseProblems,
  verifyResults,
  type CandidateScore,
  type ResponseMatrix,
  type VerificationInput,
} from "../../../functions/src/exam/domain/index.js";

const responses = (candidates: string[]): ResponseMatrix => ({
  items: ["Q1", "Q2"],
  candidates,
  answers: candidates.map(() => ["A", null]),
});
const score = (candidate: string, value = 1, outOf = 2): CandidateScore => ({ candidate, score: value, outOf });

const good: VerificationInput = {
  registered: ["a", "b", "c"],
  absent: ["c"],
  responses: responses(["a", "b"]),
  scores: [score("a"), score("b", 2)],
  retainedItems: 2,
};

function failed(input: Partial<VerificationInput>) {
  return verifyResults({ ...good, ...input })
    .checks.filter((c) => !c.passed)
    .map((c) => [c.code, c.candidates]);
}

describe("verifyResults", () => {
  it("passes when every registered candidate has a score or an absence and the counts match", () => {
    const result = verifyResults(good);
    expect(result.passed).toBe(true);
    expect(result.checks.map((c) => c.code)).toEqual([
      "REGISTERED_WITHOUT_RESULT",
      "RESULT_WITHOUT_REGISTRATION",
      "DUPLICATE_CANDIDATE",
      "SCORED_AND_ABSENT",
      "COUNT_MISMATCH",
    ]);
  });

  it("finds a registered candidate with neither score nor absence", () => {
    expect(failed({ registered: ["a", "b", "c", "d"] })).toEqual([["REGISTERED_WITHOUT_RESULT", ["d"]]]);
    expect(verifyResults({ ...good, registered: ["a", "b", "c", "d"] }).passed).toBe(false);
  });

  it("finds a score or an absence of someone not registered", () => {
    expect(failed({ registered: ["a", "c"] })).toEqual([["RESULT_WITHOUT_REGISTRATION", ["b"]]]);
    expect(failed({ absent: ["c", "x"] })).toEqual([["RESULT_WITHOUT_REGISTRATION", ["x"]]]);
  });

  it("finds duplicates in any list", () => {
    expect(failed({ registered: ["a", "b", "c", "a"] })).toEqual([["DUPLICATE_CANDIDATE", ["a"]]]);
    expect(failed({ absent: ["c", "c"] })).toEqual([["DUPLICATE_CANDIDATE", ["c"]]]);
    expect(failed({ scores: [score("a"), score("b"), score("b")] })).toEqual([["DUPLICATE_CANDIDATE", ["b"]]]);
  });

  it("finds a candidate both scored and absent", () => {
    expect(failed({ absent: ["c", "b"] })).toEqual([["SCORED_AND_ABSENT", ["b"]]]);
  });

  it("finds scores that do not match the import", () => {
    // an imported candidate without a score
    expect(failed({ scores: [score("a")], absent: ["c", "b"] })).toEqual([["COUNT_MISMATCH", ["b"]]]);
    // a score out of range, or on another number of items
    expect(failed({ scores: [score("a", 3), score("b")] })).toEqual([["COUNT_MISMATCH", ["a"]]]);
    expect(failed({ scores: [score("a", -1), score("b")] })).toEqual([["COUNT_MISMATCH", ["a"]]]);
    expect(failed({ scores: [score("a", 1, 3), score("b")] })).toEqual([["COUNT_MISMATCH", ["a"]]]);
    // a matrix row of the wrong length
    const short = { ...responses(["a", "b"]), answers: [["A", null], ["A"]] };
    expect(failed({ responses: short })).toEqual([["COUNT_MISMATCH", ["b"]]]);
  });
});

describe("the two-person rule", () => {
  it("needs a preparer and a different approver", () => {
    expect(checkTwoPersonRule("admin-1", "admin-2")).toEqual([]);
    expect(checkTwoPersonRule(null, "admin-2").map((p) => p.code)).toEqual(["NOT_PREPARED"]);
    expect(checkTwoPersonRule("  ", "admin-2").map((p) => p.code)).toEqual(["NOT_PREPARED"]);
    expect(checkTwoPersonRule("admin-1", null).map((p) => p.code)).toEqual(["NOT_APPROVED"]);
    expect(checkTwoPersonRule("admin-1", "admin-1").map((p) => p.code)).toEqual(["SAME_PREPARER_AND_APPROVER"]);
  });
});

describe("the release date", () => {
  const sitting = "2026-11-07";

  it("is at most 8 weeks (policy) after the sitting: 7 Nov + 56 days = 2 Jan", () => {
    expect(latestReleaseDate(sitting, DEFAULT_POLICY)).toBe("2027-01-02");
    expect(checkReleaseDate(sitting, "2027-01-02", "2026-11-20", DEFAULT_POLICY)).toEqual([]);
    expect(checkReleaseDate(sitting, "2027-01-03", "2026-11-20", DEFAULT_POLICY).map((p) => p.code)).toEqual([
      "RELEASE_TOO_LATE",
    ]);
  });

  it("follows the policy's number of weeks", () => {
    const policy = {
      ...DEFAULT_POLICY,
      committeeDeadlines: { ...DEFAULT_POLICY.committeeDeadlines, examResultsWeeks: 6 },
    };
    expect(latestReleaseDate(sitting, policy)).toBe("2026-12-19");
    expect(checkReleaseDate(sitting, "2026-12-20", "2026-11-20", policy).map((p) => p.code)).toEqual([
      "RELEASE_TOO_LATE",
    ]);
  });

  it("is after the sitting and not in the past", () => {
    expect(checkReleaseDate(sitting, "2026-11-08", "2026-11-08", DEFAULT_POLICY)).toEqual([]);
    expect(checkReleaseDate(sitting, sitting, "2026-11-01", DEFAULT_POLICY).map((p) => p.code)).toEqual([
      "RELEASE_BEFORE_SITTING",
    ]);
    expect(checkReleaseDate(sitting, "2026-11-20", "2026-11-21", DEFAULT_POLICY).map((p) => p.code)).toEqual([
      "RELEASE_IN_PAST",
    ]);
  });

  it("is a real date", () => {
    for (const bad of ["2027-02-30", "02/01/2027", ""]) {
      expect(checkReleaseDate(sitting, bad, "2026-11-20", DEFAULT_POLICY).map((p) => p.code)).toEqual([
        "RELEASE_DATE_INVALID",
      ]);
    }
  });

  it("can be set only after verification and two different admins", () => {
    const base = {
      verification: verifyResults(good),
      preparedBy: "admin-1",
      approvedBy: "admin-2",
      sittingDate: sitting,
      releaseDate: "2026-12-15",
      today: "2026-11-20",
      policy: DEFAULT_POLICY,
    };
    expect(releaseProblems(base)).toEqual([]);
    const bad = verifyResults({ ...good, registered: ["a", "b", "c", "d"] });
    expect(releaseProblems({ ...base, verification: bad })).toEqual([
      { code: "VERIFICATION_FAILED", message: "checks failed: REGISTERED_WITHOUT_RESULT" },
    ]);
    expect(releaseProblems({ ...base, approvedBy: "admin-1" }).map((p) => p.code)).toEqual([
      "SAME_PREPARER_AND_APPROVER",
    ]);
  });
});
