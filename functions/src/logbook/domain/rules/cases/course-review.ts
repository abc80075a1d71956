import type { CaseRule } from "../../context.js";

// "Any cases included from courses must have included a full review of the
// case submitted by the candidate."
export const courseCaseReview: CaseRule = {
  code: "COURSE_CASE_NOT_REVIEWED",
  prepare: () => (c) =>
    c.source === "course" && c.fullReview !== true
      ? "a case from a course counts only with a full review by the candidate (fullReview)"
      : null,
};
