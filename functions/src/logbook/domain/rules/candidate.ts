// The candidate's standing: registration, advanced life support, Level 2.
import type { Rule } from "../context.js";
import { error } from "../report.js";
import { yesNo } from "./outcome.js";

export const registration: Rule = {
  name: "registration",
  evaluate: ({ bundle, asOf }) => {
    const registration = bundle.candidate.physicianRegistration;
    return yesNo(
      "registration",
      "REGISTRATION_NOT_VALID",
      registration === null
        ? "no current physician registration is recorded"
        : registration.validUntil < asOf
          ? `the physician registration expired on ${registration.validUntil}`
          : null,
    );
  },
};

// "To be ACLS certified (or provide documented evidence that advanced life
// support is part of their routine practice)."
export const acls: Rule = {
  name: "acls",
  evaluate: ({ bundle, asOf }) => {
    const acls = bundle.candidate.acls;
    let failure: string | null = null;
    if (acls === null) failure = "no ACLS certificate or evidence of advanced life support in routine practice";
    else if (acls.kind === "certificate" && (acls.validUntil === null || acls.validUntil < asOf)) {
      failure = acls.validUntil
        ? `the ACLS certificate expired on ${acls.validUntil}`
        : "the ACLS certificate has no validity date";
    } else if (acls.kind === "certificate" && acls.evidenceId === null) {
      failure = "the ACLS certificate is not uploaded (evidenceId)";
    } else if (acls.kind === "routine-practice" && acls.evidenceId === null) {
      failure = "advanced life support in routine practice needs documented evidence";
    }
    return yesNo("acls", "ACLS_MISSING", failure);
  },
};

// "Level 3 certification via this route will only be considered with current
// Level 2 certification."
export const level2Certification: Rule = {
  name: "level2.current",
  routes: ["level3-via-level2"],
  evaluate: ({ bundle, asOf }) => {
    const level2 = bundle.candidate.level2;
    if (level2 === null) {
      return yesNo(
        "level2.current",
        "LEVEL2_CERTIFICATION_REQUIRED",
        "this route needs a current Level 2 certification",
      );
    }
    return yesNo(
      "level2.current",
      "LEVEL2_CERTIFICATION_EXPIRED",
      level2.expiresOn < asOf ? `the Level 2 certification expired on ${level2.expiresOn}` : null,
    );
  },
};

// The candidate can never be their own supervisor: not named on the
// application, not in the list of supervisors. (Cases, training periods and
// the declaration are checked where they are judged.)
export const notOwnSupervisor: Rule = {
  name: "supervisors.notCandidate",
  evaluate: ({ bundle, ownerUid }) => {
    if (ownerUid === null) return {};
    const named = (bundle.supervisorIds ?? []).includes(ownerUid) || bundle.supervisors.some((s) => s.id === ownerUid);
    return named
      ? { findings: [error("CANDIDATE_OWN_SUPERVISOR", "the candidate is named as one of their own supervisors")] }
      : {};
  },
};
