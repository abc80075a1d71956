// What the candidate and the named supervisor are told at each step of a
// request, what each kind of request is about and who it names: the requests
// domain's mutation survivors, stated as the programme's expectations.
import { describe, expect, it } from "vitest";
import {
  candidateMail,
  decisionInput,
  evidenceOf,
  remoteSupervisorProblem,
  requestContent,
  requestMailId,
  subjectOf,
  supervisorMail,
  supervisorsOf,
  type TransitionFacts,
} from "../../../functions/src/requests/domain/index.js";

const facts = (over: Partial<TransitionFacts> = {}): TransitionFacts => ({
  requestId: "req-1",
  kind: "extension",
  status: "submitted",
  reason: null,
  candidateName: null,
  decisionDueOn: "2026-07-01",
  effect: null,
  ...over,
});
const paragraphs = (text: string) => text.split("\n\n");

describe("request mails", () => {
  it("one message per request, transition and recipient", () => {
    expect(requestMailId("req-1", "h2", "u9")).toBe("request-req-1-h2-u9");
  });

  it.each([
    ["submitted", "The extension request req-1 was submitted. A decision is due by 2026-07-01."],
    ["resubmitted", "The extension request req-1 was resubmitted. A decision is due by 2026-07-01."],
    [
      "changes-requested",
      "Changes were requested to the extension request req-1. Resubmit it (resubmitRequest) once changed; the decision clock restarts then.",
    ],
    ["withdrawn", "The extension request req-1 was withdrawn."],
    ["granted", "The extension request req-1 was decided: granted."],
    ["refused", "The extension request req-1 was decided: refused."],
  ] as const)("the candidate is told when it is %s", (status, line) => {
    const mail = candidateMail(facts({ status }));
    expect(mail.subject).toBe(`CMR certification: your extension request (${status})`);
    expect(paragraphs(mail.text)).toEqual([line]);
  });

  it.each([
    ["logbook-appeal", "granted", "The logbook appeal req-1 was decided: overturned."],
    ["logbook-appeal", "refused", "The logbook appeal req-1 was decided: upheld."],
    ["exam-appeal", "granted", "The exam appeal req-1 was decided: re-marked."],
    ["exam-appeal", "refused", "The exam appeal req-1 was decided: confirmed."],
    ["remote-supervision", "granted", "The remote-supervision request req-1 was decided: approved."],
    ["special-circumstances", "granted", "The special-circumstances request req-1 was decided: granted."],
  ] as const)("a %s %s is told in its own words", (kind, status, line) => {
    expect(paragraphs(candidateMail(facts({ kind, status })).text)).toEqual([line]);
  });

  it("the reason and the effect follow the status line, when there are any", () => {
    const mail = candidateMail(
      facts({ status: "granted", reason: "Illness certified.", effect: "Your logbook deadline is now 2027-05-01." }),
    );
    expect(paragraphs(mail.text)).toEqual([
      "The extension request req-1 was decided: granted.",
      "Reason: Illness certified.",
      "Your logbook deadline is now 2027-05-01.",
    ]);
  });

  it("the supervisor's copy says whose request names them, then the same lines", () => {
    const mail = supervisorMail(
      facts({
        kind: "remote-supervision",
        status: "refused",
        candidateName: "Dr Ada",
        reason: "Local Level 3 exists.",
        effect: "None.",
      }),
    );
    expect(mail.subject).toBe("CMR certification: a remote-supervision request naming you (refused)");
    expect(paragraphs(mail.text)).toEqual([
      "You are named in the remote-supervision request req-1 of Dr Ada. You can read it in the application and add your statement while it is open.",
      "The remote-supervision request req-1 was decided: refused.",
      "Reason: Local Level 3 exists.",
      "None.",
    ]);
    expect(paragraphs(supervisorMail(facts()).text)).toEqual([
      "You are named in the extension request req-1. You can read it in the application and add your statement while it is open.",
      "The extension request req-1 was submitted. A decision is due by 2026-07-01.",
    ]);
  });
});

describe("what each kind of request is about, and whom it names", () => {
  const appeal = (kind: string, subject: Record<string, string>) =>
    requestContent.parse({ kind, grounds: "The marking was wrong.", evidenceIds: ["ev-2", "ev-1"], ...subject });
  const examAppeal = appeal("exam-appeal", { examResultId: "res-1" });
  const logbookAppeal = appeal("logbook-appeal", { applicationId: "app-1" });
  const special = requestContent.parse({
    kind: "special-circumstances",
    applicationId: "app-2",
    text: "Maternity leave during the training.",
  });

  it("an exam appeal is about its result; a logbook appeal and special circumstances about their application", () => {
    expect(subjectOf(examAppeal)).toBe("res-1");
    expect(subjectOf(logbookAppeal)).toBe("app-1");
    expect(subjectOf(special)).toBe("app-2");
  });
  it("appeals and special circumstances name no supervisor", () => {
    for (const content of [examAppeal, logbookAppeal, special]) expect(supervisorsOf(content)).toEqual([]);
  });
  it("a request other than an extension names only its attachments as evidence", () => {
    expect(evidenceOf(examAppeal)).toEqual(["ev-2", "ev-1"]);
    expect(evidenceOf(special)).toEqual([]);
  });
});

describe("limits of a decision and of a remote supervisor", () => {
  const remark = (r: object) =>
    decisionInput.safeParse({ outcome: "granted", reason: "Re-marked.", remark: r }).success;
  it("a re-mark without a maximum is accepted", () => {
    expect(remark({ score: 60, passMark: 60 })).toBe(true);
  });
  it("a pass mark equal to the maximum is accepted; one above it is refused", () => {
    expect(remark({ score: 99, passMark: 99, maxScore: 99 })).toBe(true);
    expect(remark({ score: 99, passMark: 100, maxScore: 99 })).toBe(false);
  });
  it("a supervisor whose Level 3 has no end date, asked before it began, is refused with the open end named", () => {
    expect(remoteSupervisorProblem({ level3From: "2020-01-01", level3Until: null }, "2019-12-31", "cand", "sup")).toBe(
      "sup does not hold a current Level 3 certification (2020-01-01 – open)",
    );
  });
});
