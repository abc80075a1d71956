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
    catalogue: z.record(z.string(), z.object({ title: z.string(), maxCredits: z.number().min(0).nullable() })),
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
  }),
  logbookReminders: z.object({
    monthsBefore: z.array(z.number().int().positive()),
    daysBefore: z.array(z.number().int().positive()),
  }),
  committeeDeadlines: z.object({
    logbookResultMonths: z.number().int().positive(),
    remoteSupervisionAnswerDays: z.number().int().positive(),
    examResultsWeeks: z.number().int().positive(),
  }),
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; anything else in `override` replaces the base. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    merged[key] = key in base ? deepMerge(base[key], value) : value;
  }
  return merged;
}

/** The defaults with `override` merged over them, validated. */
export function resolvePolicy(override: unknown): z.ZodSafeParseResult<Policy> {
  return policySchema.safeParse(deepMerge(DEFAULT_POLICY, override ?? {}));
}
