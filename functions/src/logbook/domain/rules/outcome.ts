import type { RuleOutcome } from "../context.js";
import { error } from "../report.js";

/** A yes/no requirement: met, or one error finding saying why not. */
export function yesNo(id: string, code: string, failure: string | null): RuleOutcome {
  const met = failure === null;
  return {
    requirements: [{ id, met, actual: met, required: true }],
    findings: met ? [] : [error(code, failure)],
  };
}
