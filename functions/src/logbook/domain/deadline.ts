// The logbook deadline: "The application must be submitted no later than 2
// years after having received the exam results"; "if the deadline is not
// respected, the candidate will have to repeat the exam".
import { z } from "zod";
import { addDaysIso, addMonthsIso, maxIso, type IsoDate } from "../../platform/domain/dates.js";
import type { Policy } from "../../platform/domain/policy.js";
import { isoDate } from "./schema.js";
import { message, type MailMessage } from "../../platform/domain/mail.js";
import { latestDue, nextDate, type Milestone } from "../../platform/domain/milestones.js";

export const examResultSchema = z.object({
  uid: z.string().min(1),
  passed: z.boolean(),
  sittingDate: isoDate,
  resultDate: isoDate,
  status: z.enum(["passed", "failed", "expired-for-logbook"]).optional(),
  logbookSubmittedOn: isoDate.nullish(),
  extensionGrantedUntil: isoDate.nullish(),
  // exam (issue 12): written by the release job (functions/src/exam/release-job.ts)
  sessionId: z.string().min(1).optional(),
  score: z.number().int().min(0).optional(),
  /** The number of retained (scored) items. */
  maxScore: z.number().int().min(0).optional(),
  /** The lowest passing score on maxScore. */
  passMark: z.number().int().min(0).optional(),
  runId: z.string().min(1).optional(),
  completionCertificatePath: z.string().nullish(),
  /** Earlier results replaced by a re-marking on appeal (functions/src/requests), oldest first. */
  history: z
    .array(
      z.looseObject({
        passed: z.boolean(),
        resultDate: isoDate,
        replacedOn: isoDate,
        byRequest: z.string(),
      }),
    )
    .optional(),
});
export type ExamResult = z.infer<typeof examResultSchema> & { id: string };

/** The last day on which the logbook may be submitted. */
export function logbookDeadline(exam: ExamResult, policy: Policy): IsoDate {
  const regular = addMonthsIso(exam.resultDate, policy.deadlines.logbookSubmissionMonths);
  return exam.extensionGrantedUntil ? maxIso(regular, exam.extensionGrantedUntil) : regular;
}

/** 6, 3 and 1 month(s) and 1 week before the deadline. */
export function logbookMilestones(exam: ExamResult, policy: Policy): Milestone[] {
  const deadline = logbookDeadline(exam, policy);
  const { monthsBefore, daysBefore } = policy.logbookReminders;
  return [
    ...monthsBefore.map((m) => ({ key: `m-${m}`, on: addMonthsIso(deadline, -m) })),
    ...daysBefore.map((d) => ({ key: `d-${d}`, on: addDaysIso(deadline, -d) })),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

export type ExamAction = { kind: "remind"; milestone: string } | { kind: "expire" };

export function planLogbookDeadline(
  exam: ExamResult,
  today: IsoDate,
  policy: Policy,
): { actions: ExamAction[]; nextActionOn: IsoDate | null } {
  const open = exam.passed && (exam.status ?? "passed") === "passed" && !exam.logbookSubmittedOn;
  if (!open) return { actions: [], nextActionOn: null };
  const deadline = logbookDeadline(exam, policy);
  if (today > deadline) return { actions: [{ kind: "expire" }], nextActionOn: null };
  const milestones = logbookMilestones(exam, policy);
  const due = latestDue(milestones, today);
  return {
    actions: due ? [{ kind: "remind", milestone: due.key }] : [],
    nextActionOn: nextDate([...milestones.map((m) => m.on), addDaysIso(deadline, 1)], today),
  };
}

export const logbookMailIds = {
  reminder: (examId: string, milestone: string) => `logbook-${examId}-${milestone}`,
  expired: (examId: string) => `logbook-${examId}-expired`,
};

export function logbookReminderMail(exam: ExamResult, policy: Policy): MailMessage {
  const deadline = logbookDeadline(exam, policy);
  return message(`Reminder: submit your CMR logbook by ${deadline}`, [
    `You passed the EACVI CMR exam of ${exam.sittingDate}. Your logbook must be submitted by ${deadline}.`,
    "No late submissions are accepted: after that date the exam must be repeated. Extensions (parental leave, less-than-full-time work, illness) must be requested before the deadline, with a signed letter from your supervisor.",
  ]);
}

export function logbookExpiredMail(exam: ExamResult, policy: Policy): MailMessage {
  return message("Your CMR logbook deadline has passed", [
    `The deadline to submit the logbook for the EACVI CMR exam of ${exam.sittingDate} was ${logbookDeadline(exam, policy)}. No logbook was submitted, so the exam must be repeated before applying for certification.`,
    "Your draft application has been closed; its content is kept.",
  ]);
}
