// Uploaded evidence (CME attendance certificates, ACLS certificates,
// supervisor letters, publication proofs): what the Storage rules cannot
// check. The file's real type is read from its first bytes.

/**
 * Limits on what one account may store, so that nobody can make the upload
 * check download gigabytes. storage.rules repeats them (test/rules/sources.test.ts
 * compares the two); the upload check enforces them again, because rules that
 * read a counter cannot stop a burst of parallel uploads.
 */
export const EVIDENCE_LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  /** Live objects under evidence/{uid}/: a Level 3 logbook needs a few dozen certificates. */
  maxObjectsPerUser: 100,
  maxBytesPerUser: 250 * 1024 * 1024,
  evidenceIdPattern: "^[A-Za-z0-9_-]{1,64}$",
  maxFileNameLength: 120,
  /** How many applications may freeze one file (storage.rules checks each one's graders). */
  maxApplicationsPerEvidence: 3,
} as const;

export const EVIDENCE_MAX_BYTES = EVIDENCE_LIMITS.maxFileBytes;

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

const EVIDENCE_ID = new RegExp(EVIDENCE_LIMITS.evidenceIdPattern);

/** An id Firestore accepts as a document id, so that a refusal can be recorded under it. */
export function isRecordableId(id: string): boolean {
  return /^[^/]{1,128}$/.test(id) && id !== "." && id !== ".." && !/^__.*__$/.test(id);
}

/** Why the object's evidence id or file name is refused, or null. */
export function evidenceNameProblem(path: EvidencePath): string | null {
  if (!EVIDENCE_ID.test(path.evidenceId)) {
    return "the evidence id must be 1 to 64 letters, digits, '_' or '-'";
  }
  if (path.fileName.length > EVIDENCE_LIMITS.maxFileNameLength) {
    return `the file name is longer than ${EVIDENCE_LIMITS.maxFileNameLength} characters`;
  }
  return null;
}

/** What one user already stores: live objects under evidence/{uid}/, by name. */
export interface EvidenceUsage {
  objects: Record<string, { generation: string; size: number }>;
}

/** Why one more object of `size` bytes named `name` would exceed the user's limits, or null. */
export function usageProblem(usage: EvidenceUsage, name: string, size: number): string | null {
  const others = Object.entries(usage.objects).filter(([other]) => other !== name);
  if (others.length >= EVIDENCE_LIMITS.maxObjectsPerUser) {
    return `you already store ${others.length} evidence files, the most one account may keep; delete some first`;
  }
  const bytes = others.reduce((sum, [, o]) => sum + o.size, 0);
  if (bytes + size > EVIDENCE_LIMITS.maxBytesPerUser) {
    return `your evidence files would exceed ${EVIDENCE_LIMITS.maxBytesPerUser / 1024 / 1024} MB in all; delete some first`;
  }
  return null;
}

/** The applications that froze a record: `submittedIn` is a list of application ids (a single id in old records). */
export function frozenBy(submittedIn: unknown): string[] {
  if (Array.isArray(submittedIn)) return submittedIn.filter((id): id is string => typeof id === "string");
  return typeof submittedIn === "string" && submittedIn.length > 0 ? [submittedIn] : [];
}

/**
 * The `submittedIn` list once `key` (an application, recertification or
 * request) has frozen the record, or null when it already has. Always a list:
 * Storage rules let graders read a file only through the list.
 */
export function freezeIn(submittedIn: unknown, key: string): string[] | null {
  const keys = frozenBy(submittedIn);
  return keys.includes(key) ? null : [...keys, key];
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
