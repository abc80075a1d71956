// The evidence upload path, kept thin: check the file in the browser with
// the upload check's own rules, put it at evidence/{uid}/{evidenceId}/{name}
// with progress, and let the server's upload check record its verdict in
// users/{uid}/evidence/{evidenceId}, which the page listens to.
import { evidenceNameProblem, inspectEvidence } from "./domain";
import { firebaseReady } from "../firebase";

/** A new evidence id: letters, digits and '-' (the rules' pattern), unique per upload. */
export const newEvidenceId = (): string => crypto.randomUUID();

/** The content type a browser announces for a file name we accept, or the browser's own. */
const TYPE_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};
export function contentTypeOf(name: string, browserType: string): string {
  return TYPE_BY_EXTENSION[name.split(".").pop()?.toLowerCase() ?? ""] ?? browserType;
}

/**
 * Why this file would be refused (by storage.rules or the upload check), or
 * null: the same function the server runs, on the file's first bytes.
 */
export function fileProblem(
  uid: string,
  evidenceId: string,
  file: { name: string; size: number; type: string },
  head: Uint8Array,
): string | null {
  const name = `evidence/${uid}/${evidenceId}/${file.name}`;
  const nameProblem = evidenceNameProblem({ ownerUid: uid, evidenceId, fileName: file.name });
  if (nameProblem) return nameProblem;
  const verdict = inspectEvidence({ name, size: file.size, contentType: contentTypeOf(file.name, file.type), head });
  return verdict.status === "rejected" ? verdict.reason : null;
}

/** Whether uploads can work here: on the emulators only when the Storage emulator runs. */
export async function uploadsAvailable(): Promise<boolean> {
  const { emulators } = await firebaseReady();
  return emulators === null || !!emulators.storage;
}

/** Cloud Storage, loaded on first use (connected to its emulator where one runs). */
export async function storageReady() {
  const { app, emulators } = await firebaseReady();
  const module = await import("firebase/storage");
  const storage = module.getStorage(app);
  if (emulators?.storage) {
    try {
      module.connectStorageEmulator(storage, emulators.storage.host, emulators.storage.port);
    } catch {
      // Already connected by an earlier call.
    }
  }
  return { ...module, storage };
}

/** Uploads the file; `onProgress` gets the fraction sent (0..1). Resolves when Storage has it. */
export async function uploadEvidence(
  uid: string,
  evidenceId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const { storage, ref, uploadBytesResumable } = await storageReady();
  const task = uploadBytesResumable(ref(storage, `evidence/${uid}/${evidenceId}/${file.name}`), file, {
    contentType: contentTypeOf(file.name, file.type),
  });
  await new Promise<void>((resolve, reject) =>
    task.on("state_changed", (s) => onProgress(s.totalBytes ? s.bytesTransferred / s.totalBytes : 0), reject, resolve),
  );
}
