// "A supervisor's declaration stating that the candidate was under his/her
// direct supervision ... was primary operator/reporting physician for all of
// the cases provided in their logbook": so it is dated on or after the
// logbook's last case, not after the day of judgement, and signed by a
// supervisor who holds Level 3 on that date and is not the candidate.
import { isLevel3On, type Rule } from "../context.js";
import { error, type Finding } from "../report.js";

export const supervisorDeclaration: Rule = {
  name: "supervisorDeclaration",
  evaluate: ({ bundle, supervisors, asOf, ownerUid }) => {
    const declaration = bundle.supervisorDeclaration;
    const findings: Finding[] = [];
    if (declaration === null) {
      findings.push(error("SUPERVISOR_DECLARATION_MISSING", "the supervisor's declaration is not signed yet"));
    } else {
      const { supervisorId, signedOn } = declaration;
      const lastCase = bundle.cases.reduce<string | null>(
        (latest, c) => (latest === null || c.studyDate > latest ? c.studyDate : latest),
        null,
      );
      if (ownerUid !== null && supervisorId === ownerUid) {
        findings.push(error("CANDIDATE_OWN_SUPERVISOR", "the declaration is signed by the candidate"));
      }
      if (signedOn > asOf) {
        findings.push(error("SUPERVISOR_DECLARATION_IN_FUTURE", `the declaration is dated ${signedOn}, after ${asOf}`));
      }
      if (lastCase !== null && signedOn < lastCase) {
        findings.push(
          error(
            "SUPERVISOR_DECLARATION_BEFORE_LAST_CASE",
            `the declaration is dated ${signedOn}, before the logbook's last case (${lastCase}); it must cover every case`,
          ),
        );
      }
      if (!isLevel3On(supervisors.get(supervisorId), signedOn)) {
        findings.push(
          error(
            "SUPERVISOR_DECLARATION_NOT_LEVEL3",
            `the declaration is signed by "${supervisorId}", who was not a known Level 3 supervisor on ${signedOn}`,
          ),
        );
      }
    }
    const met = findings.length === 0;
    return {
      requirements: [{ id: "supervisorDeclaration", met, actual: met, required: true }],
      findings,
    };
  },
};
