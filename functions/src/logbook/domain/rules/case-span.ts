// "...must cover only 24 consecutive months."
import type { Rule } from "../context.js";
import { addMonthsIso, monthsBetween } from "../../../platform/domain/dates.js";
import { error, round2 } from "../report.js";

export const caseSpan: Rule = {
  name: "cases.span",
  evaluate: ({ screened, policy }) => {
    if (screened.cases.length === 0) return {};
    let earliest = screened.cases[0].case.studyDate;
    let latest = earliest;
    for (const { case: c } of screened.cases) {
      if (c.studyDate < earliest) earliest = c.studyDate;
      if (c.studyDate > latest) latest = c.studyDate;
    }
    const months = policy.cases.spanMonths;
    const limit = addMonthsIso(earliest, months);
    const met = latest < limit;
    return {
      requirements: [{ id: "cases.span", met, actual: round2(monthsBetween(earliest, latest)), required: months }],
      findings: met
        ? []
        : [
            error(
              "CASES_SPAN_OVER_24_MONTHS",
              `the counted cases run from ${earliest} to ${latest}; they must fall within ${months} consecutive months (before ${limit})`,
            ),
          ],
    };
  },
};
