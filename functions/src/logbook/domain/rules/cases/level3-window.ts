import type { CaseRule } from "../../context.js";
import { addMonthsIso, isWithin } from "../../../../platform/domain/dates.js";

// Level 3 via Level 2: cases "taken from a 24-month window immediately prior
// to the application for Level 3".
export const level3Window: CaseRule = {
  code: "CASE_OUTSIDE_LEVEL3_WINDOW",
  routes: ["level3-via-level2"],
  prepare: ({ asOf, policy }) => {
    const months = policy.cases.level3WindowMonths;
    const from = addMonthsIso(asOf, -months);
    return (c) =>
      isWithin(c.studyDate, from, asOf)
        ? null
        : `the study date ${c.studyDate} is outside ${from} – ${asOf} (the ${months} months before the application)`;
  },
};
