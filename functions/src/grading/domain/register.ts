// The public register is derived from certifications: one row per person,
// their highest current level. Nothing else writes it.
import { z } from "zod";
import { addMonthsIso, maxIso, type IsoDate } from "../../platform/domain/dates.js";
import { isoDate } from "../../platform/domain/programme.js";

export const CERTIFICATION_STATUSES = ["active", "expired", "lapsed", "renewed", "revoked"] as const;

/** The fields of a certification the register and verification read. */
export const registeredCertificationSchema = z.object({
  uid: z.string().min(1),
  level: z.union([z.literal(2), z.literal(3)]),
  awardedOn: isoDate,
  expiresOn: isoDate,
  status: z.enum(CERTIFICATION_STATUSES),
  extensionGrantedUntil: isoDate.nullish(),
  certificateNumber: z.string().min(1).nullish(),
  verificationCode: z.string().min(1).nullish(),
  holderName: z.string().nullish(),
  country: z.string().nullish(),
  revokedOn: isoDate.nullish(),
});
export type RegisteredCertification = z.infer<typeof registeredCertificationSchema> & { id: string };

export type VerificationStatus = "current" | "expired-in-window" | "lapsed" | "revoked" | "unknown";

/** The last day a certification may still be renewed (6 months after expiry, or a granted extension). */
export function windowClosesOn(cert: RegisteredCertification, windowMonthsAfter: number): IsoDate {
  const regular = addMonthsIso(cert.expiresOn, windowMonthsAfter);
  return cert.extensionGrantedUntil ? maxIso(regular, cert.extensionGrantedUntil) : regular;
}

/** What a certification is worth today, from its status and its dates. */
export function standingOf(
  cert: RegisteredCertification,
  today: IsoDate,
  windowMonthsAfter: number,
): VerificationStatus {
  if (cert.status === "revoked") return "revoked";
  if (cert.status === "lapsed") return "lapsed";
  if (cert.status === "renewed") return today <= cert.expiresOn ? "current" : "lapsed";
  if (today > windowClosesOn(cert, windowMonthsAfter)) return "lapsed";
  return today <= cert.expiresOn && cert.status === "active" ? "current" : "expired-in-window";
}

export interface RegisterRow {
  name: string;
  level: 2 | 3;
  country: string | null;
  certificateNumber: string | null;
  awardedOn: IsoDate;
  expiresOn: IsoDate;
  status: "current" | "expired-in-window";
  /** The certification the row shows (for the trigger that keeps it in step). */
  certificationId: string;
}

const rankOf = (s: VerificationStatus) => (s === "current" ? 0 : 1);

/**
 * The holder's row: their highest level among the certifications that still
 * count (current, or expired and still renewable), current before expired,
 * then the latest expiry. Null when none counts: the row is removed.
 */
export function registerRowFor(
  certs: readonly RegisteredCertification[],
  today: IsoDate,
  windowMonthsAfter: number,
): RegisterRow | null {
  const listed = certs
    .filter((c) => c.status !== "renewed")
    .map((c) => ({ c, standing: standingOf(c, today, windowMonthsAfter) }))
    .filter((x) => x.standing === "current" || x.standing === "expired-in-window")
    .sort(
      (a, b) =>
        b.c.level - a.c.level ||
        rankOf(a.standing) - rankOf(b.standing) ||
        (a.c.expiresOn < b.c.expiresOn ? 1 : a.c.expiresOn > b.c.expiresOn ? -1 : 0) ||
        (a.c.id < b.c.id ? -1 : 1),
    );
  const best = listed[0];
  if (!best) return null;
  return {
    name: best.c.holderName?.trim() || "(name not recorded)",
    level: best.c.level,
    country: best.c.country ?? null,
    certificateNumber: best.c.certificateNumber ?? null,
    awardedOn: best.c.awardedOn,
    expiresOn: best.c.expiresOn,
    status: best.standing as RegisterRow["status"],
    certificationId: best.c.id,
  };
}

/** What the public verification endpoint answers: never more than the register shows. */
export function verificationAnswer(cert: RegisteredCertification | null, today: IsoDate, windowMonthsAfter: number) {
  if (!cert) return { status: "unknown" as const };
  const status = standingOf(cert, today, windowMonthsAfter);
  const base = {
    status,
    certificateNumber: cert.certificateNumber ?? null,
    level: cert.level,
    awardedOn: cert.awardedOn,
    expiresOn: cert.expiresOn,
  };
  // A name is shown only while the register shows it.
  if (status === "current" || status === "expired-in-window") {
    return { ...base, name: cert.holderName ?? null, country: cert.country ?? null };
  }
  return base;
}
