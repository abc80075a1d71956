// The request document (requests/{requestId}) and the shapes of the
// documents the requests feature reads, checked with zod.
import { z } from "zod";
import { isoDate } from "../platform/domain/programme.js";
import { REQUEST_KINDS, REQUEST_STATUSES, requestContent } from "./domain/index.js";

export const requestDocSchema = z.object({
  kind: z.enum(REQUEST_KINDS),
  candidateUid: z.string().min(1),
  status: z.enum(REQUEST_STATUSES),
  content: requestContent,
  /** The application the request is about, when there is one (special circumstances, logbook appeal). */
  applicationId: z.string().nullable(),
  /** The supervisors it names: they read it, may add their statement, and are told of every step. */
  supervisorUids: z.array(z.string()),
  /** Logbook appeal: the original graders and chair, who may not decide it. */
  excludedDeciders: z.array(z.string()).default([]),
  evidenceIds: z.array(z.string()),
  submittedOn: isoDate,
  /** When the decision is due (null while changes are requested, and once final). */
  decisionDueOn: isoDate.nullable(),
  /** How many history events there are (the next one's sequence number is events + 1). */
  events: z.number().int().min(0),
});
export type RequestDoc = z.infer<typeof requestDocSchema>;

export const evidenceRecordSchema = z.looseObject({ status: z.string().optional() });

export const supervisorEntrySchema = z.looseObject({
  level3From: isoDate,
  level3Until: isoDate.nullish(),
});

export const applicationFieldsSchema = z.looseObject({
  ownerUid: z.string(),
  status: z.string(),
  examResultId: z.string().nullish(),
});

export const examFieldsSchema = z.looseObject({
  uid: z.string(),
  passed: z.boolean(),
  resultDate: isoDate,
  status: z.string().nullish(),
  score: z.number().nullish(),
  maxScore: z.number().nullish(),
  passMark: z.number().nullish(),
  logbookSubmittedOn: isoDate.nullish(),
});
