import { EXAM_ROUTES, type CaseRule } from "../../context.js";
import { addMonthsIso, isWithin } from "../../../../platform/domain/dates.js";

// "Cases ... must have been collected from two years before to two years after
// the written exam." Without an exam there is no window (EXAM_NOT_PASSED says why).
export const examWindow: CaseRule = {
  code: "CASE_OUTSIDE_EXAM_WINDOW",
  routes: EXAM_ROUTES,
  prepare: ({ bundle, policy }) => {
    if (!bundle.exam) return () => null;
    const months = policy.cases.examWindowMonths;
    const from = addMonthsIso(bundle.exam.sittingDate, -months);
    const to = addMonthsIso(bundle.exam.sittingDate, months);
    return (c) =>
      isWithin(c.studyDate, from, to)
        ? null
        : `the study date ${c.studyDate} is outside ${from} – ${to} (${months} months either side of the exam sitting)`;
  },
};
