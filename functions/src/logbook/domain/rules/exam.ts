import { EXAM_ROUTES, type Rule } from "../context.js";
import { addMonthsIso, maxIso } from "../../../platform/domain/dates.js";
import { yesNo } from "./outcome.js";

// "To have passed the EACVI CMR exam."
export const examPassed: Rule = {
  name: "exam.passed",
  routes: EXAM_ROUTES,
  evaluate: ({ bundle }) =>
    yesNo(
      "exam.passed",
      "EXAM_NOT_PASSED",
      bundle.exam === null
        ? "no exam result is recorded"
        : bundle.exam.passed
          ? null
          : `the exam of ${bundle.exam.sittingDate} was not passed`,
    ),
};

// "The application must be submitted no later than 2 years after having
// received the exam results", unless an extension was granted.
export const submissionDeadline: Rule = {
  name: "logbook.deadline",
  routes: EXAM_ROUTES,
  evaluate: ({ bundle, policy, asOf }) => {
    if (bundle.exam === null) return {};
    const regular = addMonthsIso(bundle.exam.resultDate, policy.deadlines.logbookSubmissionMonths);
    const deadline = bundle.extensionGrantedUntil ? maxIso(regular, bundle.extensionGrantedUntil) : regular;
    return yesNo(
      "logbook.deadline",
      "LOGBOOK_SUBMISSION_DEADLINE_PASSED",
      asOf > deadline
        ? `the logbook had to be submitted by ${deadline}; the exam must be repeated (or an extension requested before the deadline)`
        : null,
    );
  },
};
