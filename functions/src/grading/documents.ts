// The shapes of the documents the grading feature reads, checked with zod.
// Lenient where the logbook owns the document (only the fields used here).
import { z } from "zod";
import { isoDate, routeSchema } from "../platform/domain/programme.js";
import { GRADE_AREAS, AREA_VERDICTS, OVERALL } from "./domain/grade.js";

export const graderProfileSchema = z.object({
  displayName: z.string().nullish(),
  institution: z.string().nullish(),
  country: z.string().nullish(),
  active: z.boolean().default(true),
  capacity: z.number().int().min(0).default(10),
  openAssignments: z.number().int().min(0).default(0),
});

/** The application fields grading reads (the logbook owns the document). */
export const gradedApplicationSchema = z.object({
  ownerUid: z.string().min(1),
  route: routeSchema,
  status: z.string(),
  supervisorIds: z.array(z.string()).default([]),
  submissionCount: z.number().int().min(1).optional(),
  graderUids: z.array(z.string()).optional(),
});
export type GradedApplication = z.infer<typeof gradedApplicationSchema>;

/** What grading needs from a submission snapshot's bundle. */
export const snapshotSchema = z.object({
  submission: z.number().int().min(1),
  bundle: z.object({
    route: routeSchema,
    cases: z.array(
      z.looseObject({ id: z.string(), patientRef: z.string(), studyDate: isoDate, supervisorId: z.string() }),
    ),
    training: z.array(z.looseObject({ supervisorId: z.string() })).default([]),
    cme: z
      .array(
        z.looseObject({
          id: z.string(),
          title: z.string(),
          catalogueId: z.string().nullish(),
          startDate: isoDate,
          endDate: isoDate,
        }),
      )
      .default([]),
    supervisorDeclaration: z.looseObject({ supervisorId: z.string() }).nullish(),
  }),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const ROUND_STATUSES = ["unassigned", "grading", "awaiting-chair", "decided", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** gradings/{appId}: the current round (one per submission). */
export const roundSchema = z.object({
  applicationId: z.string(),
  candidateUid: z.string(),
  route: routeSchema,
  submission: z.number().int().min(1),
  status: z.enum(ROUND_STATUSES),
  graderUids: z.array(z.string()),
  gradedBy: z.array(z.string()).default([]),
  sampleCaseIds: z.array(z.string()).default([]),
  openQuestions: z.number().int().min(0).default(0),
  outcome: z.enum(["passed", "failed"]).nullish(),
});
export type Round = z.infer<typeof roundSchema>;

export const gradeDocSchema = z.object({
  graderUid: z.string(),
  submission: z.number().int(),
  areas: z.object(Object.fromEntries(GRADE_AREAS.map((a) => [a, z.enum(AREA_VERDICTS)]))),
  overall: z.enum(OVERALL),
  comment: z.string(),
});
export type GradeDoc = z.infer<typeof gradeDocSchema>;

export const profileSchema = z.looseObject({
  displayName: z.string().nullish(),
  institution: z.string().nullish(),
  country: z.string().nullish(),
});

export const supervisorEntrySchema = z.looseObject({
  name: z.string().nullish(),
  institution: z.string().nullish(),
  level3From: isoDate.nullish(),
  level3Until: isoDate.nullish(),
});
