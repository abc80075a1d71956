import type { CaseRule } from "../../context.js";

/** How a case is matched against the Level 2 logbook. */
export const caseKey = (c: { patientRef: string; studyDate: string }) => `${c.patientRef}|${c.studyDate}`;

// "The cases submitted for the Level 3 application must be new cases (none of
// which was included in the previous Level 2 logbook)."
export const reusedFromLevel2: CaseRule = {
  code: "CASE_REUSED_FROM_LEVEL2",
  routes: ["level3-via-level2"],
  prepare: ({ bundle }) => {
    const level2Keys = new Set(bundle.candidate.level2?.caseKeys ?? []);
    return (c) => (level2Keys.has(caseKey(c)) ? "this case was already part of the Level 2 logbook" : null);
  },
};
