import { isLevel3On, type CaseRule } from "../../context.js";

export const supervisorUnknown: CaseRule = {
  code: "SUPERVISOR_UNKNOWN",
  prepare:
    ({ supervisors }) =>
    (c) =>
      supervisors.has(c.supervisorId) ? null : `supervisor "${c.supervisorId}" is not in the list of supervisors`,
};

// "No logbook can contain cases supervised by them before this date."
export const supervisorNotLevel3: CaseRule = {
  code: "SUPERVISOR_NOT_LEVEL3_ON_CASE_DATE",
  prepare:
    ({ supervisors }) =>
    (c) => {
      const supervisor = supervisors.get(c.supervisorId);
      if (!supervisor || isLevel3On(supervisor, c.studyDate)) return null;
      const until = supervisor.level3Until ? ` until ${supervisor.level3Until}` : "";
      return `supervisor "${c.supervisorId}" held Level 3 from ${supervisor.level3From}${until}, not on ${c.studyDate}`;
    },
};

// The candidate can never be their own supervisor.
export const supervisedByCandidate: CaseRule = {
  code: "CANDIDATE_OWN_SUPERVISOR",
  prepare:
    ({ ownerUid }) =>
    (c) =>
      ownerUid !== null && c.supervisorId === ownerUid ? "the candidate cannot be their own supervisor" : null,
};
