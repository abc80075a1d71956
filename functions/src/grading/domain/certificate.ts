// The certification a pass creates, its number and its verification code.
import { createHash } from "node:crypto";
import { addMonthsIso, type IsoDate } from "../../platform/domain/dates.js";
import type { Route } from "../../platform/domain/programme.js";

export type Level = 2 | 3;

export const levelOfRoute = (route: Route): Level => (route === "level2" ? 2 : 3);

/** "CMR-L3-2026-00042": level, year of award, a per-year sequence. */
export function certificateNumber(level: Level, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer`);
  return `CMR-L${level}-${year}-${String(sequence).padStart(5, "0")}`;
}

export const CERTIFICATE_NUMBER = /^CMR-L[23]-\d{4}-\d{5,}$/;

// Crockford base 32 without I, L, O, U: nothing to misread on paper.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Twelve characters in three groups, derived from the certification's id and number. */
export function verificationCode(certId: string, number: string): string {
  const digest = createHash("sha256").update(`${certId}|${number}`).digest();
  let code = "";
  for (let i = 0; i < 12; i++) code += ALPHABET[digest[i] % 32];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Upper case, no spaces; dashes restored, so "abcd efgh jkmn" finds ABCD-EFGH-JKMN. */
export function normaliseCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, "");
  if (raw.length !== 12 || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** What a Level 3 via Level 2 application may not reuse from a Level 2 logbook. */
export interface Level2Keys {
  /** `${patientRef}|${studyDate}` as written; the engine normalises the reference when it compares. */
  caseKeys: string[];
  /** The identity of each CME event, so that the same event entered under another id is still found. */
  cmeEvents: {
    catalogueId: string | null;
    title: string;
    startDate: IsoDate;
    endDate: IsoDate;
    certificateId: string | null;
  }[];
  /** The CME entry ids (still compared, for certifications written before cmeEvents). */
  cmeIds: string[];
}

export function level2KeysOf(bundle: {
  cases: readonly { patientRef: string; studyDate: string }[];
  cme: readonly {
    id: string;
    title: string;
    catalogueId?: string | null;
    startDate: string;
    endDate: string;
    certificateId?: string | null;
  }[];
}): Level2Keys {
  return {
    caseKeys: [...new Set(bundle.cases.map((c) => `${c.patientRef}|${c.studyDate}`))].sort(),
    cmeEvents: bundle.cme.map((e) => ({
      catalogueId: e.catalogueId ?? null,
      title: e.title,
      startDate: e.startDate,
      endDate: e.endDate,
      certificateId: e.certificateId ?? null,
    })),
    cmeIds: bundle.cme.map((e) => e.id).sort(),
  };
}

export interface AwardInput {
  certId: string;
  holderUid: string;
  route: Route;
  applicationId: string;
  submission: number;
  decidedOn: IsoDate;
  sequence: number;
  years: number;
  level2Keys: Level2Keys | null;
}

/** The certification document a pass creates (Level 2 keys only on a Level 2). */
export function certificationForAward(input: AwardInput) {
  const level = levelOfRoute(input.route);
  const number = certificateNumber(level, Number(input.decidedOn.slice(0, 4)), input.sequence);
  return {
    uid: input.holderUid,
    level,
    route: input.route,
    applicationId: input.applicationId,
    submission: input.submission,
    awardedOn: input.decidedOn,
    expiresOn: addMonthsIso(input.decidedOn, 12 * input.years),
    status: "active" as const,
    certificateNumber: number,
    verificationCode: verificationCode(input.certId, number),
    recertificationSubmitted: false,
    extensionGrantedUntil: null,
    ...(level === 2 && input.level2Keys ? input.level2Keys : {}),
  };
}
export type AwardedCertification = ReturnType<typeof certificationForAward>;
