import type { CaseRule } from "../../context.js";

// "Cases which have only been observed cannot be included."
export const observerRole: CaseRule = {
  code: "CASE_ROLE_NOT_ACCEPTED",
  prepare: () => (c) =>
    c.role === "observer"
      ? "only cases where the candidate was primary operator or reporting physician count; observed cases do not"
      : null,
};
