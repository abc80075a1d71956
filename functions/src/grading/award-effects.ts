// What follows an award once the certification exists: the certificate PDF
// in Storage and the result mail with the certificate attached. Run by a
// trigger on the certification's creation; idempotent (the mail has a
// deterministic id, the file path is fixed).
import { getStorage } from "firebase-admin/storage";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import type { MailMessage } from "../platform/domain/mail.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { paths } from "../platform/paths.js";
import { certificatePdf } from "./certificate-pdf.js";
import { messageIds, passedMail } from "./domain/messages.js";
import { gradingLogs } from "./grading-logs.js";

export const certificatePath = (uid: string, certId: string) => `certificates/${uid}/${certId}.pdf`;

/** Storage is there in production and where the Storage emulator runs. */
export const storageAvailable = () =>
  process.env.FUNCTIONS_EMULATOR !== "true" || Boolean(process.env.FIREBASE_STORAGE_EMULATOR_HOST);

/** Writes a private PDF to the default bucket (a fixed path: a rerun overwrites the same object). */
export async function storePdf(path: string, pdf: Uint8Array): Promise<void> {
  await getStorage()
    .bucket()
    .file(path)
    .save(Buffer.from(pdf), {
      contentType: "application/pdf",
      resumable: false,
      metadata: { cacheControl: "private" },
    });
}

/** A PDF attached to a Trigger Email message. */
export const pdfAttachment = (filename: string, pdf: Uint8Array) => ({
  filename,
  content: Buffer.from(pdf).toString("base64"),
  encoding: "base64",
  contentType: "application/pdf",
});

interface AwardedDoc {
  uid: string;
  level: 2 | 3;
  applicationId: string;
  submission: number;
  certificateNumber: string;
  verificationCode: string;
  awardedOn: string;
  expiresOn: string;
  holderName: string | null;
  /** Set when a logbook appeal overturned a failure: the failure's result mail already used the result id. */
  appealRequestId?: string | null;
}

/** The mail that carries the certificate; by default the pass mail of the logbook's result. */
export interface CertificateMail {
  id: string;
  msg: MailMessage;
}

export async function deliverCertificate(db: Firestore, certId: string, cert: AwardedDoc, mail?: CertificateMail) {
  const pdf = await certificatePdf({
    name: cert.holderName ?? "(name not recorded)",
    level: cert.level,
    certificateNumber: cert.certificateNumber,
    awardedOn: cert.awardedOn,
    expiresOn: cert.expiresOn,
    verificationCode: cert.verificationCode,
  });
  const path = certificatePath(cert.uid, certId);
  let stored: string | null = null;
  if (storageAvailable()) {
    await storePdf(path, pdf);
    stored = path;
    gradingLogs.certificateStored(certId, path, pdf.length);
  }
  await db.runTransaction(async (tx) => {
    const { recipient } = await recipientOf(db, tx, cert.uid);
    const msg = {
      ...(mail?.msg ?? passedMail(cert.level, cert.certificateNumber, cert.verificationCode, cert.expiresOn)),
      attachments: [pdfAttachment(`${cert.certificateNumber}.pdf`, pdf)],
    };
    const out = await prepareMessages(
      db,
      tx,
      recipient,
      [
        {
          id:
            mail?.id ??
            (cert.appealRequestId
              ? messageIds.resultOnAppeal(cert.applicationId, cert.submission)
              : messageIds.result(cert.applicationId, cert.submission)),
          msg,
        },
      ],
      `certification ${certId}`,
    );
    tx.update(db.doc(paths.certification(certId)), {
      certificatePath: stored,
      certificateBytes: pdf.length,
      certificateIssuedAt: FieldValue.serverTimestamp(),
    });
    out.send();
  });
}
