// The policy: every number the rules use. The defaults are data
// (default-policy.json); a policy file is deep-merged over them.
import { z } from "zod";
import defaultPolicyJson from "./default-policy.json";
import { CASE_CATEGORIES, type CaseCategory, type Route } from "./programme.js";

const count = z.number().int().min(0);
const perRoute = <T extends z.ZodType>(value: T) =>
  z.object({ level2: value, "level3-via-level2": value, "level3-direct": value });
const categoryMinima = z.object(
  Object.fromEntries(CASE_CATEGORIES.map((c) => [c, count])) as Record<CaseCategory, typeof count>,
);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day, HH:mm");
const fraction = z.number().min(0).max(1);
// The written exam (docs/exam.md): sessions, item analysis thresholds, pass mark.
// The release deadline is committeeDeadlines.examResultsWeeks (one number, one rule).
const examPolicySchema = z
  .object({
    items: z.number().int().positive(),
    options: z.array(z.string().regex(/^[A-Z]$/)).min(2),
    registration: z.object({
      opensMonthsBefore: count,
      closesDaysBefore: count,
    }),
    startWindow: z.object({ from: clockTime, to: clockTime }),
    analysis: z.object({
      groupFraction: z.number().gt(0).max(0.5),
      difficulty: z.object({ reviewBelow: fraction, reviewAbove: fraction }),
      discrimination: z.object({ reviewBelow: z.number().min(-1).max(1), removeBelow: z.number().min(-1).max(1) }),
    }),
    passMark: z.discriminatedUnion("method", [
      z.object({ method: z.literal("modified-angoff") }),
      z.object({ method: z.literal("fixed-percentage"), percent: z.number().gt(0).max(100) }),
    ]),
  })
  .refine((e) => new Set(e.options).size === e.options.length, {
    message: "options must be distinct",
    path: ["options"],
  })
  .refine((e) => e.startWindow.from < e.startWindow.to, {
    message: "the start window ends before it starts",
    path: ["startWindow"],
  })
  .refine((e) => e.analysis.difficulty.reviewBelow < e.analysis.difficulty.reviewAbove, {
    message: "difficulty.reviewBelow must be below reviewAbove",
    path: ["analysis", "difficulty"],
  })
  .refine((e) => e.analysis.discrimination.removeBelow <= e.analysis.discrimination.reviewBelow, {
    message: "discrimination.removeBelow must not exceed reviewBelow",
    path: ["analysis", "discrimination"],
  });

export const policySchema = z.object({
  version: z.string().min(1),
  notes: z.array(z.string()).optional(),
  cases: z.object({
    required: perRoute(count),
    maxNormalFraction: z.number().min(0).max(1),
    maxCourseFraction: z.number().min(0).max(1),
    maxOtherCentre: perRoute(count),
    minControlRoom: perRoute(count),
    spanMonths: count,
    examWindowMonths: count,
    level3WindowMonths: count,
  }),
  categories: z.object({ minimum: perRoute(categoryMinima) }),
  deadlines: z.object({ logbookSubmissionMonths: count }),
  training: z.object({
    requiredFteMonths: perRoute(z.number().min(0)),
    fullTimeHoursPerWeek: z.number().positive(),
    windowMonths: count,
  }),
  cme: z.object({
    requiredCredits: perRoute(z.number().min(0)),
    maxPerDay: z.number().positive(),
    maxAgeBeforeExamMonths: count,
    minDistinctSources: count,
    hoursPerEcts: z.number().positive(),
    catalogue: z.record(
      z.string(),
      z.object({
        title: z.string(),
        /** Table 1's figure: the most the event gives (null: "as per CME certificate"). */
        maxCredits: z.number().min(0).nullable(),
        /** "Total divided by 3": the certificate's credits are divided by this; 1 = never divided. */
        divideBy: z.number().int().min(1).default(1),
      }),
    ),
  }),
  peerRecognition: z.object({
    facultyLecturer: count,
    invitedSpeaker: count,
    publications: count,
    oralPresentations: count,
  }),
  recertification: z.object({
    windowMonthsBefore: count,
    windowMonthsAfter: count,
    reminderEveryMonths: z.number().int().positive(),
    finalNoticeDaysBefore: count,
    feesExclVat: z.object({ "non-member": z.number().min(0), associate: z.number().min(0), silver: z.number().min(0) }),
    currency: z.string().length(3),
    // Recertification application (issue 13): renewal length, reviewers, and
    // the provisional requirement numbers (docs/rules.md, "Recertification").
    renewalYears: z.number().int().positive(),
    applicationReviewers: z.number().int().min(1),
    requirements: z.object({
      /** CMR studies performed or reported in each complete year of the cycle (provisional). */
      studiesPerYear: count,
      /** CME credits in CMR credited during the cycle, screened as for logbooks (provisional). */
      cmeCreditsInCycle: z.number().min(0),
      /** Of which from CMR-specific events (CMR meetings, courses, online courses, ECTS) (provisional). */
      cmeCmrSpecificCredits: z.number().min(0),
    }),
  }),
  logbookReminders: z.object({
    monthsBefore: z.array(z.number().int().positive()),
    daysBefore: z.array(z.number().int().positive()),
  }),
  committeeDeadlines: z.object({
    logbookResultMonths: z.number().int().positive(),
    examResultsWeeks: z.number().int().positive(),
  }),
  exam: examPolicySchema,
  grading: z.object({
    gradersPerApplication: z.number().int().min(1),
    excludeSameCountry: z.boolean(),
    randomCheck: z.object({ minCases: count, fraction: z.number().min(0).max(1) }),
    certificationYears: z.number().int().positive(),
    appealDays: z.number().int().positive(),
    questionOverdueDays: z.number().int().positive(),
  }),
  // --- requests (functions/src/requests, docs/requests.md) ---
  /**
   * Requests and appeals: the days the committee or exam board has to decide
   * each kind (the remote-supervision answer within 4 weeks is one of them;
   * the clock restarts on resubmission), the exam appeal window after the
   * result date, and the longest extension one request may ask for. The
   * logbook appeal window is grading.appealDays (the date the failure mail gives).
   */
  requests: z.object({
    decisionDays: z.object({
      extension: z.number().int().positive(),
      "remote-supervision": z.number().int().positive(),
      "special-circumstances": z.number().int().positive(),
      "logbook-appeal": z.number().int().positive(),
      "exam-appeal": z.number().int().positive(),
    }),
    examAppealDays: z.number().int().positive(),
    maxExtensionMonths: z.number().int().positive(),
  }),
  // --- end requests ---
  /** How long personal data is kept (docs/privacy.md). */
  retention: z.object({
    withdrawnApplicationMonths: count,
    closedDraftMonths: count,
    inactiveDraftMonths: z.number().int().positive(),
    unreferencedEvidenceDays: count,
    decisionYears: z.number().int().positive(),
    certificationYearsAfterEnd: z.number().int().positive(),
    auditYears: z.number().int().positive(),
  }),
});
export type Policy = z.infer<typeof policySchema>;
export type { Route };

export const DEFAULT_POLICY: Policy = policySchema.parse(defaultPolicyJson);

export type CatalogueEntry = Policy["cme"]["catalogue"][string];

/**
 * The Table 1 entry for a catalogue id taken from a document. Own properties
 * only: "constructor" or "__proto__" is an unknown id, not Object's.
 */
export function catalogueEntry(policy: Policy, id: string | null | undefined): CatalogueEntry | undefined {
  if (id == null || !Object.hasOwn(policy.cme.catalogue, id)) return undefined;
  return policy.cme.catalogue[id];
}

/** A JSON object (not null, not a list): what deepMerge merges key by key. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Objects merge key by key; anything else in `override` replaces the base.
 * Keys are own properties only, and are defined rather than assigned, so that
 * a "__proto__" key is data, never a prototype.
 */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = {};
  const define = (key: string, value: unknown) =>
    Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, value] of Object.entries(base)) define(key, value);
  for (const [key, value] of Object.entries(override)) {
    define(key, Object.hasOwn(base, key) ? deepMerge(base[key], value) : value);
  }
  return merged;
}

/** The defaults with `override` merged over them, validated. */
export function resolvePolicy(override: unknown): z.ZodSafeParseResult<Policy> {
  return policySchema.safeParse(deepMerge(DEFAULT_POLICY, override ?? {}));
}
