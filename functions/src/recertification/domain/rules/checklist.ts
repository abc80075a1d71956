// "a completed recertification checklist": CMR studies performed or reported
// in each complete year of the cycle, and the institutions.
import { addMonthsIso, addDaysIso } from "../../../platform/domain/dates.js";
import { error, type Finding, type Requirement } from "../../../logbook/domain/index.js";
import type { RecertificationContext, RecertificationRule } from "./context.js";

/** Year n of the cycle runs from cycle start + (n-1) years to the day before cycle start + n years. */
export function cycleYear(context: Pick<RecertificationContext, "cycle">, n: number) {
  const from = addMonthsIso(context.cycle.from, 12 * (n - 1));
  const until = addDaysIso(addMonthsIso(context.cycle.from, 12 * n), -1);
  return { from, until };
}

export const checklist: RecertificationRule = {
  name: "checklist",
  evaluate: (context) => {
    const { policy, checklist, asOf, cycle } = context;
    const perYear = policy.recertification.requirements.studiesPerYear;
    const requirements: Requirement[] = [];
    const findings: Finding[] = [];
    if (!checklist) {
      findings.push(error("RECERT_CHECKLIST_MISSING", "the recertification checklist is not filled in yet"));
      return { requirements: [{ id: "checklist.present", met: false, actual: false, required: true }], findings };
    }
    requirements.push({ id: "checklist.present", met: true, actual: true, required: true });
    const seen = new Set<number>();
    for (const y of checklist.years) {
      if (y.year > cycle.years) {
        findings.push(
          error("RECERT_CHECKLIST_YEAR_OUTSIDE_CYCLE", `year ${y.year} is outside the ${cycle.years}-year cycle`),
        );
      }
      if (seen.has(y.year))
        findings.push(error("RECERT_CHECKLIST_YEAR_TWICE", `year ${y.year} is given more than once`));
      seen.add(y.year);
    }
    for (let n = 1; n <= cycle.years; n++) {
      const { from, until } = cycleYear(context, n);
      // A year still running on the day of judgement is not required yet.
      if (until >= asOf) continue;
      const year = checklist.years.find((y) => y.year === n);
      const studies = year?.studies ?? 0;
      const met = studies >= perYear;
      requirements.push({ id: `checklist.year${n}.studies`, met, actual: studies, required: perYear });
      if (!year) {
        findings.push(
          error(
            "RECERT_CHECKLIST_YEAR_MISSING",
            `year ${n} of the cycle (${from} to ${until}) is missing from the checklist`,
          ),
        );
      } else if (!met) {
        findings.push(
          error(
            "RECERT_TOO_FEW_STUDIES",
            `year ${n} (${from} to ${until}): ${studies} CMR studies performed or reported; ${perYear} are required`,
          ),
        );
      }
      const institutions = year?.institutions.length ?? 0;
      requirements.push({
        id: `checklist.year${n}.institutions`,
        met: institutions >= 1,
        actual: institutions,
        required: 1,
      });
      if (year && institutions === 0) {
        findings.push(
          error(
            "RECERT_INSTITUTION_MISSING",
            `year ${n} (${from} to ${until}): name the institution(s) where you practised CMR`,
          ),
        );
      }
    }
    return { requirements, findings };
  },
};
