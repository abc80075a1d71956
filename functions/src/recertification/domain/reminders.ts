// Recertification: reminders in the window around expiry, and the expiries.
// "Candidates must apply for recertification from six months before to six
// months after the current certification expiration date ... automatic
// reminders ... No late submissions will be accepted and, if the deadline is
// not respected, the candidate will have to repeat the certification process."
import { z } from "zod";
import { addDaysIso, addMonthsIso, maxIso, type IsoDate } from "../../platform/domain/dates.js";
import type { Policy } from "../../platform/domain/policy.js";
import { isoDate, type MembershipTier } from "../../platform/domain/programme.js";
import { message, type MailMessage } from "../../platform/domain/mail.js";
import { latestDue, nextDate, type Milestone } from "../../platform/domain/milestones.js";

export { MEMBERSHIP_TIERS, type MembershipTier } from "../../platform/domain/programme.js";

export const certificationSchema = z.object({
  uid: z.string().min(1),
  level: z.union([z.literal(2), z.literal(3)]),
  expiresOn: isoDate,
  status: z.enum(["active", "expired", "lapsed", "renewed", "revoked"]),
  recertificationSubmitted: z.boolean().default(false),
  /** The open recertification application: while it is there, no reminder; it lapses with the certification unless submitted. */
  recertificationApplicationId: z.string().min(1).nullish(),
  extensionGrantedUntil: isoDate.nullish(),
});
export type Certification = z.infer<typeof certificationSchema> & { id: string };

export interface RecertificationWindow {
  opensOn: IsoDate;
  /** The last day on which a recertification may be submitted. */
  closesOn: IsoDate;
}

export function recertificationWindow(cert: Certification, policy: Policy): RecertificationWindow {
  const { windowMonthsBefore, windowMonthsAfter } = policy.recertification;
  const regular = addMonthsIso(cert.expiresOn, windowMonthsAfter);
  return {
    opensOn: addMonthsIso(cert.expiresOn, -windowMonthsBefore),
    closesOn: cert.extensionGrantedUntil ? maxIso(regular, cert.extensionGrantedUntil) : regular,
  };
}

/** −6, −3, 0 and +3 months around expiry, and a final notice 2 weeks before the window closes. */
export function recertificationMilestones(cert: Certification, policy: Policy): Milestone[] {
  const { windowMonthsBefore, windowMonthsAfter, reminderEveryMonths, finalNoticeDaysBefore } = policy.recertification;
  const milestones: Milestone[] = [];
  for (let m = -windowMonthsBefore; m < windowMonthsAfter; m += reminderEveryMonths) {
    milestones.push({ key: `m${m >= 0 ? "+" : ""}${m}`, on: addMonthsIso(cert.expiresOn, m) });
  }
  const { closesOn } = recertificationWindow(cert, policy);
  milestones.push({ key: "final", on: addDaysIso(closesOn, -finalNoticeDaysBefore) });
  return milestones.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

export type CertificationAction = { kind: "remind"; milestone: string } | { kind: "expire" } | { kind: "lapse" };

export interface CertificationPlan {
  actions: CertificationAction[];
  /** When the job must look at this certification again (null: never). */
  nextActionOn: IsoDate | null;
}

/**
 * What to do about one certification today. Pure: (state, today) -> actions.
 * A submitted recertification stops everything until its decision; an
 * application opened but not submitted stops the reminders, not the lapse
 * (no late submissions): the job closes it with the certification.
 */
export function planRecertification(cert: Certification, today: IsoDate, policy: Policy): CertificationPlan {
  if (
    cert.status === "lapsed" ||
    cert.status === "renewed" ||
    cert.status === "revoked" ||
    cert.recertificationSubmitted
  ) {
    return { actions: [], nextActionOn: null };
  }
  const { closesOn } = recertificationWindow(cert, policy);
  if (today > closesOn) return { actions: [{ kind: "lapse" }], nextActionOn: null };
  if (cert.recertificationApplicationId) return { actions: [], nextActionOn: addDaysIso(closesOn, 1) };

  const actions: CertificationAction[] = [];
  if (cert.status === "active" && today >= cert.expiresOn) actions.push({ kind: "expire" });
  const milestones = recertificationMilestones(cert, policy);
  const due = latestDue(milestones, today);
  if (due) actions.push({ kind: "remind", milestone: due.key });
  const nextActionOn = nextDate([...milestones.map((m) => m.on), cert.expiresOn, addDaysIso(closesOn, 1)], today);
  return { actions, nextActionOn };
}

export function recertificationFee(tier: MembershipTier, policy: Policy): string {
  const { feesExclVat, currency } = policy.recertification;
  return `${currency === "EUR" ? "€" : `${currency} `}${feesExclVat[tier]} (excluding VAT)`;
}

export const mailIds = {
  reminder: (certId: string, milestone: string) => `recert-${certId}-${milestone}`,
  lapsed: (certId: string) => `recert-${certId}-lapsed`,
};

export function reminderMail(
  cert: Certification,
  milestone: string,
  tier: MembershipTier,
  today: IsoDate,
  policy: Policy,
): MailMessage {
  const { closesOn } = recertificationWindow(cert, policy);
  const level = `Level ${cert.level}`;
  const status =
    today >= cert.expiresOn
      ? `Your EACVI CMR ${level} certification expired on ${cert.expiresOn}.`
      : `Your EACVI CMR ${level} certification expires on ${cert.expiresOn}.`;
  const subject =
    milestone === "final"
      ? `Final notice: apply for CMR recertification by ${closesOn}`
      : `Reminder: apply for CMR recertification by ${closesOn}`;
  return message(subject, [
    status,
    `You can apply for recertification, and submit it, until ${closesOn}. No late submissions are accepted: after that date the certification lapses and the whole process (exam and logbook) must be repeated.`,
    `The recertification fee for your membership (${tier}) is ${recertificationFee(tier, policy)}.`,
  ]);
}

export function lapsedMail(cert: Certification, policy: Policy): MailMessage {
  const { closesOn } = recertificationWindow(cert, policy);
  return message(`Your CMR Level ${cert.level} certification has lapsed`, [
    `The recertification window closed on ${closesOn} without a submitted recertification application, so your EACVI CMR Level ${cert.level} certification has lapsed and your name has been removed from the public register.`,
    "To be certified again, the whole certification process must be repeated: the exam and the logbook.",
  ]);
}
