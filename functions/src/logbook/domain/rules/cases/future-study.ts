import type { CaseRule } from "../../context.js";

export const futureStudy: CaseRule = {
  code: "CASE_IN_FUTURE",
  prepare:
    ({ asOf }) =>
    (c) =>
      c.studyDate > asOf ? `the study date ${c.studyDate} is after ${asOf}` : null,
};
