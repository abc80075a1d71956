// The five kinds of request: what the candidate writes (content), what a
// decision carries, and who is told. zod schemas are the single source of
// the types; callables parse their input with them.
import { z } from "zod";
import { isoDate } from "../../platform/domain/programme.js";

export const REQUEST_KINDS = [
  "extension",
  "remote-supervision",
  "special-circumstances",
  "logbook-appeal",
  "exam-appeal",
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

const docId = (what: string) =>
  z
    .string()
    .min(1, `${what} is required`)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/, `${what} must be a document id`);
const text = (what: string, max = 5000) =>
  z.string().trim().min(1, `${what} is required`).max(max, `${what} is longer than ${max} characters`);

/** Attachments: ids of the candidate's evidence files (users/{uid}/evidence/{id}), each accepted by the upload check. */
export const evidenceIds = z.array(docId("evidence id")).max(10, "at most 10 attachments").default([]);

export const EXTENSION_GROUNDS = ["parental-leave", "less-than-full-time", "illness"] as const;

export const extensionContent = z.object({
  kind: z.literal("extension"),
  target: z.discriminatedUnion("deadline", [
    z.object({ deadline: z.literal("logbook"), examResultId: docId("examResultId") }),
    z.object({ deadline: z.literal("recertification"), certificationId: docId("certificationId") }),
  ]),
  grounds: z.enum(EXTENSION_GROUNDS, { message: "grounds must be parental-leave, less-than-full-time or illness" }),
  requestedMonths: z.number().int().min(1, "ask for at least one month"),
  explanation: text("explanation"),
  /** The supervisor's signed letter explaining the situation and stating the duration. */
  letterEvidenceId: docId("letterEvidenceId"),
  /** The supervisor who signed the letter (told of every step). */
  letterSupervisorUid: docId("letterSupervisorUid"),
  evidenceIds,
});

export const remoteSupervisionContent = z
  .object({
    kind: z.literal("remote-supervision"),
    reason: text("reason"),
    institutionAnnualCaseload: z.number().int().min(0, "the annual caseload is a number of studies"),
    localSupervision: text("the level of local supervision"),
    remoteSupervisorUid: docId("remoteSupervisorUid"),
    arrangements: text("the proposed arrangements"),
    contactTime: text("the anticipated contact time", 1000),
    assessmentMethods: text("the assessment methods"),
    /** The dates the remote supervision would cover (cases and training inside count). */
    from: isoDate,
    to: isoDate,
    evidenceIds,
  })
  .refine((c) => c.to >= c.from, { message: "to must not be before from", path: ["to"] });

export const specialCircumstancesContent = z.object({
  kind: z.literal("special-circumstances"),
  applicationId: docId("applicationId"),
  text: text("the circumstances", 10000),
  evidenceIds,
});

export const logbookAppealContent = z.object({
  kind: z.literal("logbook-appeal"),
  applicationId: docId("applicationId"),
  grounds: text("grounds", 10000),
  evidenceIds,
});

export const examAppealContent = z.object({
  kind: z.literal("exam-appeal"),
  examResultId: docId("examResultId"),
  grounds: text("grounds", 10000),
  evidenceIds,
});

export const requestContent = z.discriminatedUnion("kind", [
  extensionContent,
  remoteSupervisionContent,
  specialCircumstancesContent,
  logbookAppealContent,
  examAppealContent,
]);
export type RequestContent = z.infer<typeof requestContent>;
export type ContentOf<K extends RequestKind> = Extract<RequestContent, { kind: K }>;

/** A policy override: a partial policy, deep-merged over the policy in force for one application. */
export const policyOverride = z.record(z.string(), z.unknown());

export const decisionInput = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("granted"),
    reason: text("reason"),
    /** Extension: the months granted (at most those asked). */
    grantedMonths: z.number().int().min(1).optional(),
    /** Special circumstances: the policy for this one application. */
    policyOverride: policyOverride.optional(),
    /** Exam appeal: the re-marked result. */
    remark: z
      .object({
        score: z.number().int().min(0),
        maxScore: z.number().int().positive().optional(),
        passMark: z.number().int().min(0),
      })
      .refine((r) => r.maxScore === undefined || (r.score <= r.maxScore && r.passMark <= r.maxScore), {
        message: "score and pass mark are at most maxScore",
      })
      .optional(),
  }),
  z.object({ outcome: z.literal("refused"), reason: text("reason") }),
]);
export type DecisionInput = z.infer<typeof decisionInput>;

/** What each kind calls its two outcomes (the status is granted or refused for all). */
export const OUTCOME_LABELS: Record<RequestKind, { granted: string; refused: string }> = {
  extension: { granted: "granted", refused: "refused" },
  "remote-supervision": { granted: "approved", refused: "refused" },
  "special-circumstances": { granted: "granted", refused: "refused" },
  "logbook-appeal": { granted: "overturned", refused: "upheld" },
  "exam-appeal": { granted: "re-marked", refused: "confirmed" },
};

export const KIND_TITLES: Record<RequestKind, string> = {
  extension: "extension request",
  "remote-supervision": "remote-supervision request",
  "special-circumstances": "special-circumstances request",
  "logbook-appeal": "logbook appeal",
  "exam-appeal": "exam appeal",
};

/** The evidence a request names: its attachments and, for an extension, the letter. */
export function evidenceOf(content: RequestContent): string[] {
  const ids = content.kind === "extension" ? [content.letterEvidenceId, ...content.evidenceIds] : content.evidenceIds;
  return [...new Set(ids)];
}

/**
 * What a request is about: the deadline an extension moves, the result an exam
 * appeal contests, the application of a special-circumstances request or a
 * logbook appeal. A resubmission may change everything else, never this (the
 * deadline and window checks were made against it when it was first sent).
 */
export function subjectOf(content: RequestContent): string | null {
  switch (content.kind) {
    case "extension":
      return JSON.stringify(content.target);
    case "exam-appeal":
      return content.examResultId;
    case "special-circumstances":
    case "logbook-appeal":
      return content.applicationId;
    case "remote-supervision":
      return null;
  }
}

/** The supervisors named by a request: they read it and are told of every step. */
export function supervisorsOf(content: RequestContent): string[] {
  if (content.kind === "extension") return [content.letterSupervisorUid];
  if (content.kind === "remote-supervision") return [content.remoteSupervisorUid];
  return [];
}
