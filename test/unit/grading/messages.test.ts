// What graders, supervisors, the chair and the candidate are told during
// grading, word for word, and the deterministic ids that make each message
// go out once ever (a retried write finds the same document).
import { describe, expect, it } from "vitest";
import {
  answeredMail,
  assignedMail,
  chairMail,
  checkRequestMail,
  failedMail,
  messageIds,
  passedMail,
  questionMail,
  revokedMail,
} from "../../../functions/src/grading/domain/messages.js";

const paragraphs = (text: string) => text.split("\n\n");

describe("message ids: one per event, ever", () => {
  it("name the application, the submission and what is specific to the event", () => {
    expect(messageIds.assigned("app-1", 2, "g1")).toBe("grading-app-1-2-assigned-g1");
    expect(messageIds.check("app-1", 2, "case-7")).toBe("grading-app-1-2-check-case-7");
    expect(messageIds.question("app-1", "q1")).toBe("grading-app-1-question-q1");
    expect(messageIds.answered("app-1", "q1")).toBe("grading-app-1-answered-q1");
    expect(messageIds.chair("app-1", 2, "c1")).toBe("grading-app-1-2-chair-c1");
    expect(messageIds.result("app-1", 2)).toBe("grading-app-1-2-result");
    expect(messageIds.resultOnAppeal("app-1", 2)).toBe("grading-app-1-2-result-appeal");
    expect(messageIds.revoked("cert-1")).toBe("certification-cert-1-revoked");
  });
});

describe("grading mails", () => {
  it("a grader is told which logbook and how to grade it", () => {
    const mail = assignedMail("app-1", 2);
    expect(mail.subject).toBe("CMR certification: logbook app-1 to grade");
    expect(paragraphs(mail.text)).toEqual([
      "You have been assigned the logbook of application app-1 (submission 2) to grade.",
      "Grade from the submission snapshot: each area meets or does not meet the requirements, a comment, and an overall pass or fail. You may ask the candidate for more information.",
    ]);
  });

  it("a supervisor is asked to confirm one case, identified without patient data", () => {
    const mail = checkRequestMail("app-1", { caseId: "case-7", patientRef: "P-0042", studyDate: "2025-03-04" });
    expect(mail.subject).toBe("CMR certification: please confirm a case you supervised");
    expect(paragraphs(mail.text)).toEqual([
      "As part of the random checks of the EACVI CMR certification, please confirm that you supervised case case-7 (patient reference P-0042, study of 2025-03-04) of application app-1.",
      "Answer with the answerRandomCheck function: confirm or deny, with a comment if needed.",
    ]);
  });

  it("the candidate reads the grader's question, and the grader learns it was answered", () => {
    const question = questionMail("app-1", "Which centre performed case 12?");
    expect(question.subject).toBe("CMR certification: a grader asks for more information");
    expect(paragraphs(question.text)).toEqual([
      "A grader of your application app-1 asks:",
      "Which centre performed case 12?",
      "Answer with text and, where asked, accepted evidence files (answerQuestion). Grading waits for your answer.",
    ]);
    const answered = answeredMail("app-1", "q1");
    expect(answered.subject).toBe("CMR certification: the candidate answered your question");
    expect(answered.text).toBe("The candidate of application app-1 answered your question q1.");
  });

  it("the chair is told the graders disagree and that the decision is theirs", () => {
    const mail = chairMail("app-1");
    expect(mail.subject).toBe("CMR certification: graders disagree on app-1");
    expect(mail.text).toBe(
      "The two graders of application app-1 disagree. As chair, your decision is final (decideAsChair).",
    );
  });

  it("a pass names the level, the number, the expiry and the verification code", () => {
    const mail = passedMail(3, "CMR-L3-2026-00007", "ABCD-EFGH-JKMN", "2031-11-30");
    expect(mail.subject).toBe("CMR certification: you are certified Level 3");
    expect(paragraphs(mail.text)).toEqual([
      "Congratulations: the EACVI Certification Committee has awarded you the EACVI CMR Level 3 certification.",
      "Certificate number CMR-L3-2026-00007, valid until 2031-11-30. Anyone can check it with the verification code ABCD-EFGH-JKMN.",
      "Your certificate (PDF) is available in your account; your name is now on the public register.",
    ]);
  });

  it("a failure gives every reason and the last day to appeal", () => {
    const mail = failedMail(["too few congenital cases", "no ACLS certificate"], "2026-12-30");
    expect(mail.subject).toBe("CMR certification: logbook not accepted");
    expect(paragraphs(mail.text)).toEqual([
      "The EACVI Certification Committee did not accept your logbook. The graders' reasons:",
      "- too few congenital cases",
      "- no ACLS certificate",
      "You may appeal this decision until 2026-12-30.",
    ]);
  });

  it("a revocation names the certification, the day, the register and the reason", () => {
    const mail = revokedMail(2, "CMR-L2-2026-00001", "2027-01-05", "falsified logbook");
    expect(mail.subject).toBe("CMR certification: certification revoked");
    expect(paragraphs(mail.text)).toEqual([
      "Your EACVI CMR Level 2 certification CMR-L2-2026-00001 was revoked on 2027-01-05, and your name has been removed from the public register.",
      "Reason: falsified logbook",
    ]);
  });
});
