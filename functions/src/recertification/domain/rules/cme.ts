// "continuing medical education": the CME of the cycle, screened with the
// logbook's CME rules (logbook door), then bounded to the cycle.
import { error, round2 } from "../../../logbook/domain/index.js";
import type { CreditedEvent } from "../../../logbook/domain/index.js";
import type { RecertificationRule } from "./context.js";

/** Kinds that are about CMR alone (the others are credited for their CMR part only). */
const CMR_SPECIFIC = new Set(["cmr-meeting", "course", "online-course", "ects"]);

const total = (events: CreditedEvent[]) => round2(events.reduce((sum, e) => sum + e.credits, 0));

export const cycleCme: RecertificationRule = {
  name: "cme",
  evaluate: ({ screenedCme, policy }) => {
    const { cmeCreditsInCycle, cmeCmrSpecificCredits } = policy.recertification.requirements;
    const credits = total(screenedCme);
    const specific = total(screenedCme.filter((e) => e.entries.every((entry) => CMR_SPECIFIC.has(entry.kind))));
    const findings = [
      ...(credits < cmeCreditsInCycle
        ? [
            error(
              "RECERT_CME_TOO_FEW",
              `${credits} CME credits in CMR count in the cycle; ${cmeCreditsInCycle} are required`,
            ),
          ]
        : []),
      ...(specific < cmeCmrSpecificCredits
        ? [
            error(
              "RECERT_CME_TOO_FEW_CMR_SPECIFIC",
              `${specific} CME credits come from CMR-specific events; ${cmeCmrSpecificCredits} are required`,
            ),
          ]
        : []),
    ];
    return {
      requirements: [
        { id: "cme.credits", met: credits >= cmeCreditsInCycle, actual: credits, required: cmeCreditsInCycle },
        {
          id: "cme.cmrSpecific",
          met: specific >= cmeCmrSpecificCredits,
          actual: specific,
          required: cmeCmrSpecificCredits,
        },
      ],
      findings,
    };
  },
};
