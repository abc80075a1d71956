import type { CaseRule } from "../../context.js";
import { caseKey, normaliseCaseKey } from "../../patient-key.js";

export { caseKey };

// "The cases submitted for the Level 3 application must be new cases (none of
// which was included in the previous Level 2 logbook)." Patient references are
// compared normalised, so `PT-0148` does not escape a Level 2 key `pt0148`.
export const reusedFromLevel2: CaseRule = {
  code: "CASE_REUSED_FROM_LEVEL2",
  routes: ["level3-via-level2"],
  prepare: ({ bundle }) => {
    const level2Keys = new Set((bundle.candidate.level2?.caseKeys ?? []).map(normaliseCaseKey));
    return (c) => (level2Keys.has(caseKey(c)) ? "this case was already part of the Level 2 logbook" : null);
  },
};
