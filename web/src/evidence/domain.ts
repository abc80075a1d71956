// The upload check's own inspection (type from the first bytes, size, name),
// bundled into the evidence page only: the browser refuses what the server
// would quarantine before uploading it.
export { EVIDENCE_LIMITS, evidenceNameProblem, inspectEvidence } from "../../../functions/src/evidence/domain/evidence";
