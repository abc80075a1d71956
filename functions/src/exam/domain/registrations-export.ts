// Step 7: the registrations of a session as the CSV the proctoring platform
// imports. Columns (docs/exam.md): REGISTRATION_COLUMNS below. The platform
// sends `candidate_id` back as the `candidate` column of its results export,
// which is how results find their candidate.
import { z } from "zod";
import { describeIssue } from "../../platform/domain/issues.js";
import { formatCsv, neutraliseFormula } from "./csv.js";
import type { SessionPlan } from "./session.js";

export const REGISTRATION_COLUMNS = [
  "candidate_id",
  "registration_id",
  "family_name",
  "given_names",
  "email",
  "sitting_date",
  "start_window_opens_utc",
  "start_window_closes_utc",
  "time_zone",
] as const;

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, "letters, digits, '_', '.', '-' (at most 128)");
// Names as people write them, but one line each: no control characters.
const name = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, "no control characters");

export const exportedRegistrationSchema = z.object({
  registrationId: id,
  candidateId: id,
  status: z.enum(["registered", "cancelled"]),
  familyName: name,
  givenNames: name,
  email: z.email(),
});
export type ExportedRegistration = z.infer<typeof exportedRegistrationSchema>;

export type ExportResult = { ok: true; csv: string; count: number } | { ok: false; errors: string[] };

const collator = new Intl.Collator("en", { sensitivity: "base" });

/** The active (not cancelled) registrations, by family then given names; refused whole if any is malformed. */
export function exportRegistrations(plan: SessionPlan, registrations: readonly unknown[]): ExportResult {
  const errors: string[] = [];
  const active: ExportedRegistration[] = [];
  registrations.forEach((raw, index) => {
    const parsed = exportedRegistrationSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((issue) => `registration ${index + 1}: ${describeIssue(issue)}`));
    } else if (parsed.data.status === "registered") active.push(parsed.data);
  });
  const seen = new Set<string>();
  for (const r of active) {
    if (seen.has(r.candidateId)) errors.push(`candidate ${r.candidateId} is registered twice for this session`);
    seen.add(r.candidateId);
  }
  if (errors.length) return { ok: false, errors };
  const rows = active
    .sort(
      (a, b) =>
        collator.compare(a.familyName, b.familyName) ||
        collator.compare(a.givenNames, b.givenNames) ||
        (a.candidateId < b.candidateId ? -1 : 1),
    )
    .map((r) =>
      [
        r.candidateId,
        r.registrationId,
        r.familyName,
        r.givenNames,
        r.email,
        plan.sittingDate,
        plan.startWindow.opensAt,
        plan.startWindow.closesAt,
        plan.timeZone,
      ].map(neutraliseFormula),
    );
  return { ok: true, csv: formatCsv([[...REGISTRATION_COLUMNS], ...rows]), count: rows.length };
}
