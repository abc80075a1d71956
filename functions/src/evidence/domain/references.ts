// What a submission needs from the evidence it names: every referenced file
// uploaded, accepted by the upload check and still there. Pure: the
// references and the records in, the problems out.
import { EVIDENCE_LIMITS, frozenBy } from "./evidence.js";

/** An evidence id as named by one document of the application. */
export interface EvidenceReference {
  evidenceId: string;
  /** The document that names it: `cme/{id}`, `recognition/{id}` or `profile (ACLS)`. */
  usedBy: string;
}

export interface EvidenceProblem {
  evidenceId: string;
  usedBy: string[];
  problem: string;
}

const DOC_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The ids the application's documents name, each with the documents that name it. */
export function groupReferences(references: EvidenceReference[]): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const { evidenceId, usedBy } of references) byId.set(evidenceId, [...(byId.get(evidenceId) ?? []), usedBy]);
  return byId;
}

/** Why the record (undefined: none) cannot back a submission of `appId`, or null. */
export function recordProblem(evidenceId: string, record: Record<string, unknown> | undefined, appId: string) {
  if (!DOC_ID.test(evidenceId)) return "not a valid evidence id";
  if (!record) return "no file uploaded under this id";
  if (record.status === "deleted") return "the file was deleted; upload it again under a new id";
  if (record.status === "rejected") return `the file was rejected: ${String(record.reason ?? "no reason given")}`;
  if (record.status !== "accepted") return "the file has not been checked yet; try again in a minute";
  const others = frozenBy(record.submittedIn).filter((id) => id !== appId);
  if (others.length >= EVIDENCE_LIMITS.maxApplicationsPerEvidence) {
    return `the file is already part of ${others.length} other submitted applications; upload a copy under a new id`;
  }
  return null;
}

/** Every referenced id that cannot back the submission, with what to do about it. */
export function evidenceProblems(
  references: EvidenceReference[],
  records: ReadonlyMap<string, Record<string, unknown>>,
  appId: string,
): EvidenceProblem[] {
  return [...groupReferences(references)].flatMap(([evidenceId, usedBy]) => {
    const problem = recordProblem(evidenceId, records.get(evidenceId), appId);
    return problem ? [{ evidenceId, usedBy, problem }] : [];
  });
}
