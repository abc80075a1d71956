// The evidence feature: uploaded certificates and letters, checked on upload
// and marked deleted when their file goes.
export { checkEvidenceUpload } from "./storage/check-evidence-upload.js";
export { markEvidenceDeleted } from "./storage/mark-evidence-deleted.js";
export { EVIDENCE_LIMITS, freezeIn, frozenBy } from "./domain/evidence.js";
export { evidenceProblems, type EvidenceProblem, type EvidenceReference } from "./domain/references.js";
