// The committee's decision on a submitted recertification application.
// `applicationReviewers` committee members review (one by default); when
// that many agree, the decision is made; a split waits for a chair, whose
// decision is final. Renewal creates the new certification (from the
// previous expiry, for renewalYears), marks the old one renewed (the
// register follows: grading's register trigger), and the certificate and
// mail follow from the new certification's creation (triggers/). A refusal
// says why and what follows, and lets the reminders and the lapse resume.
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { certificateNumber, verificationCode } from "../grading/index.js";
import { calendarDateIn, PROGRAMME_TIME_ZONE, type IsoDate } from "../platform/domain/dates.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { paths } from "../platform/paths.js";
import { loadPolicy } from "../platform/policy-repository.js";
import { transactionReader } from "../platform/reader.js";
import {
  recertificationMailIds,
  refusedMail,
  renewalDates,
  renewedCertificationIdFor,
  type HeldCertification,
} from "./domain/application.js";
import type { RecertificationApplication } from "./domain/documents.js";
import { appendRecertificationHistory, releaseCertification } from "./application-service.js";
import { readApplication, readCertification } from "./recertification-repository.js";
import { recertificationLogs } from "./recertification-logs.js";

export type RecertificationOutcome = "renew" | "refuse";

/** Fields of the certification being renewed that the next one keeps (Level 2 keys for a later Level 3 via Level 2). */
const CARRIED = ["route", "caseKeys", "cmeEvents", "cmeIds"] as const;

async function renew(
  db: Firestore,
  tx: Transaction,
  appId: string,
  app: RecertificationApplication,
  cert: HeldCertification,
  decidedOn: IsoDate,
): Promise<() => string> {
  const policy = await loadPolicy(db, transactionReader(tx));
  const newId = renewedCertificationIdFor(appId);
  const year = Number(decidedOn.slice(0, 4));
  const counterRef = db.doc(paths.certificateCounter(year));
  const [oldSnap, counterSnap, newSnap, profile] = await tx.getAll(
    db.doc(paths.certification(cert.id)),
    counterRef,
    db.doc(paths.certification(newId)),
    db.doc(paths.user(app.uid)),
  );
  if (newSnap.exists) throw new HttpsError("already-exists", `Certification ${newId} already exists.`);
  const sequence = Number(counterSnap.get("next") ?? 1);
  const number = certificateNumber(cert.level, year, sequence);
  const { validFrom, expiresOn } = renewalDates(cert.expiresOn, policy);
  const carried = Object.fromEntries(
    CARRIED.flatMap((k) => (oldSnap.get(k) !== undefined ? [[k, oldSnap.get(k)]] : [])),
  );
  const name = profile.get("displayName");
  const country = profile.get("country");
  return () => {
    tx.set(counterRef, { next: sequence + 1 }, { merge: true });
    tx.create(db.doc(paths.certification(newId)), {
      ...carried,
      uid: app.uid,
      level: cert.level,
      awardedOn: decidedOn,
      validFrom,
      expiresOn,
      status: "active",
      certificateNumber: number,
      verificationCode: verificationCode(newId, number),
      recertificationSubmitted: false,
      extensionGrantedUntil: null,
      renewalOf: cert.id,
      renewedFromApplication: appId,
      submission: app.submission,
      holderName: typeof name === "string" ? name : (cert.holderName ?? null),
      country: typeof country === "string" ? country : (cert.country ?? null),
      createdAt: FieldValue.serverTimestamp(),
      nextActionOn: decidedOn,
      certificatePath: null,
    });
    tx.update(db.doc(paths.certification(cert.id)), {
      status: "renewed",
      renewedBy: newId,
      renewedOn: decidedOn,
      nextActionOn: null,
      statusChangedAt: FieldValue.serverTimestamp(),
    });
    return newId;
  };
}

async function refuse(
  db: Firestore,
  tx: Transaction,
  appId: string,
  app: RecertificationApplication,
  reasons: string[],
  decidedOn: IsoDate,
): Promise<() => void> {
  const { recipient } = await recipientOf(db, tx, app.uid);
  const out = await prepareMessages(
    db,
    tx,
    recipient,
    [{ id: recertificationMailIds.refused(appId), msg: refusedMail(reasons, app.window.closesOn, decidedOn) }],
    `recertification ${appId}`,
  );
  return () => {
    releaseCertification(db, tx, app.certificationId, decidedOn);
    out.send();
  };
}

/**
 * A committee member's (or a chair's) decision. Returns the application's
 * status afterwards and, on renewal, the new certification's id.
 */
export async function decideRecertification(
  db: Firestore,
  appId: string,
  by: { uid: string; chair: boolean },
  outcome: RecertificationOutcome,
  reasons: string[],
  now: Date,
) {
  const decidedOn = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  const result = await db.runTransaction(async (tx) => {
    const reader = transactionReader(tx);
    const app = await readApplication(reader, db, appId);
    if (app.uid === by.uid) throw new HttpsError("permission-denied", "You cannot review your own recertification.");
    if (app.status !== "submitted") {
      throw new HttpsError(
        "failed-precondition",
        `Recertification application ${appId} is ${app.status}, not submitted.`,
      );
    }
    if (outcome === "refuse" && reasons.length === 0) {
      throw new HttpsError("invalid-argument", "A refusal gives its reasons: the holder is told why.");
    }
    const open = await tx.get(
      db.collection(paths.recertificationPart(appId, "questions")).where("answeredAt", "==", null).limit(1),
    );
    if (!open.empty) {
      throw new HttpsError(
        "failed-precondition",
        `A request for information (${open.docs[0].id}) awaits the holder's answer.`,
      );
    }
    const appSnap = await tx.get(db.doc(paths.recertification(appId)));
    const required = Number(appSnap.get("reviewersRequired") ?? 1);
    const reviews = await tx.get(
      db.collection(paths.recertificationPart(appId, "reviews")).where("submission", "==", app.submission),
    );
    const otherReviews = reviews.docs.filter((d) => d.get("by") !== by.uid);
    const others = otherReviews.map((d) => d.get("outcome") as string);
    // A refusal gives every refusing reviewer's reasons.
    const refusalReasons = [
      ...otherReviews.filter((d) => d.get("outcome") === "refuse").flatMap((d) => (d.get("reasons") as string[]) ?? []),
      ...reasons,
    ];
    const outcomes = [...others, outcome];
    const decided = by.chair && others.length > 0 ? true : outcomes.length >= required;
    const agreed = outcomes.every((o) => o === outcome);
    const final: RecertificationOutcome | null = decided && (agreed || by.chair) ? outcome : null;

    const cert = await readCertification(reader, db, app.certificationId);
    const finish = final === "renew" ? await renew(db, tx, appId, app, cert, decidedOn) : null;
    const refusal = final === "refuse" ? await refuse(db, tx, appId, app, refusalReasons, decidedOn) : null;

    tx.set(db.doc(`${paths.recertificationPart(appId, "reviews")}/${app.submission}-${by.uid}`), {
      submission: app.submission,
      by: by.uid,
      chair: by.chair,
      outcome,
      reasons,
      on: decidedOn,
      at: FieldValue.serverTimestamp(),
    });
    const status = final === "renew" ? "renewed" : final === "refuse" ? "refused" : "submitted";
    const renewedCertificationId = finish?.() ?? null;
    refusal?.();
    tx.update(db.doc(paths.recertification(appId)), {
      status,
      ...(final
        ? {
            decision: { outcome: final, by: by.chair ? by.uid : "reviewers", reasons, decidedOn },
            renewedCertificationId,
          }
        : { awaitingChair: decided && !agreed }),
      updatedAt: FieldValue.serverTimestamp(),
    });
    appendRecertificationHistory(db, tx, appId, `${String(app.submission).padStart(3, "0")}-reviewed-${by.uid}`, {
      event: "reviewed",
      by: by.uid,
      outcome,
    });
    if (final) {
      appendRecertificationHistory(db, tx, appId, `${String(app.submission).padStart(3, "0")}-decided`, {
        event: "decided",
        outcome: final,
        renewedCertificationId,
        on: decidedOn,
      });
    }
    return { status, renewedCertificationId };
  });
  if (result.status !== "submitted") recertificationLogs.decided(appId, result.status);
  return result;
}
