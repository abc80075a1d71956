// The case rules, in the order their findings are most useful to read.
import type { CaseRule } from "../../context.js";
import { courseCaseReview } from "./course-review.js";
import { examWindow } from "./exam-window.js";
import { futureStudy } from "./future-study.js";
import { level3Window } from "./level3-window.js";
import { observerRole } from "./observer-role.js";
import { identifyingPatientRef } from "./patient-ref.js";
import { remoteSupervisionNotApproved } from "./remote-supervision.js";
import { reusedFromLevel2 } from "./reused-from-level2.js";
import { supervisedByCandidate, supervisorNotLevel3, supervisorUnknown } from "./supervisor.js";

export const CASE_RULES: readonly CaseRule[] = [
  identifyingPatientRef,
  observerRole,
  futureStudy,
  examWindow,
  level3Window,
  reusedFromLevel2,
  supervisedByCandidate,
  supervisorUnknown,
  supervisorNotLevel3,
  remoteSupervisionNotApproved,
  courseCaseReview,
];
