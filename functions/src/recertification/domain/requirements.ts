// evaluateRecertification: the second rule set on the logbook engine's
// patterns (named rules in a registry, requirements + findings, eligible only
// when no error and every requirement met). Pure.
import { sortFindings, warning, screenCmeEntries, type Finding, type Requirement } from "../../logbook/domain/index.js";
import type { Policy } from "../../platform/domain/policy.js";
import { cycleOf } from "./application.js";
import { RECERTIFICATION_RULES } from "./rules/index.js";
import type { RecertificationInput } from "./rules/context.js";

export * from "./rules/context.js";
export { cycleYear } from "./rules/checklist.js";

export interface RecertificationReport {
  eligible: boolean;
  asOf: string;
  policyVersion: string;
  certificationId: string;
  cycle: { from: string; until: string };
  requirements: Requirement[];
  findings: Finding[];
}

export function evaluateRecertification(input: RecertificationInput, policy: Policy): RecertificationReport {
  const cycle = cycleOf(input.certificate, policy);
  const findings: Finding[] = [...input.inputFindings];
  // Only CME of the cycle counts; entries outside it are refused here, the rest screened as for a logbook.
  const inCycle = input.cme.filter((e) => e.startDate >= cycle.from && e.endDate <= input.asOf);
  for (const e of input.cme) {
    if (e.startDate < cycle.from) {
      findings.push(
        warning(
          "RECERT_CME_BEFORE_CYCLE",
          `CME ${e.id}: the event started before the cycle began on ${cycle.from}; credited 0`,
          {
            cmeIds: [e.id],
          },
        ),
      );
    } else if (e.endDate > input.asOf) {
      findings.push(
        warning("CME_IN_FUTURE", `CME ${e.id}: the event ends on ${e.endDate}, after ${input.asOf}; credited 0`, {
          cmeIds: [e.id],
        }),
      );
    }
  }
  const screened = screenCmeEntries(inCycle, policy, input.asOf);
  findings.push(...screened.findings);
  const context = { ...input, policy, cycle, screenedCme: screened.cme };
  const requirements: Requirement[] = [];
  for (const rule of RECERTIFICATION_RULES) {
    const outcome = rule.evaluate(context);
    requirements.push(...outcome.requirements);
    findings.push(...outcome.findings);
  }
  return {
    eligible: findings.every((f) => f.severity !== "error") && requirements.every((r) => r.met),
    asOf: input.asOf,
    policyVersion: policy.version,
    certificationId: input.certificate.id,
    cycle: { from: cycle.from, until: cycle.until },
    requirements,
    findings: sortFindings(findings),
  };
}
