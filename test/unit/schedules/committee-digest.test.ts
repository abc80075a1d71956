import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/logbook/domain/index.js";
import {
  committeeDigest,
  digestCutoffs,
  digestMailId,
  questionsAskedBy,
} from "../../../functions/src/digest/domain/committee-digest.js";

const empty = { overdueLogbooks: [], unansweredRemoteRequests: [], unreleasedExams: [], unreachableUsers: [] };

describe("committee digest", () => {
  it("overdue means submitted 3 months ago, requested 4 weeks ago, sat 8 weeks ago", () => {
    expect(digestCutoffs("2026-11-29", DEFAULT_POLICY)).toEqual({
      logbooksSubmittedBy: "2026-08-29",
      remoteRequestsSentBy: "2026-11-01",
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
    expect(digest?.text).not.toContain("Remote-supervision");
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
        unansweredRemoteRequests: [
          { requestId: "r1", requestedOn: "2026-10-01" },
          { requestId: "r2", requestedOn: "2026-10-02" },
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
        "Remote-supervision requests unanswered after 28 days (2):\n- request r1, sent 2026-10-01\n- request r2, sent 2026-10-02",
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
