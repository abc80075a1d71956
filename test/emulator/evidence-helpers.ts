// Accepted evidence for the emulator tests: each file goes through the real
// upload check, as the bucket's trigger would run it.
import type { Firestore } from "firebase-admin/firestore";
import { processEvidenceUpload } from "../../functions/src/evidence/upload-check.js";
import type { Bundle } from "../../functions/src/logbook/domain/index.js";
import { realPdf } from "../factories/files.js";

/** Every evidence id the bundle names (CME certificates, recognition proofs, ACLS). */
export const evidenceIdsOf = (bundle: Bundle): string[] => [
  ...new Set(
    [
      ...bundle.cme.map((e) => e.certificateId),
      ...bundle.peerRecognition.map((r) => (r as { evidenceId?: unknown }).evidenceId),
      bundle.candidate.acls?.evidenceId,
    ].filter((id): id is string => typeof id === "string"),
  ),
];

let generation = 0;
/** Uploads a real PDF under each id through the upload check. */
export async function uploadEvidence(firestore: Firestore, ownerUid: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    const name = `evidence/${ownerUid}/${id}/certificate.pdf`;
    const store = { download: async () => realPdf(), move: async () => {} };
    await processEvidenceUpload(firestore, store, {
      name,
      size: realPdf().length,
      contentType: "application/pdf",
      generation: `${++generation}`,
    });
  }
}
