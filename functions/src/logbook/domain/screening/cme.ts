// How many hours each CME entry is credited with, and why it is less than
// claimed. The checks run in the order of the programme's CME section; the
// first that gives 0 ends the entry's evaluation.
import { EXAM_ROUTES, appliesTo, type Context, type CreditedCme } from "../context.js";
import { addMonthsIso, daysBetween } from "../../../platform/domain/dates.js";
import { round2, warning, type Finding } from "../report.js";
import type { CmeEntry } from "../schema.js";

const MEETING_KINDS: ReadonlySet<string> = new Set(["cmr-meeting", "multimodality-meeting", "general-meeting"]);

type Refusal = { code: string; reason: string };

/** Events that ended before this date are too old to count (null: no limit applies). */
function earliestEventEnd({ bundle, policy, route }: Context): string | null {
  if (!appliesTo({ routes: EXAM_ROUTES }, route) || !bundle.exam) return null;
  return addMonthsIso(bundle.exam.sittingDate, -policy.cme.maxAgeBeforeExamMonths);
}

function refusal(entry: CmeEntry, context: Context, earliest: string | null): Refusal | null {
  const { bundle, policy, route } = context;
  if (entry.certificateId === null) {
    return { code: "CME_CERTIFICATE_MISSING", reason: "no attendance certificate is uploaded" };
  }
  if (entry.kind === "self-directed" || entry.kind === "general-webinar") {
    return { code: "CME_NOT_ACCEPTED", reason: `${entry.kind} learning is not accepted` };
  }
  const catalogued = entry.catalogueId != null && entry.catalogueId in policy.cme.catalogue;
  if (entry.kind === "general-meeting" && !catalogued && entry.cmrComponentCredits === undefined) {
    return {
      code: "CME_NOT_ACCEPTED",
      reason: "a general cardiology or radiology meeting counts only for its CMR component (cmrComponentCredits)",
    };
  }
  if (earliest !== null && entry.endDate < earliest) {
    return { code: "CME_EVENT_TOO_OLD", reason: `the event ended before ${earliest}, too long before the exam` };
  }
  if (route === "level3-via-level2" && bundle.candidate.level2?.cmeIds.includes(entry.id)) {
    return { code: "CME_REUSED_FROM_LEVEL2", reason: "this entry was already counted for Level 2" };
  }
  return null;
}

/** The hours an accepted entry is worth, before the per-day cap. */
function hoursClaimable(entry: CmeEntry, context: Context): number {
  const { catalogue, hoursPerEcts } = context.policy.cme;
  const listed = entry.catalogueId != null ? catalogue[entry.catalogueId] : undefined;
  if (listed) return listed.maxCredits === null ? entry.credits : Math.min(entry.credits, listed.maxCredits);
  switch (entry.kind) {
    case "multimodality-meeting":
      return entry.credits / (entry.modalities ?? 1);
    case "general-meeting":
      return entry.cmrComponentCredits ?? 0;
    case "ects":
      return entry.credits * hoursPerEcts;
    default:
      return entry.credits;
  }
}

function credit(entry: CmeEntry, context: Context, earliest: string | null, findings: Finding[]): number {
  const refused = refusal(entry, context, earliest);
  if (refused) {
    findings.push(warning(refused.code, `CME ${entry.id}: ${refused.reason}; credited 0`, { cmeIds: [entry.id] }));
    return 0;
  }
  let credits = hoursClaimable(entry, context);
  if (MEETING_KINDS.has(entry.kind)) {
    const days = daysBetween(entry.startDate, entry.endDate) + 1;
    credits = Math.min(credits, context.policy.cme.maxPerDay * days);
  }
  const claimed = entry.kind === "ects" ? entry.credits * context.policy.cme.hoursPerEcts : entry.credits;
  if (credits < claimed) {
    findings.push(
      warning("CME_CREDITS_CAPPED", `CME ${entry.id}: credited ${round2(credits)} of the ${claimed} claimed`, {
        cmeIds: [entry.id],
      }),
    );
  }
  return credits;
}

export function screenCme(context: Context): { cme: CreditedCme[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const earliest = earliestEventEnd(context);
  const cme = context.bundle.cme.map((entry) => ({ entry, credits: credit(entry, context, earliest, findings) }));
  return { cme, findings };
}
