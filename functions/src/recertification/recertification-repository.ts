// Reading a recertification application and everything its report is built
// from, inside or outside a transaction (platform/reader.ts).
import type { Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { cmeEntrySchema, error, type CmeEntry, type Finding } from "../logbook/index.js";
import { evidenceProblems } from "../evidence/index.js";
import type { IsoDate } from "../platform/domain/dates.js";
import { describeIssue } from "../platform/domain/issues.js";
import { paths } from "../platform/paths.js";
import type { Reader } from "../platform/reader.js";
import { heldCertificationSchema, type HeldCertification } from "./domain/application.js";
import { recertificationApplicationSchema, type RecertificationApplication } from "./domain/documents.js";
import { checklistSchema, type RecertificationInput } from "./domain/requirements.js";

export async function readApplication(
  reader: Reader,
  db: Firestore,
  appId: string,
): Promise<RecertificationApplication> {
  const snap = await reader.get(db.doc(paths.recertification(appId)));
  if (!snap.exists) throw new HttpsError("not-found", `Recertification application ${appId} does not exist.`);
  const parsed = recertificationApplicationSchema.safeParse(snap.data());
  if (!parsed.success)
    throw new HttpsError("failed-precondition", `Recertification application ${appId} is malformed.`);
  return parsed.data;
}

export async function readCertification(reader: Reader, db: Firestore, certId: string): Promise<HeldCertification> {
  const snap = await reader.get(db.doc(paths.certification(certId)));
  if (!snap.exists) throw new HttpsError("not-found", `No certification ${certId}.`);
  const parsed = heldCertificationSchema.safeParse(snap.data());
  if (!parsed.success) throw new HttpsError("failed-precondition", `Certification ${certId} is malformed.`);
  return { ...parsed.data, id: certId };
}

const invalid = (path: string, issues: { path: PropertyKey[]; message: string }[]): Finding =>
  error("RECERT_DOCUMENT_INVALID", `${path}: ${issues.map((i) => describeIssue(i)).join("; ")}`, {
    documentPath: path,
  });

export interface LoadedRecertification {
  app: RecertificationApplication;
  certification: HeldCertification;
  input: RecertificationInput;
  /** The evidence the application names that cannot back a submission (letter, CME certificates). */
  evidenceRecords: Map<string, Record<string, unknown>>;
  references: { evidenceId: string; usedBy: string }[];
}

/** The application, its certification, its CME and the evidence it names, as the report's input at `asOf`. */
export async function loadRecertification(
  reader: Reader,
  db: Firestore,
  appId: string,
  asOf: IsoDate,
): Promise<LoadedRecertification> {
  const app = await readApplication(reader, db, appId);
  const cert = await readCertification(reader, db, app.certificationId);
  const cmeSnaps = await reader.query(db.collection(paths.recertificationPart(appId, "cme")));
  const inputFindings: Finding[] = [];
  const cme: CmeEntry[] = [];
  for (const doc of cmeSnaps.docs) {
    const parsed = cmeEntrySchema.safeParse({ ...doc.data(), id: doc.id });
    if (parsed.success) cme.push(parsed.data);
    else inputFindings.push(invalid(`cme/${doc.id}`, parsed.error.issues));
  }
  let checklist: RecertificationInput["checklist"] = null;
  if (app.checklist !== undefined && app.checklist !== null) {
    const parsed = checklistSchema.safeParse(app.checklist);
    if (parsed.success) checklist = parsed.data;
    else inputFindings.push(invalid("checklist", parsed.error.issues));
  }
  const letterId = typeof app.letterEvidenceId === "string" && app.letterEvidenceId ? app.letterEvidenceId : null;
  const references = [
    ...(letterId ? [{ evidenceId: letterId, usedBy: "formal letter" }] : []),
    ...cme.flatMap((e) => (e.certificateId ? [{ evidenceId: e.certificateId, usedBy: `cme/${e.id}` }] : [])),
  ];
  const ids = [...new Set(references.map((r) => r.evidenceId))].filter((id) => /^[A-Za-z0-9_-]{1,128}$/.test(id));
  const snaps = await reader.getAll(ids.map((id) => db.doc(paths.evidence(app.uid, id))));
  const evidenceRecords = new Map(snaps.filter((s) => s.exists).map((s) => [s.id, s.data() ?? {}]));
  const letterProblem = letterId
    ? (evidenceProblems([{ evidenceId: letterId, usedBy: "formal letter" }], evidenceRecords, appId)[0]?.problem ??
      null)
    : null;
  return {
    app,
    certification: cert,
    references,
    evidenceRecords,
    input: {
      asOf,
      certificate: {
        id: cert.id,
        certificateNumber: cert.certificateNumber ?? null,
        status: cert.status,
        awardedOn: cert.awardedOn,
        expiresOn: cert.expiresOn,
      },
      checklist,
      letter: letterId ? { evidenceId: letterId, problem: letterProblem } : null,
      cme,
      inputFindings,
    },
  };
}
