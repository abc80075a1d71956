// Keeps register/{uid} in step with the holder's certifications: one row per
// person, their highest current level; removed when none counts.
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { COLLECTIONS, paths } from "../platform/paths.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { transactionReader } from "../platform/reader.js";
import { registerRowFor, registeredCertificationSchema, type RegisteredCertification } from "./domain/index.js";
import { gradingLogs } from "./grading-logs.js";

export async function syncRegister(db: Firestore, uid: string, now: Date): Promise<boolean> {
  const listed = await db.runTransaction(async (tx) => {
    const certs = await tx.get(db.collection(COLLECTIONS.certifications).where("uid", "==", uid));
    const policy = await loadPolicy(db, transactionReader(tx));
    const parsed: RegisteredCertification[] = [];
    for (const doc of certs.docs) {
      const p = registeredCertificationSchema.safeParse(doc.data());
      if (p.success) parsed.push({ ...p.data, id: doc.id });
      else
        gradingLogs.documentInvalid(
          doc.ref.path,
          p.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
        );
    }
    const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
    const row = registerRowFor(parsed, today, policy.recertification.windowMonthsAfter);
    const ref = db.doc(paths.registerEntry(uid));
    const current = await tx.get(ref);
    if (!row) {
      if (current.exists) tx.delete(ref);
      return false;
    }
    const { certificationId, ...shown } = row;
    const same =
      current.exists &&
      JSON.stringify({ ...shown, certificationId }) ===
        JSON.stringify(Object.fromEntries(Object.keys({ ...shown, certificationId }).map((k) => [k, current.get(k)])));
    if (!same) tx.set(ref, { ...shown, certificationId, updatedAt: FieldValue.serverTimestamp() });
    return true;
  });
  gradingLogs.registerSynced(uid, listed);
  return listed;
}
