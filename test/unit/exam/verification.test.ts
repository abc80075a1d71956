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

describe("verifyResults: what each check says", () => {
  it("a passing verification states what was compared", () => {
    // 3 registered (a, b, c), 2 scored (a, b), 1 absent (c), 2 in the import, 2 items
    expect(verifyResults(good)).toEqual({
      passed: true,
      checks: [
        {
          code: "REGISTERED_WITHOUT_RESULT",
          passed: true,
          detail: "3 registered, 2 scored, 1 absent, 2 in the import",
          candidates: [],
        },
        {
          code: "RESULT_WITHOUT_REGISTRATION",
          passed: true,
          detail: "3 registered, 2 scored, 1 absent, 2 in the import",
          candidates: [],
        },
        { code: "DUPLICATE_CANDIDATE", passed: true, detail: "no candidate appears twice", candidates: [] },
        {
          code: "SCORED_AND_ABSENT",
          passed: true,
          detail: "no candidate is both scored and absent",
          candidates: [],
        },
        {
          code: "COUNT_MISMATCH",
          passed: true,
          detail: "2 scores for 2 imported candidates × 2 items",
          candidates: [],
        },
      ],
    });
  });

  it("failing checks count their own candidates; scored and imported candidates are counted apart", () => {
    // b is imported but has no score: only the count check fails, the others still state the counts
    const result = verifyResults({
      ...good,
      registered: ["a", "b", "c", "d"],
      absent: ["c", "d", "b2"],
      scores: [score("a")],
      responses: responses(["a", "b"]),
    });
    const detail = (code: string) => result.checks.find((c) => c.code === code)!.detail;
    expect(detail("REGISTERED_WITHOUT_RESULT")).toBe(
      "1 registered candidate(s) with neither a score nor a recorded absence",
    );
    expect(detail("RESULT_WITHOUT_REGISTRATION")).toBe("1 score(s) or absence(s) for candidates not registered");
    expect(detail("COUNT_MISMATCH")).toBe("the scores do not match the import (1 scores, 2 imported candidates)");
    const counted = verifyResults({ ...good, absent: ["c"], responses: responses(["a", "b", "x"]) });
    expect(counted.checks[0]).toEqual({
      code: "REGISTERED_WITHOUT_RESULT",
      passed: true,
      detail: "3 registered, 2 scored, 1 absent, 3 in the import",
      candidates: [],
    });
    expect(counted.checks[4]).toEqual({
      code: "COUNT_MISMATCH",
      passed: false,
      detail: "the scores do not match the import (2 scores, 3 imported candidates)",
      candidates: ["x"],
    });
  });

  it("a failing check gives the number of candidates concerned and names them", () => {
    const result = verifyResults({
      ...good,
      registered: ["a", "b", "c", "d", "e", "e"],
      absent: ["c", "b", "a"],
    });
    expect(result.passed).toBe(false);
    expect(result.checks.slice(0, 4)).toEqual([
      {
        code: "REGISTERED_WITHOUT_RESULT",
        passed: false,
        detail: "2 registered candidate(s) with neither a score nor a recorded absence",
        candidates: ["d", "e"],
      },
      {
        code: "RESULT_WITHOUT_REGISTRATION",
        passed: true,
        detail: "5 registered, 2 scored, 3 absent, 2 in the import",
        candidates: [],
      },
      {
        code: "DUPLICATE_CANDIDATE",
        passed: false,
        detail: "1 candidate(s) appear more than once in a list",
        candidates: ["e"],
      },
      {
        code: "SCORED_AND_ABSENT",
        passed: false,
        detail: "2 candidate(s) both scored and recorded absent",
        candidates: ["a", "b"],
      },
    ]);
    const unregistered = verifyResults({ ...good, registered: ["c"], absent: ["c", "y"] });
    expect(unregistered.checks[1]).toEqual({
      code: "RESULT_WITHOUT_REGISTRATION",
      passed: false,
      detail: "3 score(s) or absence(s) for candidates not registered",
      candidates: ["a", "b", "y"],
    });
  });

  it("finds a candidate twice in the import, and names a candidate repeated in two lists once", () => {
    const twice = {
      items: ["Q1", "Q2"],
      candidates: ["a", "b", "b"],
      answers: [
        ["A", null],
        ["A", "B"],
        ["A", "B"],
      ],
    };
    expect(failed({ responses: twice })).toEqual([["DUPLICATE_CANDIDATE", ["b"]]]);
    expect(failed({ registered: ["a", "b", "c", "b"], scores: [score("a"), score("b"), score("b")] })).toEqual([
      ["DUPLICATE_CANDIDATE", ["b"]],
    ]);
  });

  it("a score of 0 or of every retained item is in range; -1 and one more are not", () => {
    expect(failed({ scores: [score("a", 0), score("b", 2)] })).toEqual([]);
    expect(failed({ scores: [score("a", 0), score("b", 3)] })).toEqual([["COUNT_MISMATCH", ["b"]]]);
    expect(failed({ scores: [score("a", -1), score("b", 2)] })).toEqual([["COUNT_MISMATCH", ["a"]]]);
  });

  it("a missing matrix row is a count problem, and a candidate with two problems is named once", () => {
    const missingRow = { ...responses(["a", "b"]), answers: [["A", null]] };
    expect(failed({ responses: missingRow })).toEqual([["COUNT_MISMATCH", ["b"]]]);
    const shortRow = { ...responses(["a", "b"]), answers: [["A", null], ["A"]] };
    expect(failed({ responses: shortRow, scores: [score("a"), score("b", 1, 3)] })).toEqual([
      ["COUNT_MISMATCH", ["b"]],
    ]);
  });
});

describe("the two-person rule and the release date: what the admin reads", () => {
  it("names what is missing, in order: the preparer, then the approver, then a second admin", () => {
    const notPrepared = [{ code: "NOT_PREPARED", message: "the results have not been prepared" }];
    const notApproved = [{ code: "NOT_APPROVED", message: "the results have not been approved" }];
    expect(checkTwoPersonRule(null, null)).toEqual(notPrepared);
    expect(checkTwoPersonRule("", "admin-2")).toEqual(notPrepared);
    expect(checkTwoPersonRule("admin-1", null)).toEqual(notApproved);
    expect(checkTwoPersonRule("admin-1", "  ")).toEqual(notApproved);
    expect(checkTwoPersonRule("admin-1", "admin-1")).toEqual([
      {
        code: "SAME_PREPARER_AND_APPROVER",
        message: "the admin who prepared the results cannot approve them: another admin must approve",
      },
    ]);
  });

  it("each release-date problem with its dates", () => {
    const sitting = "2026-11-07";
    expect(checkReleaseDate(sitting, "2027-02-30", "2026-11-20", DEFAULT_POLICY)).toEqual([
      { code: "RELEASE_DATE_INVALID", message: 'release date "2027-02-30" is not a YYYY-MM-DD date' },
    ]);
    // before the sitting and in the past at once: both are said
    expect(checkReleaseDate(sitting, "2026-11-01", "2026-11-05", DEFAULT_POLICY)).toEqual([
      { code: "RELEASE_BEFORE_SITTING", message: "the release date must be after the sitting (2026-11-07)" },
      { code: "RELEASE_IN_PAST", message: "the release date 2026-11-01 is in the past" },
    ]);
    expect(checkReleaseDate(sitting, "2027-01-03", "2027-01-04", DEFAULT_POLICY)).toEqual([
      { code: "RELEASE_IN_PAST", message: "the release date 2027-01-03 is in the past" },
      {
        code: "RELEASE_TOO_LATE",
        message: "results are released no later than 8 weeks after the sitting: 2027-01-02 at the latest",
      },
    ]);
    // today itself is not in the past; the day after the sitting is after it
    expect(checkReleaseDate(sitting, "2026-11-08", "2026-11-08", DEFAULT_POLICY)).toEqual([]);
  });

  it("every problem at once, the failed checks named in order", () => {
    const verification = verifyResults({ ...good, registered: ["a", "b", "c", "d", "d"] });
    expect(
      releaseProblems({
        verification,
        preparedBy: "admin-1",
        approvedBy: null,
        sittingDate: "2026-11-07",
        releaseDate: "2026-11-07",
        today: "2026-11-20",
        policy: DEFAULT_POLICY,
      }),
    ).toEqual([
      { code: "VERIFICATION_FAILED", message: "checks failed: REGISTERED_WITHOUT_RESULT, DUPLICATE_CANDIDATE" },
      { code: "NOT_APPROVED", message: "the results have not been approved" },
      { code: "RELEASE_BEFORE_SITTING", message: "the release date must be after the sitting (2026-11-07)" },
      { code: "RELEASE_IN_PAST", message: "the release date 2026-11-07 is in the past" },
    ]);
  });
});

describe("verifyResults: a score for someone not in the import", () => {
  it("is a count problem", () => {
    expect(failed({ registered: ["a", "b", "c", "z"], scores: [score("a"), score("b"), score("z")] })).toEqual([
      ["COUNT_MISMATCH", ["z"]],
    ]);
  });
});
