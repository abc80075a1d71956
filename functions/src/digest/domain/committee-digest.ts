// The committee's daily digest of overdue work: logbooks without a result 3
// months after submission, requests of every kind (functions/src/requests)
// past their decision date, exam results not released 8 weeks after the sitting, and people the
// system could not e-mail.
import { addDaysIso, addMonthsIso, type IsoDate } from "../../platform/domain/dates.js";
import type { Policy } from "../../platform/domain/policy.js";
import { message, type MailMessage } from "../../platform/domain/mail.js";

export interface DigestCutoffs {
  /** Logbooks submitted on or before this date are overdue. */
  logbooksSubmittedBy: IsoDate;
  /** Requests waiting for a decision whose decisionDueOn is before this date are overdue. */
  requestsDueBefore: IsoDate;
  examsSatBy: IsoDate;
}

export function digestCutoffs(today: IsoDate, policy: Policy): DigestCutoffs {
  const d = policy.committeeDeadlines;
  return {
    logbooksSubmittedBy: addMonthsIso(today, -d.logbookResultMonths),
    requestsDueBefore: today,
    examsSatBy: addDaysIso(today, -7 * d.examResultsWeeks),
  };
}

export interface DigestItems {
  overdueLogbooks: { applicationId: string; submittedOn: IsoDate }[];
  /** Requests of every kind still waiting for a decision after their decisionDueOn. */
  overdueRequests: { requestId: string; kind: string; dueOn: IsoDate }[];
  unreleasedExams: { sessionId: string; sittingDate: IsoDate }[];
  unreachableUsers: { uid: string; about: string }[];
  /** Grading (functions/src/grading): applications without two eligible graders. */
  unassignedApplications?: { applicationId: string; since: IsoDate | null }[];
  /** Graders' questions the candidate has not answered for `grading.questionOverdueDays`. */
  openQuestions?: { applicationId: string; questionId: string; askedOn: IsoDate }[];
  /** Splits between the graders waiting for the chair. */
  awaitingChair?: { applicationId: string }[];
  /** Random checks a supervisor denied (reported once). */
  deniedChecks?: { applicationId: string; caseId: string }[];
}

/** Questions asked on or before this date are overdue. */
export const questionsAskedBy = (today: IsoDate, policy: Policy) =>
  addDaysIso(today, -policy.grading.questionOverdueDays);

export const digestMailId = (today: IsoDate) => `digest-${today}`;

/** The digest, or null when there is nothing to report. */
export function committeeDigest(today: IsoDate, items: DigestItems, policy: Policy): MailMessage | null {
  const d = policy.committeeDeadlines;
  const sections: string[] = [];
  const section = (title: string, lines: string[]) => {
    if (lines.length) sections.push(`${title} (${lines.length}):\n${lines.map((l) => `- ${l}`).join("\n")}`);
  };
  section(
    `Logbooks without a result ${d.logbookResultMonths} months after submission`,
    items.overdueLogbooks.map((l) => `application ${l.applicationId}, submitted ${l.submittedOn}`),
  );
  section(
    "Requests and appeals not decided by their due date (remote supervision: 4 weeks)",
    items.overdueRequests.map((r) => `${r.kind} request ${r.requestId}, due ${r.dueOn}`),
  );
  section(
    `Exam results not released ${d.examResultsWeeks} weeks after the sitting`,
    items.unreleasedExams.map((e) => `session ${e.sessionId}, sat ${e.sittingDate}`),
  );
  section(
    "Applications waiting for graders (fewer than two eligible: reassignGrader)",
    (items.unassignedApplications ?? []).map(
      (a) => `application ${a.applicationId}${a.since ? `, waiting since ${a.since}` : ""}`,
    ),
  );
  section(
    `Graders' questions unanswered after ${policy.grading.questionOverdueDays} days`,
    (items.openQuestions ?? []).map(
      (q) => `application ${q.applicationId}, question ${q.questionId}, asked ${q.askedOn}`,
    ),
  );
  section(
    "Decisions waiting for the chair (the graders disagree)",
    (items.awaitingChair ?? []).map((a) => `application ${a.applicationId}`),
  );
  section(
    "Random checks denied by the supervisor",
    (items.deniedChecks ?? []).map((c) => `application ${c.applicationId}, case ${c.caseId}`),
  );
  section(
    "People who could not be e-mailed (no address in their profile)",
    items.unreachableUsers.map((u) => `user ${u.uid}: ${u.about}`),
  );
  if (sections.length === 0) return null;
  return message(`CMR certification: overdue work on ${today}`, sections);
}
