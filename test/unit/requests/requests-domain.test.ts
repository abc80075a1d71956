import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/platform/domain/policy.js";
import {
  appealWindowProblem,
  decisionDueOn,
  decisionInput,
  evidenceOf,
  examAppealBy,
  extendedUntil,
  extensionLengthProblem,
  extensionTimingProblem,
  grantedMonthsProblem,
  historyEventId,
  REQUEST_STATUSES,
  remarkedResult,
  remoteSupervisorProblem,
  requestContent,
  subjectOf,
  supervisorsOf,
  transition,
  type RequestAction,
  type RequestStatus,
} from "../../../functions/src/requests/domain/index.js";

const ALLOWED: Record<RequestAction, RequestStatus[]> = {
  "request-changes": ["submitted", "resubmitted"],
  resubmit: ["changes-requested"],
  withdraw: ["submitted", "changes-requested", "resubmitted"],
  grant: ["submitted", "resubmitted"],
  refuse: ["submitted", "resubmitted"],
};
const TARGET: Record<RequestAction, RequestStatus> = {
  "request-changes": "changes-requested",
  resubmit: "resubmitted",
  withdraw: "withdrawn",
  grant: "granted",
  refuse: "refused",
};

describe("the request lifecycle", () => {
  for (const action of Object.keys(ALLOWED) as RequestAction[]) {
    for (const from of REQUEST_STATUSES) {
      const allowed = ALLOWED[action].includes(from);
      it(`${action} from ${from} is ${allowed ? "allowed" : "refused"}`, () => {
        const t = transition(from, action);
        expect(t.ok).toBe(allowed);
        if (t.ok) expect(t.to).toBe(TARGET[action]);
        else expect(t.problem).toContain(`this one is ${from}`);
      });
    }
  }

  it("final states admit no action at all", () => {
    for (const from of ["granted", "refused", "withdrawn"] as const) {
      for (const action of Object.keys(ALLOWED) as RequestAction[]) expect(transition(from, action).ok).toBe(false);
    }
  });

  it("history ids sort in the order of events", () => {
    expect(historyEventId(1, "submitted")).toBe("001-submitted");
    expect(historyEventId(12, "granted") > historyEventId(9, "resubmitted")).toBe(true);
  });
});

describe("decision deadlines and windows", () => {
  it("the decision is due the policy's days after sending, per kind (remote supervision: 4 weeks)", () => {
    expect(decisionDueOn("2026-03-01", "remote-supervision", DEFAULT_POLICY)).toBe("2026-03-29");
    expect(decisionDueOn("2026-03-01", "exam-appeal", DEFAULT_POLICY)).toBe("2026-04-26");
  });

  it("an extension is sent on or before the deadline's last day, not after", () => {
    expect(extensionTimingProblem("2027-06-30", "2027-06-30")).toBeNull();
    expect(extensionTimingProblem("2027-07-01", "2027-06-30")).toContain("was 2027-06-30");
  });

  it("asks at most maxExtensionMonths", () => {
    expect(extensionLengthProblem(24, DEFAULT_POLICY)).toBeNull();
    expect(extensionLengthProblem(25, DEFAULT_POLICY)).toContain("at most 24 months");
  });

  it("grants at most the months asked, possibly fewer, and moves the deadline in force by them", () => {
    expect(grantedMonthsProblem(6, 6)).toBeNull();
    expect(grantedMonthsProblem(3, 6)).toBeNull();
    expect(grantedMonthsProblem(7, 6)).toContain("at most the 6 months");
    expect(grantedMonthsProblem(undefined, 6)).toContain("grantedMonths");
    expect(extendedUntil("2027-06-30", 3)).toBe("2027-09-30");
  });

  it("an appeal is in time up to and including the last day of the window", () => {
    expect(examAppealBy("2026-05-01", DEFAULT_POLICY)).toBe("2026-05-31");
    expect(appealWindowProblem("2026-05-31", "2026-05-31")).toBeNull();
    expect(appealWindowProblem("2026-06-01", "2026-05-31")).toContain("closed on 2026-05-31");
  });
});

describe("remote supervisor", () => {
  const entry = { level3From: "2020-01-01", level3Until: "2026-12-31" };
  it("must hold Level 3 today, both ends included", () => {
    expect(remoteSupervisorProblem(entry, "2020-01-01", "cand", "sup")).toBeNull();
    expect(remoteSupervisorProblem(entry, "2026-12-31", "cand", "sup")).toBeNull();
    expect(remoteSupervisorProblem(entry, "2019-12-31", "cand", "sup")).toContain("current Level 3");
    expect(remoteSupervisorProblem(entry, "2027-01-01", "cand", "sup")).toContain("current Level 3");
    expect(remoteSupervisorProblem({ ...entry, level3Until: null }, "2040-01-01", "cand", "sup")).toBeNull();
  });
  it("must be in the registry and not the candidate", () => {
    expect(remoteSupervisorProblem(null, "2026-01-01", "cand", "sup")).toContain("not in the registry");
    expect(remoteSupervisorProblem(entry, "2026-01-01", "cand", "cand")).toContain("own remote supervisor");
  });
});

describe("exam re-marking", () => {
  const previous = {
    score: 58,
    maxScore: 100,
    passMark: 60,
    passed: false,
    resultDate: "2026-05-01",
    status: "failed",
  };
  it("a score at the pass mark passes, dated the decision day, and keeps the old result", () => {
    const { update, history } = remarkedResult(previous, { score: 60, passMark: 60 }, "2026-06-10", "req-1");
    expect(update).toEqual({
      score: 60,
      maxScore: 100,
      passMark: 60,
      passed: true,
      status: "passed",
      resultDate: "2026-06-10",
    });
    expect(history).toEqual({ ...previous, replacedOn: "2026-06-10", byRequest: "req-1" });
  });
  it("a score below the pass mark fails", () => {
    const { update } = remarkedResult(previous, { score: 59, passMark: 60 }, "2026-06-10", "req-1");
    expect(update.passed).toBe(false);
    expect(update.status).toBe("failed");
  });
});

describe("request content", () => {
  const extension = {
    kind: "extension",
    target: { deadline: "logbook", examResultId: "exam-1" },
    grounds: "illness",
    requestedMonths: 6,
    explanation: "Sick leave from March to August.",
    letterEvidenceId: "letter-1",
    letterSupervisorUid: "sup-1",
  };
  it("an extension takes only the three grounds", () => {
    for (const grounds of ["parental-leave", "less-than-full-time", "illness"]) {
      expect(requestContent.safeParse({ ...extension, grounds }).success).toBe(true);
    }
    const other = requestContent.safeParse({ ...extension, grounds: "workload" });
    expect(other.success).toBe(false);
    expect(other.error?.issues[0].message).toContain("parental-leave, less-than-full-time or illness");
  });
  it("an extension cannot be sent without the supervisor's letter", () => {
    const { letterEvidenceId: _, ...noLetter } = extension;
    expect(requestContent.safeParse(noLetter).success).toBe(false);
  });
  it("the letter is one of the request's evidence, and its signatory is told", () => {
    const parsed = requestContent.parse({ ...extension, evidenceIds: ["x", "letter-1"] });
    expect(evidenceOf(parsed)).toEqual(["letter-1", "x"]);
    expect(supervisorsOf(parsed)).toEqual(["sup-1"]);
  });
  const remote = {
    kind: "remote-supervision",
    reason: "No Level 3 at my hospital.",
    institutionAnnualCaseload: 400,
    localSupervision: "Level 2 colleague on site.",
    remoteSupervisorUid: "sup-r",
    arrangements: "Weekly review of all cases online.",
    contactTime: "2 hours a week",
    assessmentMethods: "Case review and report audit.",
    from: "2026-01-01",
    to: "2026-12-31",
  };
  it("remote supervision needs all seven items and dates in order", () => {
    expect(requestContent.safeParse(remote).success).toBe(true);
    expect(requestContent.safeParse({ ...remote, to: "2026-01-01", from: "2026-01-01" }).success).toBe(true);
    expect(requestContent.safeParse({ ...remote, to: "2025-12-31" }).success).toBe(false);
    for (const item of [
      "reason",
      "institutionAnnualCaseload",
      "localSupervision",
      "remoteSupervisorUid",
      "arrangements",
      "contactTime",
      "assessmentMethods",
    ]) {
      const without = { ...remote, [item]: undefined };
      expect(requestContent.safeParse(without).success, item).toBe(false);
    }
    expect(supervisorsOf(requestContent.parse(remote))).toEqual(["sup-r"]);
  });
  it("a resubmission keeps its subject: the deadline, the result or the application (remote supervision has none)", () => {
    const ext = requestContent.parse(extension);
    const otherDeadline = requestContent.parse({
      ...extension,
      target: { deadline: "logbook", examResultId: "exam-0" },
    });
    const recert = requestContent.parse({
      ...extension,
      target: { deadline: "recertification", certificationId: "c" },
    });
    const longer = requestContent.parse({ ...extension, requestedMonths: 9 });
    expect(subjectOf(longer)).toBe(subjectOf(ext));
    expect(subjectOf(otherDeadline)).not.toBe(subjectOf(ext));
    expect(subjectOf(recert)).not.toBe(subjectOf(ext));
    expect(subjectOf(requestContent.parse(remote))).toBeNull();
  });
  it("a re-mark is in whole marks, within the test", () => {
    const remark = (r: object) =>
      decisionInput.safeParse({ outcome: "granted", reason: "Re-marked.", remark: r }).success;
    expect(remark({ score: 60, passMark: 60, maxScore: 99 })).toBe(true);
    expect(remark({ score: 60, passMark: 59.5 })).toBe(false);
    expect(remark({ score: 60.5, passMark: 60 })).toBe(false);
    expect(remark({ score: 99, passMark: 60, maxScore: 99 })).toBe(true);
    expect(remark({ score: 100, passMark: 60, maxScore: 99 })).toBe(false);
    expect(remark({ score: 60, passMark: 100, maxScore: 99 })).toBe(false);
  });
  it("a decision always gives a reason", () => {
    expect(decisionInput.safeParse({ outcome: "refused", reason: " " }).success).toBe(false);
    expect(decisionInput.safeParse({ outcome: "granted", reason: "Fine.", grantedMonths: 3 }).success).toBe(true);
  });
});
