// The committee's daily digest of overdue work: logbooks without a result 3
// months after submission, remote-supervision requests unanswered after 4
// weeks, exam results not released 8 weeks after the sitting, and people the
// system could not e-mail.
import { addDaysIso, addMonthsIso, type IsoDate } from "../../platform/domain/dates.js";
import type { Policy } from "../../platform/domain/policy.js";
import { message, type MailMessage } from "../../platform/domain/mail.js";

export interface DigestCutoffs {
  /** Logbooks submitted on or before this date are overdue. */
  logbooksSubmittedBy: IsoDate;
  remoteRequestsSentBy: IsoDate;
  examsSatBy: IsoDate;
}

export function digestCutoffs(today: IsoDate, policy: Policy): DigestCutoffs {
  const d = policy.committeeDeadlines;
  return {
    logbooksSubmittedBy: addMonthsIso(today, -d.logbookResultMonths),
    remoteRequestsSentBy: addDaysIso(today, -d.remoteSupervisionAnswerDays),
    examsSatBy: addDaysIso(today, -7 * d.examResultsWeeks),
  };
}

export interface DigestItems {
  overdueLogbooks: { applicationId: string; submittedOn: IsoDate }[];
  unansweredRemoteRequests: { requestId: string; requestedOn: IsoDate }[];
  unreleasedExams: { sessionId: string; sittingDate: IsoDate }[];
  unreachableUsers: { uid: string; about: string }[];
}

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
    `Remote-supervision requests unanswered after ${d.remoteSupervisionAnswerDays} days`,
    items.unansweredRemoteRequests.map((r) => `request ${r.requestId}, sent ${r.requestedOn}`),
  );
  section(
    `Exam results not released ${d.examResultsWeeks} weeks after the sitting`,
    items.unreleasedExams.map((e) => `session ${e.sessionId}, sat ${e.sittingDate}`),
  );
  section(
    "People who could not be e-mailed (no address in their profile)",
    items.unreachableUsers.map((u) => `user ${u.uid}: ${u.about}`),
  );
  if (sections.length === 0) return null;
  return message(`CMR certification: overdue work on ${today}`, sections);
}
