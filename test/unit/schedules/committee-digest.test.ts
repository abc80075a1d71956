import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/logbook/domain/index.js";
import {
  committeeDigest,
  digestCutoffs,
  digestMailId,
  questionsAskedBy,
} from "../../../functions/src/digest/domain/committee-digest.js";

const empty = { overdueLogbooks: [], overdueRequests: [], unreleasedExams: [], unreachableUsers: [] };

describe("committee digest", () => {
  it("overdue means submitted 3 months ago, a request's due date passed, sat 8 weeks ago", () => {
    expect(digestCutoffs("2026-11-29", DEFAULT_POLICY)).toEqual({
      logbooksSubmittedBy: "2026-08-29",
      requestsDueBefore: "2026-11-29",
      examsSatBy: "2026-10-04",
    });
  });

  it("is not sent when nothing is overdue", () => {
    expect(committeeDigest("2026-11-29", empty, DEFAULT_POLICY)).toBeNull();
  });

  it("lists each kind of overdue work under its heading", () => {
    const digest = committeeDigest(
      "2026-11-29",
      {
        ...empty,
        overdueLogbooks: [{ applicationId: "a1", submittedOn: "2026-08-01" }],
        unreachableUsers: [{ uid: "u9", about: "x" }],
      },
      DEFAULT_POLICY,
    );
    expect(digest?.subject).toBe("CMR certification: overdue work on 2026-11-29");
    expect(digest?.text).toContain(
      "Logbooks without a result 3 months after submission (1):\n- application a1, submitted 2026-08-01",
    );
    expect(digest?.text).toContain("user u9");
    expect(digest?.text).not.toContain("Requests and appeals");
  });
});

describe("committee digest: requests", () => {
  it("lists overdue requests of every kind with their due date", () => {
    const digest = committeeDigest(
      "2026-11-29",
      {
        ...empty,
        overdueRequests: [
          { requestId: "r1", kind: "remote-supervision", dueOn: "2026-11-28" },
          { requestId: "r2", kind: "exam-appeal", dueOn: "2026-11-01" },
        ],
      },
      DEFAULT_POLICY,
    );
    expect(digest?.text).toContain(
      "Requests and appeals not decided by their due date (remote supervision: 4 weeks) (2):",
    );
    expect(digest?.text).toContain("- remote-supervision request r1, due 2026-11-28");
    expect(digest?.text).toContain("- exam-appeal request r2, due 2026-11-01");
  });
});

describe("committee digest: grading", () => {
  it("lists unassigned applications, old questions, splits for the chair and denied checks", () => {
    const digest = committeeDigest(
      "2026-11-29",
      {
        ...empty,
        unassignedApplications: [{ applicationId: "a1", since: "2026-11-20" }],
        openQuestions: [{ applicationId: "a2", questionId: "q1", askedOn: "2026-11-01" }],
        awaitingChair: [{ applicationId: "a3" }],
        deniedChecks: [{ applicationId: "a4", caseId: "case-9" }],
      },
      DEFAULT_POLICY,
    );
    expect(digest?.text).toContain("Applications waiting for graders");
    expect(digest?.text).toContain("application a1, waiting since 2026-11-20");
    expect(digest?.text).toContain("Graders' questions unanswered after 14 days (1):");
    expect(digest?.text).toContain("application a2, question q1, asked 2026-11-01");
    expect(digest?.text).toContain("Decisions waiting for the chair");
    expect(digest?.text).toContain("application a3");
    expect(digest?.text).toContain("application a4, case case-9");
  });

  it("a question is overdue from 14 days after it was asked", () => {
    expect(questionsAskedBy("2026-11-29", DEFAULT_POLICY)).toBe("2026-11-15");
  });
});

describe("committee digest: every section, worked out by hand", () => {
  it("each section has its heading, its count and one line per item; sections are paragraphs", () => {
    const digest = committeeDigest(
      "2026-11-29",
      {
        overdueLogbooks: [],
        overdueRequests: [
          { requestId: "r1", kind: "remote-supervision", dueOn: "2026-10-29" },
          { requestId: "r2", kind: "extension", dueOn: "2026-10-30" },
        ],
        unreleasedExams: [{ sessionId: "s1", sittingDate: "2026-09-01" }],
        unreachableUsers: [{ uid: "u1", about: "reminder" }],
        unassignedApplications: [{ applicationId: "a1", since: null }],
        deniedChecks: [{ applicationId: "a4", caseId: "case-9" }],
      },
      DEFAULT_POLICY,
    );
    expect(digest?.text).toBe(
      [
        "Requests and appeals not decided by their due date (remote supervision: 4 weeks) (2):\n- remote-supervision request r1, due 2026-10-29\n- extension request r2, due 2026-10-30",
        "Exam results not released 8 weeks after the sitting (1):\n- session s1, sat 2026-09-01",
        "Applications waiting for graders (fewer than two eligible: reassignGrader) (1):\n- application a1",
        "Random checks denied by the supervisor (1):\n- application a4, case case-9",
        "People who could not be e-mailed (no address in their profile) (1):\n- user u1: reminder",
      ].join("\n\n"),
    );
  });

  it("one digest mail a day, named after the day", () => {
    expect(digestMailId("2026-11-29")).toBe("digest-2026-11-29");
    expect(digestMailId("2026-11-30")).not.toBe(digestMailId("2026-11-29"));
  });
});
