// Revocation for misconduct: the certification is revoked with a reason; the
// register trigger removes the row; a revoked EACVI Level 3 ends the holder's
// supervisors entry on that date (so their candidates' live reports change);
// the holder is e-mailed.
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { calendarDateIn, PROGRAMME_TIME_ZONE } from "../platform/domain/dates.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { paths } from "../platform/paths.js";
import { registeredCertificationSchema } from "./domain/index.js";
import { messageIds, revokedMail } from "./domain/messages.js";

export async function revokeCertification(db: Firestore, certId: string, by: string, reason: string, now: Date) {
  const revokedOn = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  return db.runTransaction(async (tx) => {
    const ref = db.doc(paths.certification(certId));
    const snap = await tx.get(ref);
    if (!snap.exists) throw new HttpsError("not-found", `No certification ${certId}.`);
    const parsed = registeredCertificationSchema.safeParse(snap.data());
    if (!parsed.success) throw new HttpsError("failed-precondition", `Certification ${certId} is malformed.`);
    const cert = parsed.data;
    if (cert.status === "revoked") throw new HttpsError("failed-precondition", `Already revoked on ${cert.revokedOn}.`);
    const supervisorRef = db.doc(paths.supervisor(cert.uid));
    const supervisor = cert.level === 3 ? await tx.get(supervisorRef) : null;
    const { recipient } = await recipientOf(db, tx, cert.uid);
    const out = await prepareMessages(
      db,
      tx,
      recipient,
      [
        {
          id: messageIds.revoked(certId),
          msg: revokedMail(cert.level, cert.certificateNumber ?? certId, revokedOn, reason),
        },
      ],
      `certification ${certId}`,
    );
    tx.update(ref, {
      status: "revoked",
      revokedOn,
      revokedBy: by,
      revokedReason: reason,
      nextActionOn: null, // the recertification job has nothing more to do
      statusChangedAt: FieldValue.serverTimestamp(),
    });
    // Only the EACVI entry this programme gave; an SCMR Level 3 is the SCMR's to end.
    const endsSupervision =
      supervisor?.exists && supervisor.get("body") === "EACVI" && (supervisor.get("level3Until") ?? null) === null;
    if (endsSupervision) tx.update(supervisorRef, { level3Until: revokedOn });
    out.send();
    return { revokedOn, supervisionEnded: Boolean(endsSupervision) };
  });
}
