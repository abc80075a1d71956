// Every object deleted from the default bucket (by its owner, by an overwrite,
// or moved to quarantine) is looked at (see evidence/upload-check.ts).
import { onObjectDeleted } from "firebase-functions/v2/storage";
import { firestore } from "../../platform/firestore.js";
import { processEvidenceDeletion } from "../upload-check.js";

export const markEvidenceDeleted = onObjectDeleted((event) =>
  processEvidenceDeletion(firestore(), { name: event.data.name, generation: String(event.data.generation) }),
);
