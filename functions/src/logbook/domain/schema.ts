// The application bundle: what the engine judges. zod schemas are the single
// source of the types. Cases, CME entries and training periods are parsed one
// by one, so that a bad item is reported and left out instead of making the
// whole bundle unusable.
import { z } from "zod";
import { CASE_CATEGORIES, isoDate, routeSchema } from "../../platform/domain/programme.js";

export {
  CASE_CATEGORIES,
  isoDate,
  ROUTES,
  routeSchema,
  type CaseCategory,
  type Route,
} from "../../platform/domain/programme.js";

/** Lesions that count as true congenital pathology in the congenital category. */
export const ACCEPTED_CONGENITAL_LESIONS = [
  "shunt",
  "anomalous-pulmonary-venous-drainage",
  "fontan",
  "tetralogy-of-fallot",
  "transposition",
  "coarctation",
  "ebstein",
  "other-complex",
] as const;
export const CONGENITAL_LESIONS = [
  ...ACCEPTED_CONGENITAL_LESIONS,
  "bicuspid-aortic-valve",
  "hypertrophic-cardiomyopathy",
] as const;

export const caseSchema = z.object({
  id: z.string().min(1),
  patientRef: z.string().min(1),
  studyDate: isoDate,
  category: z.enum(CASE_CATEGORIES),
  normal: z.boolean(),
  source: z.enum(["own-centre", "other-centre", "course"]),
  courseId: z.string().nullish(),
  fullReview: z.boolean().optional(),
  role: z.enum(["primary-operator", "reporting-physician", "observer"]),
  presentInControlRoom: z.boolean(),
  supervisorId: z.string().min(1),
  clinicalChange: z.boolean().optional(),
  congenitalLesion: z.enum(CONGENITAL_LESIONS).nullish(),
});
export type Case = z.infer<typeof caseSchema>;

export const CME_KINDS = [
  "cmr-meeting",
  "multimodality-meeting",
  "general-meeting",
  "course",
  "online-course",
  "ects",
  "self-directed",
  "general-webinar",
] as const;
export type CmeKind = (typeof CME_KINDS)[number];

export const cmeEntrySchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    catalogueId: z.string().nullish(),
    kind: z.enum(CME_KINDS),
    modalities: z.number().int().min(1).max(10).optional(),
    cmrComponentCredits: z.number().min(0).optional(),
    startDate: isoDate,
    endDate: isoDate,
    credits: z.number().min(0).max(1000),
    certificateId: z.string().min(1).nullable(),
  })
  .refine((e) => e.endDate >= e.startDate, {
    message: "endDate must not be before startDate",
    path: ["endDate"],
  });
export type CmeEntry = z.infer<typeof cmeEntrySchema>;

export const trainingPeriodSchema = z
  .object({
    id: z.string().min(1),
    start: isoDate,
    end: isoDate,
    hoursPerWeek: z.number().gt(0).max(168),
    supervisorId: z.string().min(1),
  })
  .refine((p) => p.end >= p.start, { message: "end must not be before start", path: ["end"] });
export type TrainingPeriod = z.infer<typeof trainingPeriodSchema>;

export const supervisorSchema = z.object({
  id: z.string().min(1),
  body: z.enum(["EACVI", "SCMR"]),
  level3From: isoDate,
  level3Until: isoDate.nullable(),
  /** Where they supervise: another institution than the candidate's needs approved remote supervision. */
  institution: z.string().nullish(),
});
export type Supervisor = z.infer<typeof supervisorSchema>;

export const peerRecognitionSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(["faculty-lecturer", "invited-speaker", "publication", "oral-presentation"]),
  date: isoDate,
  title: z.string().nullish(),
  evidenceId: z.string().nullish(),
  isAbstract: z.boolean().optional(),
  firstAuthor: z.boolean().optional(),
  presentedInPerson: z.boolean().optional(),
  moderatedPoster: z.boolean().optional(),
});
export type PeerRecognition = z.infer<typeof peerRecognitionSchema>;

/** What identifies a CME event: its catalogue entry or title, its dates, its certificate. */
export const cmeEventSchema = z.object({
  title: z.string(),
  catalogueId: z.string().nullish(),
  startDate: isoDate,
  endDate: isoDate,
  certificateId: z.string().nullish(),
});
export type CmeEvent = z.infer<typeof cmeEventSchema>;

export const candidateSchema = z.object({
  physicianRegistration: z.object({ validUntil: isoDate }).nullable(),
  acls: z
    .object({
      kind: z.enum(["certificate", "routine-practice"]),
      validUntil: isoDate.nullable(),
      evidenceId: z.string().min(1).nullable(),
    })
    .nullable(),
  level2: z
    .object({
      awardedOn: isoDate,
      expiresOn: isoDate,
      caseKeys: z.array(z.string()),
      /** Entry ids of the Level 2 CME (older certifications have only these). */
      cmeIds: z.array(z.string()),
      /** The Level 2 CME events themselves, so that re-entering one under a new id is still found. */
      cmeEvents: z.array(cmeEventSchema).optional(),
    })
    .nullable(),
  /** The candidate's account (the application's owner): never their own supervisor. */
  uid: z.string().min(1).nullish(),
  /** The candidate's institution (their profile): remote supervision is judged against it. */
  institution: z.string().nullish(),
});

/**
 * A granted remote-supervision request (functions/src/requests): cases and
 * training under `supervisorId` from `from` to `to` (inclusive) count even
 * though the supervisor is at another institution than the candidate's.
 */
export const remoteSupervisionGrantSchema = z.object({
  requestId: z.string().min(1),
  supervisorId: z.string().min(1),
  from: isoDate,
  to: isoDate,
});
export type RemoteSupervisionGrant = z.infer<typeof remoteSupervisionGrantSchema>;

export const examSchema = z.object({
  passed: z.boolean(),
  sittingDate: isoDate,
  resultDate: isoDate,
});

/** The bundle as first parsed: the lenient lists are still unknown items. */
export const bundleEnvelopeSchema = z.object({
  asOf: isoDate,
  route: routeSchema,
  candidate: candidateSchema,
  exam: examSchema.nullable(),
  extensionGrantedUntil: isoDate.nullish(),
  supervisors: z.array(supervisorSchema),
  /** The supervisors named on the application (their uids). */
  supervisorIds: z.array(z.string()).nullish(),
  training: z.array(z.unknown()),
  cases: z.array(z.unknown()),
  cme: z.array(z.unknown()),
  peerRecognition: z.array(peerRecognitionSchema),
  supervisorDeclaration: z.object({ supervisorId: z.string().min(1), signedOn: isoDate }).nullable(),
  /** Granted remote-supervision requests of the candidate (absent: none). */
  remoteSupervision: z.array(remoteSupervisionGrantSchema).nullish(),
});
export type BundleEnvelope = z.infer<typeof bundleEnvelopeSchema>;

export type Bundle = Omit<BundleEnvelope, "training" | "cases" | "cme"> & {
  training: TrainingPeriod[];
  cases: Case[];
  cme: CmeEntry[];
};
