// The recertification application: who may open one and when, the fee, the
// renewal it leads to, and what the holder is told. Pure: "today" is a
// parameter. "Candidates must apply for recertification from six months
// before to six months after the current certification expiration date ...
// No late submissions will be accepted"; "If all requirements of
// recertification are met, a certificate will be issued which will be valid
// for a further 5-year period."
import { z } from "zod";
import { addMonthsIso, type IsoDate } from "../../platform/domain/dates.js";
import { message, type MailMessage } from "../../platform/domain/mail.js";
import type { Policy } from "../../platform/domain/policy.js";
import { isoDate, type MembershipTier } from "../../platform/domain/programme.js";
import { recertificationWindow } from "./reminders.js";

/**
 * awaiting-payment → open (paid: documents) → submitted → renewed | refused;
 * withdrawn by the holder before submission; lapsed when the window closes
 * before it was submitted (no late submissions).
 */
export const RECERTIFICATION_STATUSES = [
  "awaiting-payment",
  "open",
  "submitted",
  "renewed",
  "refused",
  "withdrawn",
  "lapsed",
] as const;
export type RecertificationStatus = (typeof RECERTIFICATION_STATUSES)[number];
/** The statuses in which the holder may still write the checklist, the letter and CME. */
export const EDITABLE_RECERTIFICATION_STATUSES = ["awaiting-payment", "open"] as const;
/** The statuses after which a new application may be opened for the same certification. */
export const CLOSED_RECERTIFICATION_STATUSES = ["refused", "withdrawn", "lapsed"] as const;

/** The certification fields an application reads. */
export const heldCertificationSchema = z.object({
  uid: z.string().min(1),
  level: z.union([z.literal(2), z.literal(3)]),
  awardedOn: isoDate,
  expiresOn: isoDate,
  status: z.enum(["active", "expired", "lapsed", "renewed", "revoked"]),
  recertificationSubmitted: z.boolean().default(false),
  extensionGrantedUntil: isoDate.nullish(),
  certificateNumber: z.string().min(1).nullish(),
  holderName: z.string().nullish(),
  country: z.string().nullish(),
  recertificationApplicationId: z.string().min(1).nullish(),
  renewedBy: z.string().min(1).nullish(),
  recertificationAttempts: z.number().int().min(0).default(0),
});
export type HeldCertification = z.infer<typeof heldCertificationSchema> & { id: string };

export type OpeningRefusal = "not-yours" | "lapsed" | "window-closed" | "not-yet-open" | "renewed" | "revoked";
export type OpeningCheck =
  { ok: true; opensOn: IsoDate; closesOn: IsoDate } | { ok: false; reason: OpeningRefusal; message: string };

const REPEAT = "the whole certification process (exam and logbook) must be repeated";

/**
 * May `uid` open (or submit) a recertification application for `cert` today? Inside the
 * window only (from windowMonthsBefore before expiry to windowMonthsAfter
 * after it, or a granted extension's date if later); a lapsed certification
 * cannot be renewed.
 */
export function checkOpening(cert: HeldCertification, uid: string, today: IsoDate, policy: Policy): OpeningCheck {
  if (cert.uid !== uid) {
    return { ok: false, reason: "not-yours", message: `Certification ${cert.id} is not yours.` };
  }
  const { opensOn, closesOn } = recertificationWindow({ ...cert, status: "active" }, policy);
  if (cert.status === "revoked") {
    return { ok: false, reason: "revoked", message: `Certification ${cert.id} was revoked: it cannot be renewed.` };
  }
  if (cert.status === "renewed") {
    return {
      ok: false,
      reason: "renewed",
      message: `Certification ${cert.id} was already renewed${cert.renewedBy ? ` by ${cert.renewedBy}` : ""}.`,
    };
  }
  if (cert.status === "lapsed") {
    return {
      ok: false,
      reason: "lapsed",
      message: `Certification ${cert.id} lapsed (its recertification window closed on ${closesOn}): ${REPEAT}.`,
    };
  }
  if (today > closesOn) {
    return {
      ok: false,
      reason: "window-closed",
      message: `The recertification window of certification ${cert.id} closed on ${closesOn}; no late applications or submissions are accepted: ${REPEAT}.`,
    };
  }
  if (today < opensOn) {
    return {
      ok: false,
      reason: "not-yet-open",
      message: `Recertification of certification ${cert.id} (expiring on ${cert.expiresOn}) can be applied for from ${opensOn} to ${closesOn}.`,
    };
  }
  return { ok: true, opensOn, closesOn };
}

export interface Fee {
  tier: MembershipTier;
  /** In the currency's minor unit (cents), as Stripe's `unit_amount`. */
  amountMinor: number;
  /** ISO 4217, lower case as Stripe writes it. */
  currency: string;
  /** "€200 (excluding VAT)". */
  label: string;
}

/** The fee for the holder's membership tier, excluding VAT. */
export function feeFor(tier: MembershipTier, policy: Policy): Fee {
  const { feesExclVat, currency } = policy.recertification;
  const amount = feesExclVat[tier];
  return {
    tier,
    amountMinor: Math.round(amount * 100),
    currency: currency.toLowerCase(),
    label: `${currency === "EUR" ? "€" : `${currency} `}${amount} (excluding VAT)`,
  };
}

/** The cycle the application looks back on: the five years before the certification's expiry. */
export function cycleOf(cert: Pick<HeldCertification, "expiresOn">, policy: Policy) {
  const years = policy.recertification.renewalYears;
  return { from: addMonthsIso(cert.expiresOn, -12 * years), until: cert.expiresOn, years };
}

/** The renewed certification's dates: from the previous expiry (not the decision date), for renewalYears. */
export function renewalDates(previousExpiresOn: IsoDate, policy: Policy) {
  return {
    validFrom: previousExpiresOn,
    expiresOn: addMonthsIso(previousExpiresOn, 12 * policy.recertification.renewalYears),
  };
}

/** One application per certification at a time; a refused or withdrawn one is followed by the next attempt. */
export const applicationIdFor = (certId: string, attempt: number) => `recert-${certId}-${attempt}`;
/** The certification a renewal creates: one per application, so a retry finds it. */
export const renewedCertificationIdFor = (applicationId: string) => `cert-${applicationId}`;

export const recertificationMailIds = {
  paid: (appId: string) => `recert-app-${appId}-paid`,
  renewed: (appId: string) => `recert-app-${appId}-renewed`,
  refused: (appId: string) => `recert-app-${appId}-refused`,
};

export function paidMail(appId: string, uploadUrl: string): MailMessage {
  return message("CMR recertification: payment received, upload your documents", [
    `Your payment for recertification application ${appId} has been validated.`,
    `Upload your documents here: ${uploadUrl}`,
    "You need the completed recertification checklist (CMR studies performed or reported in each year of the cycle, and the institutions), a formal letter, and the CME of the cycle with their attendance certificates. Your current certificate is already known to us.",
  ]);
}

export function renewedMail(level: 2 | 3, number: string, validFrom: IsoDate, expiresOn: IsoDate): MailMessage {
  return message(`CMR recertification: your Level ${level} certification is renewed`, [
    `The EACVI Certification Committee has renewed your EACVI CMR Level ${level} certification.`,
    `New certificate number ${number}, valid from ${validFrom} until ${expiresOn}. Your certificate (PDF) is attached and available in your account; the public register shows the new dates.`,
  ]);
}

/** A refusal says why and what follows: apply again while the window is open, or repeat the whole process. */
export function refusedMail(reasons: string[], closesOn: IsoDate, today: IsoDate): MailMessage {
  const next =
    today <= closesOn
      ? `Your recertification window is open until ${closesOn}: you may apply again before then. After that date the certification lapses and ${REPEAT}.`
      : `Your recertification window closed on ${closesOn}: the certification lapses and ${REPEAT}.`;
  return message("CMR recertification: application not accepted", [
    "The EACVI Certification Committee did not accept your recertification application. The reasons:",
    ...reasons.map((r) => `- ${r}`),
    next,
  ]);
}
