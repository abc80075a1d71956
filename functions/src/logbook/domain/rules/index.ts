// The application rules, in the order of Table 2 of the programme text.
import type { Rule } from "../context.js";
import { acls, level2Certification, notOwnSupervisor, registration } from "./candidate.js";
import { caseSpan } from "./case-span.js";
import { casesTotal, controlRoom, courseCases, normalCases, otherCentreCases } from "./case-limits.js";
import { categoryMinimum } from "./categories.js";
import { cmeCredits } from "./cme.js";
import { examPassed, submissionDeadline } from "./exam.js";
import { peerRecognition } from "./peer-recognition.js";
import { supervisorDeclaration } from "./supervisor-declaration.js";
import { training } from "./training.js";

export const RULES: readonly Rule[] = [
  registration,
  examPassed,
  submissionDeadline,
  level2Certification,
  training,
  casesTotal,
  normalCases,
  courseCases,
  otherCentreCases,
  controlRoom,
  caseSpan,
  categoryMinimum,
  acls,
  cmeCredits,
  peerRecognition,
  notOwnSupervisor,
  supervisorDeclaration,
];
