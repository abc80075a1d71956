// Decides which cases count. Each case rule may leave a case out; among the
// cases still in, a patient (compared by normalised reference) counts once
// unless a later study, on a later date, follows a significant change in
// clinical status; a course case counts once; congenital cases count in their
// category only for true congenital pathology.
import { appliesTo, type Context, type CountedCase } from "../context.js";
import { error, warning, type Finding } from "../report.js";
import { ACCEPTED_CONGENITAL_LESIONS, type Case } from "../schema.js";
import { CASE_RULES } from "../rules/cases/index.js";
import { patientKey } from "../patient-key.js";

const ACCEPTED_LESIONS: ReadonlySet<string> = new Set(ACCEPTED_CONGENITAL_LESIONS);

/** A case's content without its id: re-entering a study under another id does not change it. */
const contentOf = ({ id: _id, ...content }: Case) => JSON.stringify(content, Object.keys(content).sort());

/**
 * Study date first; on the same date the content decides (then the id), so
 * that which of two same-day studies counts never depends on the ids a
 * candidate chooses: a copy under a new id cannot displace its original.
 */
function byStudyDateThenContent(a: Case, b: Case): number {
  if (a.studyDate !== b.studyDate) return a.studyDate < b.studyDate ? -1 : 1;
  const [ca, cb] = [contentOf(a), contentOf(b)];
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Which cases are the same patient (or the same course case). Course cases
 * belong to their course: the same case of the same course counts once.
 */
function identityOf(c: Case): string {
  if (c.source === "course") return `course:${patientKey(c.courseId ?? "")}:${patientKey(c.patientRef)}`;
  return `patient:${patientKey(c.patientRef)}`;
}

/** Why a later study of the same identity does not count, or null when it does. */
function duplicateReason(c: Case, first: Case, lastKept: Case): string | null {
  const earlier = `case ${first.id}, ${first.studyDate}`;
  if (c.source === "course") return `the same course case is already in the logbook (${earlier}); it counts once`;
  if (c.studyDate === lastKept.studyDate) {
    return `the same patient on the same study date is already in the logbook (case ${lastKept.id})`;
  }
  if (c.clinicalChange !== true) {
    return (
      `the patient is already in the logbook (${earlier}); ` +
      "a repeat study counts only after a significant change in clinical status (clinicalChange)"
    );
  }
  return null;
}

/** The later studies of a patient that do not count: DUPLICATE_PATIENT. */
function screenDuplicatePatients(cases: Case[], findings: Finding[]): Case[] {
  const byIdentity = new Map<string, Case[]>();
  for (const c of cases) {
    const key = identityOf(c);
    const studies = byIdentity.get(key);
    if (studies) studies.push(c);
    else byIdentity.set(key, [c]);
  }
  const kept: Case[] = [];
  for (const studies of byIdentity.values()) {
    studies.sort(byStudyDateThenContent);
    const [first, ...later] = studies;
    kept.push(first);
    let lastKept = first;
    for (const c of later) {
      const reason = duplicateReason(c, first, lastKept);
      if (reason === null) {
        kept.push(c);
        lastKept = c;
        continue;
      }
      findings.push(error("DUPLICATE_PATIENT", `Case ${c.id}: ${reason}`, { caseIds: [c.id] }));
    }
  }
  return kept;
}

function countsForCategory(c: Case): boolean {
  return c.category !== "congenital" || ACCEPTED_LESIONS.has(c.congenitalLesion ?? "");
}

export function screenCases(context: Context): { cases: CountedCase[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const checks = CASE_RULES.filter((rule) => appliesTo(rule, context.route)).map((rule) => ({
    code: rule.code,
    check: rule.prepare(context),
  }));

  const stillIn = context.bundle.cases.filter((c) => {
    let excluded = false;
    for (const { code, check } of checks) {
      const reason = check(c);
      if (reason === null) continue;
      excluded = true;
      findings.push(error(code, `Case ${c.id}: ${reason}`, { caseIds: [c.id] }));
    }
    return !excluded;
  });

  const counted = screenDuplicatePatients(stillIn, findings).map((c) => {
    const inCategory = countsForCategory(c);
    if (!inCategory) {
      const lesion = c.congenitalLesion ? `"${c.congenitalLesion}" is not` : "no lesion is given, and it must be";
      findings.push(
        warning(
          "CONGENITAL_CASE_NOT_ACCEPTED",
          `Case ${c.id}: ${lesion} true congenital pathology (shunt, anomalous pulmonary venous drainage, Fontan...); ` +
            "it counts in the total but not in the congenital category",
          { caseIds: [c.id] },
        ),
      );
    }
    return { case: c, countsForCategory: inCategory };
  });
  return { cases: counted, findings };
}
