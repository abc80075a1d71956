// Uploaded evidence (CME attendance certificates, ACLS certificates,
// supervisor letters, publication proofs): what the Storage rules cannot
// check. The file's real type is read from its first bytes.

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const TYPES = [
  { contentType: "application/pdf", extensions: ["pdf"], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { contentType: "image/png", extensions: ["png"], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { contentType: "image/jpeg", extensions: ["jpg", "jpeg"], magic: [0xff, 0xd8, 0xff] },
] as const;

export interface EvidencePath {
  ownerUid: string;
  evidenceId: string;
  fileName: string;
}

/** `evidence/{uid}/{evidenceId}/{fileName}`, or null for any other object. */
export function parseEvidencePath(name: string): EvidencePath | null {
  const match = /^evidence\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(name);
  return match ? { ownerUid: match[1], evidenceId: match[2], fileName: match[3] } : null;
}

/** The content type the bytes really are, or null when none we accept. */
export function detectContentType(head: Uint8Array): string | null {
  const type = TYPES.find(({ magic }) => magic.every((byte, i) => head[i] === byte));
  return type?.contentType ?? null;
}

export interface UploadFacts {
  name: string;
  size: number;
  contentType: string | undefined;
  /** The file's first bytes (at least 8). */
  head: Uint8Array;
}

export type Verdict = { status: "accepted"; contentType: string } | { status: "rejected"; reason: string };

export function inspectEvidence(upload: UploadFacts): Verdict {
  const path = parseEvidencePath(upload.name);
  if (!path)
    return { status: "rejected", reason: "evidence must be uploaded to evidence/{your uid}/{evidenceId}/{file name}" };
  if (upload.size > EVIDENCE_MAX_BYTES) {
    return { status: "rejected", reason: `the file is larger than ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB` };
  }
  if (upload.size === 0) return { status: "rejected", reason: "the file is empty" };
  const detected = detectContentType(upload.head);
  if (!detected) return { status: "rejected", reason: "the file is not a PDF, PNG or JPEG document" };
  const extension = path.fileName.includes(".") ? path.fileName.split(".").pop()!.toLowerCase() : "";
  const expected = TYPES.find((t) => t.contentType === detected)!;
  if (!(expected.extensions as readonly string[]).includes(extension)) {
    return { status: "rejected", reason: `the file's content is ${detected} but its name ends in ".${extension}"` };
  }
  if (upload.contentType !== detected) {
    return {
      status: "rejected",
      reason: `the file's content is ${detected} but it was uploaded as ${upload.contentType ?? "no type"}`,
    };
  }
  return { status: "accepted", contentType: detected };
}

/** Where a rejected object goes: out of the candidate's readable path. */
export const quarantineName = (name: string) => `quarantine/${name}`;
