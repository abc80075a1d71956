// Payments: the "Run Payments with Stripe" extension records a payment under
// customers/{uid}/payments/{paymentId}; a succeeded one whose metadata names
// an application marks it paid (idempotent: the same payment seen again
// changes nothing, and the confirmation mail has a deterministic id). The
// certification team may record a bank transfer instead.
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { calendarDateIn, PROGRAMME_TIME_ZONE, type IsoDate } from "../platform/domain/dates.js";
import { prepareMessages, recipientOf } from "../platform/outbox.js";
import { paths } from "../platform/paths.js";
import { transactionReader } from "../platform/reader.js";
import { paidMail, recertificationMailIds } from "./domain/application.js";
import {
  PAYMENT_METADATA_KEY,
  paymentVerdict,
  stripePaymentSchema,
  stripePaymentVerdict,
  type PaymentVerdict,
  type RecertificationApplication,
} from "./domain/documents.js";
import { appendRecertificationHistory } from "./application-service.js";
import { uploadUrl } from "./params.js";
import { readApplication } from "./recertification-repository.js";
import { recertificationLogs } from "./recertification-logs.js";

const uploadLink = (appId: string) => `${uploadUrl.value()}?application=${encodeURIComponent(appId)}`;

/** Applies a verdict inside the transaction that read the application. */
async function applyVerdict(
  db: Firestore,
  tx: Transaction,
  appId: string,
  app: RecertificationApplication,
  verdict: PaymentVerdict,
  reference: string,
) {
  if (verdict.kind === "mark-paid") {
    const { recipient } = await recipientOf(db, tx, app.uid);
    const out = await prepareMessages(
      db,
      tx,
      recipient,
      [{ id: recertificationMailIds.paid(appId), msg: paidMail(appId, uploadLink(appId)) }],
      `recertification ${appId}`,
    );
    tx.update(db.doc(paths.recertification(appId)), {
      status: "open",
      paid: verdict.paid,
      updatedAt: FieldValue.serverTimestamp(),
    });
    appendRecertificationHistory(db, tx, appId, "001-paid", { event: "paid", ...verdict.paid });
    out.send();
  } else if (verdict.kind === "duplicate" || verdict.kind === "refused") {
    // Kept for the certification team (a refund, or a payment to look into); the id makes a redelivery harmless.
    appendRecertificationHistory(db, tx, appId, `payment-${verdict.kind}-${reference}`, {
      event: `payment-${verdict.kind}`,
      reference,
      message: verdict.message,
    });
  }
}

/** The extension wrote customers/{payer}/payments/{paymentId}. Returns what was done. */
export async function onStripePayment(db: Firestore, payer: string, paymentId: string, data: unknown, now: Date) {
  const parsed = stripePaymentSchema.safeParse(data);
  if (!parsed.success) return { kind: "ignore", why: "not a payment document" } as const;
  const appId = parsed.data.metadata?.[PAYMENT_METADATA_KEY];
  if (typeof appId !== "string" || !/^[^/]{1,200}$/.test(appId)) {
    return { kind: "ignore", why: "not a recertification payment" } as const;
  }
  const today = calendarDateIn(PROGRAMME_TIME_ZONE, now);
  const verdict = await db.runTransaction(async (tx) => {
    const snap = await tx.get(db.doc(paths.recertification(appId)));
    if (!snap.exists) return { kind: "ignore", why: `no application ${appId}` } as const;
    const app = await readApplication(transactionReader(tx), db, appId);
    const v = stripePaymentVerdict(app, payer, paymentId, parsed.data, today);
    await applyVerdict(db, tx, appId, app, v, paymentId);
    return v;
  });
  if (verdict.kind === "mark-paid") recertificationLogs.paid(appId, "stripe", paymentId);
  else if (verdict.kind === "duplicate" || verdict.kind === "refused") {
    recertificationLogs.paymentNotApplied(appId, paymentId, verdict.kind, verdict.message);
  }
  return verdict;
}

/** The certification team records a bank transfer by hand. */
export async function recordBankTransfer(
  db: Firestore,
  appId: string,
  by: string,
  transfer: { reference: string; amountMinor: number; currency: string; receivedOn: IsoDate },
) {
  const verdict = await db.runTransaction(async (tx) => {
    const app = await readApplication(transactionReader(tx), db, appId);
    if (app.uid === by) {
      throw new HttpsError("permission-denied", "A payment to one's own recertification is recorded by someone else.");
    }
    const v = paymentVerdict(
      app,
      app.uid,
      { ...transfer, method: "bank-transfer", recordedBy: by },
      transfer.receivedOn,
    );
    if (v.kind === "refused" || v.kind === "duplicate")
      throw new HttpsError("failed-precondition", `Not recorded: ${v.message}.`);
    await applyVerdict(db, tx, appId, app, v, transfer.reference);
    return v;
  });
  if (verdict.kind === "mark-paid") recertificationLogs.paid(appId, "bank-transfer", transfer.reference);
  return { recorded: verdict.kind === "mark-paid", alreadyRecorded: verdict.kind === "already-recorded" };
}
