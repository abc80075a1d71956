// Who may open a logbook application (issue 12): "Access to the logbook
// platform is granted to candidates only after having successfully passed the
// written exam." Level 2 and direct Level 3 need a passed exam result of the
// candidate that has not expired for the logbook; Level 3 via Level 2 needs a
// current Level 2 certification of the candidate. firestore.rules
// (logbookAccess) checks the same on create; this says what is missing.
import type { IsoDate } from "../../platform/domain/dates.js";
import type { Route } from "../../platform/domain/programme.js";

export interface AccessExam {
  uid?: unknown;
  passed?: unknown;
  status?: unknown;
  sittingDate?: unknown;
}
export interface AccessCertification {
  uid?: unknown;
  level?: unknown;
  status?: unknown;
  expiresOn?: unknown;
}

export interface AccessInput {
  route: Route;
  /** The candidate opening the application. */
  uid: string;
  examResultId: string | null;
  /** The examResults document named by examResultId (null when absent). */
  exam: AccessExam | null;
  level2CertificationId: string | null;
  level2: AccessCertification | null;
  today: IsoDate;
}

/** Null when the application may be created; otherwise what is missing, in words for the candidate. */
export function logbookAccessProblem(input: AccessInput): string | null {
  if (input.route === "level3-via-level2") {
    const id = input.level2CertificationId;
    const c = input.level2;
    if (!id)
      return "A Level 3 via Level 2 application needs your current Level 2 certification: name it (level2CertificationId).";
    if (input.examResultId)
      return "A Level 3 via Level 2 application rests on your Level 2 certification only: leave the exam result empty.";
    if (!c) return `Certification ${id} does not exist.`;
    if (c.uid !== input.uid) return `Certification ${id} is not yours.`;
    if (c.level !== 2) return `Certification ${id} is not a Level 2 certification.`;
    if ((c.status ?? "active") !== "active" || typeof c.expiresOn !== "string" || c.expiresOn < input.today) {
      return `Your Level 2 certification ${id} is not current (status ${String(c.status ?? "active")}, expiry ${String(c.expiresOn)}): Level 3 via Level 2 needs a current one.`;
    }
    return null;
  }
  const id = input.examResultId;
  const e = input.exam;
  if (!id) {
    return "Access to the logbook is granted only after passing the written exam: name your passed exam result (examResultId).";
  }
  if (input.level2CertificationId)
    return "This route rests on your exam result only: leave the Level 2 certification empty (it is for Level 3 via Level 2).";
  if (!e) return `Exam result ${id} does not exist.`;
  if (e.uid !== input.uid) return `Exam result ${id} is not yours.`;
  if (e.passed !== true)
    return `The exam of ${String(e.sittingDate)} was not passed: the logbook opens after a passed exam.`;
  if ((e.status ?? "passed") !== "passed") {
    return `The exam result of ${String(e.sittingDate)} has expired for the logbook (the submission deadline passed): the exam must be repeated.`;
  }
  return null;
}
