// The results letter (e-mail and in-app) and the message that brings the
// certificate of completion; their deterministic ids (one message per result).
import { addMonthsIso, type IsoDate } from "../../platform/domain/dates.js";
import { message, type MailMessage } from "../../platform/domain/mail.js";
import type { Policy } from "../../platform/domain/policy.js";

export interface ReleasedResult {
  sittingDate: IsoDate;
  resultDate: IsoDate;
  passed: boolean;
  score: number;
  maxScore: number;
  /** The lowest passing score on maxScore. */
  passMark: number;
}

export const examMailIds = {
  letter: (resultId: string) => `exam-result-${resultId}`,
  certificate: (resultId: string) => `exam-certificate-${resultId}`,
};

/** The policy's logbook period in words: "2 years", "1 year", "18 months". */
function period(months: number): string {
  if (months % 12 !== 0) return `${months} months`;
  return months === 12 ? "1 year" : `${months / 12} years`;
}

export function resultLetter(r: ReleasedResult, policy: Policy): MailMessage {
  const scoreLine = `Your score: ${r.score} out of ${r.maxScore} scored questions. The pass mark: ${r.passMark}.`;
  if (r.passed) {
    const months = policy.deadlines.logbookSubmissionMonths;
    const deadline = addMonthsIso(r.resultDate, months);
    return message("Your EACVI CMR exam result: passed", [
      `Congratulations: you passed the EACVI CMR written exam of ${r.sittingDate}.`,
      scoreLine,
      "Your certificate of completion of the written exam follows in a separate message and is available in your account.",
      `You now have access to the logbook platform. The logbook must be submitted no later than ${deadline} (${period(months)} after these results); after that date the exam must be repeated.`,
    ]);
  }
  return message("Your EACVI CMR exam result", [
    `You did not pass the EACVI CMR written exam of ${r.sittingDate}.`,
    scoreLine,
    "You may register for a later session. An appeal is possible: the procedure is described on the programme's page.",
  ]);
}

export function completionMail(sittingDate: IsoDate): MailMessage {
  return message("Your certificate of completion of the EACVI CMR written exam", [
    `Attached is your certificate of completion of the EACVI CMR written exam of ${sittingDate}.`,
    "Keep it: the logbook application refers to this exam result.",
  ]);
}
