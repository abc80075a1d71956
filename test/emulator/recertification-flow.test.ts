// The recertification application end to end on the emulators, with the
// deployed triggers: open in the window → pay (the test writes the "Run
// Payments with Stripe" extension's documents as it would) → upload → live
// report eligible → submit → a committee member renews → new certification,
// old one renewed, register row, certificate, mail. Also: opening outside the
// window is refused with the dates; a payment delivered twice is one payment;
// the lapse job does not lapse a certification whose application is open.
import type { Firestore } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../functions/src/logbook/domain/index.js";
import { addDaysIso, addMonthsIso } from "../../functions/src/platform/domain/dates.js";
import { runRecertificationJob } from "../../functions/src/recertification/reminders-job.js";
import { adminDb, callFunction, today, uniqueId, waitFor } from "./helpers.js";

let db: Firestore;
beforeAll(() => {
  db = adminDb();
});

const COMMITTEE = { uid: "recert-committee", claims: { role: "committee" } };
const ADMIN = { uid: "recert-admin", claims: { role: "admin" } };

/** A holder with a Level 2 certification expiring `monthsToExpiry` from today (server date). */
async function seedHolder(monthsToExpiry: number, fields: Record<string, unknown> = {}) {
  const uid = uniqueId("holder");
  const certId = uniqueId("cert");
  const expiresOn = addMonthsIso(today(), monthsToExpiry);
  await db
    .doc(`users/${uid}`)
    .set({ email: `${uid}@demo.cmr`, displayName: "Dr Renew", country: "FR", membership: "silver" });
  await db.doc(`certifications/${certId}`).set({
    uid,
    level: 2,
    route: "level2",
    awardedOn: addMonthsIso(expiresOn, -60),
    expiresOn,
    status: "active",
    certificateNumber: "CMR-L2-2021-00042",
    verificationCode: "ABCD-EFGH-JKMN",
    holderName: "Dr Renew",
    country: "FR",
    recertificationSubmitted: false,
    extensionGrantedUntil: null,
    nextActionOn: null,
    ...fields,
  });
  return { uid, certId, expiresOn };
}

const recert = async (appId: string) => (await db.doc(`recertifications/${appId}`).get()).data();
const history = async (appId: string) =>
  (await db.collection(`recertifications/${appId}/history`).get()).docs.map((d) => ({
    id: d.id,
    event: d.get("event") as string,
  }));

/** What the extension writes for a PaymentIntent of a checkout session (set with merge, as it does). */
async function extensionWritesPayment(uid: string, paymentId: string, appId: string, status: string, amount: number) {
  await db.doc(`customers/${uid}/payments/${paymentId}`).set(
    {
      id: paymentId,
      object: "payment_intent",
      amount,
      amount_received: status === "succeeded" ? amount : 0,
      currency: "eur",
      customer: `cus_${uid}`,
      status,
      metadata: { recertificationId: appId },
      created: Math.floor(Date.now() / 1000),
    },
    { merge: true },
  );
}

async function openAndPay(uid: string, certId: string) {
  const opened = await callFunction("openRecertification", { certificationId: certId }, { uid });
  expect(opened.status).toBe(200);
  const appId = opened.result!.applicationId as string;
  expect(opened.result!.fee).toEqual({ tier: "silver", amountMinor: 7500, currency: "eur" });
  // The client's checkout session, as the web client writes it (the rules tests check who may).
  await db.collection(`customers/${uid}/checkout_sessions`).add({
    mode: "payment",
    line_items: [
      {
        quantity: 1,
        price_data: { currency: "eur", unit_amount: 7500, product_data: { name: "EACVI CMR recertification" } },
      },
    ],
    success_url: "http://127.0.0.1:5050/recertification?paid=1",
    cancel_url: "http://127.0.0.1:5050/recertification",
    metadata: { recertificationId: appId },
  });
  const paymentId = uniqueId("pi");
  await extensionWritesPayment(uid, paymentId, appId, "processing", 7500);
  await extensionWritesPayment(uid, paymentId, appId, "succeeded", 7500);
  await waitFor(
    () => recert(appId),
    (a) => a?.status === "open",
    {
      what: "the application marked paid",
      timeoutMs: 60_000, // the payment trigger's first call may be a cold start on a busy machine
    },
  );
  return { appId, paymentId };
}

/** The documents the published process asks for, and the CME of the cycle, with accepted evidence. */
async function upload(uid: string, appId: string, expiresOn: string) {
  const cycleStart = addMonthsIso(expiresOn, -60);
  for (const id of ["ev-letter", ...Array.from({ length: 7 }, (_, i) => `ev-cme-${i}`)]) {
    await db
      .doc(`users/${uid}/evidence/${id}`)
      .set({ status: "accepted", path: `evidence/${uid}/${id}/f.pdf`, sha256: "a".repeat(64) });
  }
  const batch = db.batch();
  for (let i = 0; i < 7; i++) {
    const day = addDaysIso(addMonthsIso(cycleStart, 24), i);
    batch.set(db.doc(`recertifications/${appId}/cme/cme-${i}`), {
      title: `CMR course ${i}`,
      kind: "course",
      startDate: day,
      endDate: day,
      credits: 8,
      certificateId: `ev-cme-${i}`,
    });
  }
  batch.update(db.doc(`recertifications/${appId}`), {
    checklist: {
      years: [1, 2, 3, 4, 5].map((year) => ({ year, studies: 80, reported: 40, institutions: ["CHU Lyon"] })),
    },
    letterEvidenceId: "ev-letter",
  });
  await batch.commit();
}

describe("recertification, end to end", () => {
  it("open in the window → pay → upload → eligible → submit → renew → register", { timeout: 180_000 }, async () => {
    const { uid, certId, expiresOn } = await seedHolder(2);
    await waitFor(
      async () => (await db.doc(`register/${uid}`).get()).data(),
      (row) => row?.certificationId === certId,
      // The first trigger of a fresh Functions emulator loads the code: allow for a cold start on a busy machine.
      { what: "the holder on the register", timeoutMs: 60_000 },
    );
    const { appId, paymentId } = await openAndPay(uid, certId);
    // (nextActionOn is not asserted: the scheduling trigger of the seed's creation may set it to today
    // after the opening; the job then finds the open application and does nothing: the last test.)
    expect((await db.doc(`certifications/${certId}`).get()).data()).toMatchObject({
      recertificationApplicationId: appId,
    });
    const paidMail = (await db.doc(`mail/recert-app-${appId}-paid`).get()).data();
    expect(paidMail?.message.text).toContain(`http://127.0.0.1:5050/recertification?application=${appId}`);
    expect((await recert(appId))?.paid).toMatchObject({ method: "stripe", reference: paymentId, amountMinor: 7500 });

    // Before the documents, the live report says what is missing.
    const missing = await waitFor(
      async () => (await db.doc(`recertifications/${appId}/validation/current`).get()).data(),
      (r) => Boolean(r?.findings?.some((f: { code: string }) => f.code === "RECERT_LETTER_MISSING")),
      { what: "a report naming the missing letter" },
    );
    expect(missing?.eligible).toBe(false);
    const early = await callFunction("submitRecertification", { applicationId: appId }, { uid });
    expect(early.error?.status).toBe("FAILED_PRECONDITION");

    await upload(uid, appId, expiresOn);
    const report = await waitFor(
      async () => (await db.doc(`recertifications/${appId}/validation/current`).get()).data(),
      (r) => r?.eligible === true,
      { what: "an eligible report" },
    );
    expect(report?.findings).toEqual([]);

    const submitted = await callFunction("submitRecertification", { applicationId: appId }, { uid });
    expect(submitted.status).toBe(200);
    expect(submitted.result).toMatchObject({ submission: 1 });
    const snapshot = (await db.doc(`recertifications/${appId}/snapshots/1`).get()).data();
    expect(snapshot?.report.eligible).toBe(true);
    expect(snapshot?.input.cme).toHaveLength(7);
    expect((await db.doc(`users/${uid}/evidence/ev-letter`).get()).get("submittedIn")).toEqual([appId]);
    // Submitted in time: the daily job no longer lapses the certification.
    expect((await db.doc(`certifications/${certId}`).get()).get("recertificationSubmitted")).toBe(true);

    // The holder can no longer decide for themselves; a committee member can.
    const self = await callFunction("decideRecertification", { applicationId: appId, outcome: "renew" }, { uid });
    expect(self.error?.status).toBe("PERMISSION_DENIED");
    const decided = await callFunction("decideRecertification", { applicationId: appId, outcome: "renew" }, COMMITTEE);
    expect(decided.status).toBe(200);
    const newId = decided.result!.renewedCertificationId as string;
    expect(decided.result).toMatchObject({ status: "renewed", renewedCertificationId: `cert-${appId}` });

    const renewed = (await db.doc(`certifications/${newId}`).get()).data();
    expect(renewed).toMatchObject({
      uid,
      level: 2,
      status: "active",
      validFrom: expiresOn,
      expiresOn: addMonthsIso(expiresOn, 60),
      awardedOn: today(),
      renewalOf: certId,
    });
    expect(renewed?.certificateNumber).toMatch(new RegExp(`^CMR-L2-${today().slice(0, 4)}-\\d{5}$`));
    expect((await db.doc(`certifications/${certId}`).get()).data()).toMatchObject({
      status: "renewed",
      renewedBy: newId,
    });
    expect(await recert(appId)).toMatchObject({ status: "renewed", renewedCertificationId: newId });

    const row = await waitFor(
      async () => (await db.doc(`register/${uid}`).get()).data(),
      (r) => r?.certificationId === newId,
      { what: "the register row moved to the renewed certification" },
    );
    expect(row).toMatchObject({
      level: 2,
      expiresOn: addMonthsIso(expiresOn, 60),
      status: "current",
      name: "Dr Renew",
    });
    const withPdf = await waitFor(
      async () => (await db.doc(`certifications/${newId}`).get()).data(),
      (c) => typeof c?.certificateBytes === "number" && c.certificateBytes > 0,
      { what: "the certificate PDF generated" },
    );
    expect(withPdf?.certificateBytes).toBeGreaterThan(500);
    const mail = (await db.doc(`mail/recert-app-${appId}-renewed`).get()).data();
    expect(mail?.message.subject).toBe("CMR recertification: your Level 2 certification is renewed");
    expect(mail?.message.attachments[0]).toMatchObject({ contentType: "application/pdf" });
    expect((await history(appId)).map((h) => h.event).sort()).toEqual([
      "decided",
      "opened",
      "paid",
      "reviewed",
      "submitted",
    ]);
  });

  it(
    "a request for information holds the decision; a refusal says why and what follows, and releases the certification",
    {
      timeout: 120_000,
    },
    async () => {
      const { uid, certId, expiresOn } = await seedHolder(1);
      const { appId } = await openAndPay(uid, certId);
      await upload(uid, appId, expiresOn);
      await waitFor(
        async () => (await db.doc(`recertifications/${appId}/validation/current`).get()).data(),
        (r) => r?.eligible === true,
        { what: "an eligible report" },
      );
      expect((await callFunction("submitRecertification", { applicationId: appId }, { uid })).status).toBe(200);

      const asked = await callFunction(
        "askRecertificationQuestion",
        { applicationId: appId, text: "Which institution reported the year 3 studies?" },
        COMMITTEE,
      );
      const questionId = asked.result!.questionId as string;
      const waiting = await callFunction(
        "decideRecertification",
        { applicationId: appId, outcome: "renew" },
        COMMITTEE,
      );
      expect(waiting.error?.status).toBe("FAILED_PRECONDITION");
      expect(waiting.error?.message).toContain(questionId);
      const badEvidence = await callFunction(
        "answerRecertificationQuestion",
        { applicationId: appId, questionId, answer: "CHU Lyon", evidenceIds: ["never-uploaded"] },
        { uid },
      );
      expect(badEvidence.error?.status).toBe("FAILED_PRECONDITION");
      const answered = await callFunction(
        "answerRecertificationQuestion",
        { applicationId: appId, questionId, answer: "CHU Lyon", evidenceIds: ["ev-letter"] },
        { uid },
      );
      expect(answered.status).toBe(200);

      const noReason = await callFunction(
        "decideRecertification",
        { applicationId: appId, outcome: "refuse" },
        COMMITTEE,
      );
      expect(noReason.error?.status).toBe("INVALID_ARGUMENT");
      const refused = await callFunction(
        "decideRecertification",
        { applicationId: appId, outcome: "refuse", reasons: ["The formal letter is not signed."] },
        COMMITTEE,
      );
      expect(refused.result).toEqual({ status: "refused", renewedCertificationId: null });
      const mail = (await db.doc(`mail/recert-app-${appId}-refused`).get()).data();
      expect(mail?.message.text).toContain("- The formal letter is not signed.");
      expect(mail?.message.text).toContain(`you may apply again before then`);
      expect(mail?.message.text).toContain(addMonthsIso(expiresOn, 6));
      const cert = (await db.doc(`certifications/${certId}`).get()).data();
      expect(cert).toMatchObject({ status: "active", recertificationApplicationId: null, nextActionOn: today() });
      // The window is still open: a second attempt may be opened.
      const again = await callFunction("openRecertification", { certificationId: certId }, { uid });
      expect(again.result).toMatchObject({ applicationId: `recert-${certId}-2`, created: true });
    },
  );

  it(
    "privacy: the export lists the recertification documents; erasure keeps the paid application and the payment",
    {
      timeout: 120_000,
    },
    async () => {
      const paid = await seedHolder(1);
      const { appId, paymentId } = await openAndPay(paid.uid, paid.certId);
      const second = uniqueId("cert");
      await db.doc(`certifications/${second}`).set({
        ...(await db.doc(`certifications/${paid.certId}`).get()).data(),
        recertificationApplicationId: null,
        level: 3,
      });
      const unpaid = await callFunction("openRecertification", { certificationId: second }, { uid: paid.uid });
      const unpaidId = unpaid.result!.applicationId as string;

      const exported = (await callFunction("exportMyData", {}, { uid: paid.uid })).result as {
        recertifications: { id: string; parts: { history: unknown[] } }[];
        checkoutSessions: unknown[];
        payments: { id: string }[];
      };
      expect(exported.recertifications.map((r) => r.id).sort()).toEqual([appId, unpaidId].sort());
      expect(exported.recertifications.find((r) => r.id === appId)!.parts.history.length).toBeGreaterThanOrEqual(2);
      expect(exported.checkoutSessions).toHaveLength(1);
      expect(exported.payments.map((p) => p.id)).toEqual([paymentId]);

      const outcome = (await callFunction("requestErasure", { confirm: true }, { uid: paid.uid })).result as {
        erased: { path: string }[];
        kept: { path: string; reason: string }[];
      };
      const kept = outcome.kept.map((k) => k.path);
      expect(kept).toContain(`recertifications/${appId}`);
      expect(kept).toContain(`customers/${paid.uid}/payments/${paymentId}`);
      expect(outcome.erased.map((e) => e.path)).toContain(`recertifications/${unpaidId}`);
      expect((await db.doc(`recertifications/${unpaidId}`).get()).exists).toBe(false);
      expect((await db.collection(`customers/${paid.uid}/checkout_sessions`).get()).size).toBe(0);
      expect((await db.doc(`recertifications/${appId}`).get()).exists).toBe(true);
    },
  );

  it("refuses to open outside the window, with the dates; a lapsed certification must repeat the whole process", async () => {
    const early = await seedHolder(7);
    const refused = await callFunction("openRecertification", { certificationId: early.certId }, { uid: early.uid });
    expect(refused.error?.status).toBe("FAILED_PRECONDITION");
    expect(refused.error?.message).toContain(
      `from ${addMonthsIso(early.expiresOn, -6)} to ${addMonthsIso(early.expiresOn, 6)}`,
    );
    // Its twin, one month later in the calendar: inside the window.
    const inside = await seedHolder(5);
    expect(
      (await callFunction("openRecertification", { certificationId: inside.certId }, { uid: inside.uid })).status,
    ).toBe(200);

    const late = await seedHolder(-7);
    const closed = await callFunction("openRecertification", { certificationId: late.certId }, { uid: late.uid });
    expect(closed.error?.message).toContain("the whole certification process (exam and logbook) must be repeated");
    const lapsed = await seedHolder(-1, { status: "lapsed" });
    const lapsedCall = await callFunction(
      "openRecertification",
      { certificationId: lapsed.certId },
      { uid: lapsed.uid },
    );
    expect(lapsedCall.error?.message).toContain("(exam and logbook) must be repeated");
    const notMine = await callFunction("openRecertification", { certificationId: inside.certId }, { uid: late.uid });
    expect(notMine.error?.status).toBe("PERMISSION_DENIED");
  });

  it("opening twice returns the same application", async () => {
    const { uid, certId } = await seedHolder(1);
    const first = await callFunction("openRecertification", { certificationId: certId }, { uid });
    const second = await callFunction("openRecertification", { certificationId: certId }, { uid });
    expect(second.result).toMatchObject({ applicationId: first.result!.applicationId, created: false });
  });

  it("a payment document delivered twice is one payment; a second payment is kept for a refund", async () => {
    const { uid, certId } = await seedHolder(1);
    const { appId, paymentId } = await openAndPay(uid, certId);
    // The extension writes the same payment again (checkout.session.completed after payment_intent.succeeded).
    await db
      .doc(`customers/${uid}/payments/${paymentId}`)
      .set({ items: [{ quantity: 1 }], prices: [] }, { merge: true });
    await extensionWritesPayment(uid, paymentId, appId, "succeeded", 7500);
    const other = uniqueId("pi");
    await extensionWritesPayment(uid, other, appId, "succeeded", 7500);
    await waitFor(
      () => history(appId),
      (h) => h.some((e) => e.id === `payment-duplicate-${other}`),
      { what: "the second payment recorded for a refund" },
    );
    const events = (await history(appId)).map((h) => h.event);
    expect(events.filter((e) => e === "paid")).toHaveLength(1);
    expect((await recert(appId))?.paid.reference).toBe(paymentId);
    const mails = await db.collection("mail").where("to", "==", `${uid}@demo.cmr`).get();
    expect(mails.docs.map((d) => d.id)).toEqual([`recert-app-${appId}-paid`]);
  });

  it("the certification team records a bank transfer: once, and not for less than the fee", async () => {
    const { uid, certId } = await seedHolder(1);
    const opened = await callFunction("openRecertification", { certificationId: certId }, { uid });
    const appId = opened.result!.applicationId as string;
    const transfer = {
      applicationId: appId,
      reference: "BT-2026-001",
      amountMinor: 7500,
      currency: "EUR",
      receivedOn: today(),
    };
    const short = await callFunction("recordRecertificationBankTransfer", { ...transfer, amountMinor: 7499 }, ADMIN);
    expect(short.error?.status).toBe("FAILED_PRECONDITION");
    const byHolder = await callFunction("recordRecertificationBankTransfer", transfer, { uid });
    expect(byHolder.error?.status).toBe("PERMISSION_DENIED");
    // Nor by the holder when they are on the certification team: a payment to oneself is recorded by someone else.
    const byHolderAdmin = await callFunction("recordRecertificationBankTransfer", transfer, {
      uid,
      claims: { role: "admin" },
    });
    expect(byHolderAdmin.error?.status).toBe("PERMISSION_DENIED");
    expect(byHolderAdmin.error?.message).toContain("someone else");
    expect((await callFunction("recordRecertificationBankTransfer", transfer, ADMIN)).result).toEqual({
      recorded: true,
      alreadyRecorded: false,
    });
    expect((await callFunction("recordRecertificationBankTransfer", transfer, ADMIN)).result).toEqual({
      recorded: false,
      alreadyRecorded: true,
    });
    expect(await recert(appId)).toMatchObject({
      status: "open",
      paid: { method: "bank-transfer", recordedBy: ADMIN.uid },
    });
  });

  it(
    "an application opened but not submitted lapses with the certification the day after the window",
    { timeout: 120_000 },
    async () => {
      const { uid, certId, expiresOn } = await seedHolder(-5);
      // The scheduling trigger of the seed's creation first sets nextActionOn to today: let it pass.
      await waitFor(
        async () => (await db.doc(`certifications/${certId}`).get()).get("nextActionOn"),
        (next) => next === today(),
        { what: "the seed's scheduling", timeoutMs: 60_000 },
      );
      const opened = await callFunction("openRecertification", { certificationId: certId }, { uid });
      const appId = opened.result!.applicationId as string;
      const lastDay = addMonthsIso(expiresOn, 6);
      const dayAfterWindow = addDaysIso(lastDay, 1);
      // The job is due again the day after the window, not never.
      expect((await db.doc(`certifications/${certId}`).get()).get("nextActionOn")).toBe(dayAfterWindow);

      await db.doc(`certifications/${certId}`).update({ nextActionOn: lastDay });
      await runRecertificationJob(db, lastDay, DEFAULT_POLICY);
      expect((await db.doc(`certifications/${certId}`).get()).data()).toMatchObject({
        status: "active",
        recertificationApplicationId: appId,
        nextActionOn: dayAfterWindow,
      });

      await runRecertificationJob(db, dayAfterWindow, DEFAULT_POLICY);
      expect((await db.doc(`certifications/${certId}`).get()).data()).toMatchObject({
        status: "lapsed",
        recertificationApplicationId: null,
      });
      expect(await recert(appId)).toMatchObject({ status: "lapsed", lapsedOn: dayAfterWindow });
      expect((await history(appId)).map((h) => h.event)).toContain("lapsed");
      expect((await db.doc(`mail/recert-${certId}-lapsed`).get()).get("message.text")).toContain(
        "without a submitted recertification application",
      );
      await waitFor(
        async () => (await db.doc(`register/${uid}`).get()).exists,
        (exists) => !exists,
        { what: "the lapsed holder removed from the register" },
      );
    },
  );

  it("a submitted application stops the lapse, also where the certification's flag was never set", async () => {
    const { certId, expiresOn } = await seedHolder(-5);
    const appId = uniqueId("recert-submitted");
    await db.doc(`recertifications/${appId}`).set({ status: "submitted", certificationId: certId });
    const dayAfterWindow = addDaysIso(addMonthsIso(expiresOn, 6), 1);
    await db
      .doc(`certifications/${certId}`)
      .update({ recertificationApplicationId: appId, nextActionOn: dayAfterWindow });
    await runRecertificationJob(db, dayAfterWindow, DEFAULT_POLICY);
    expect((await db.doc(`certifications/${certId}`).get()).data()).toMatchObject({
      status: "active",
      nextActionOn: null,
    });
    expect(await recert(appId)).toMatchObject({ status: "submitted" });
  });

  it(
    "no late submissions: a paid application cannot be submitted once the window has closed",
    { timeout: 120_000 },
    async () => {
      const { uid, certId } = await seedHolder(-5);
      const { appId } = await openAndPay(uid, certId);
      // The window (expiry + 6 months) closed yesterday, before the daily job ran.
      const closedYesterday = addDaysIso(addMonthsIso(today(), -6), -1);
      await db.doc(`certifications/${certId}`).update({ expiresOn: closedYesterday });
      const late = await callFunction("submitRecertification", { applicationId: appId }, { uid });
      expect(late.error?.status).toBe("FAILED_PRECONDITION");
      expect(late.error?.message).toContain(`closed on ${addMonthsIso(closedYesterday, 6)}`);
      expect(await recert(appId)).toMatchObject({ status: "open", submission: 0 });
    },
  );

  it("after a withdrawal the certification lapses once the window has closed", async () => {
    const { uid, certId, expiresOn } = await seedHolder(-5);
    const opened = await callFunction("openRecertification", { certificationId: certId }, { uid });
    const appId = opened.result!.applicationId as string;
    const dayAfterWindow = addDaysIso(addMonthsIso(expiresOn, 6), 1);
    expect((await callFunction("withdrawRecertification", { applicationId: appId }, { uid })).status).toBe(200);
    await db.doc(`certifications/${certId}`).update({ nextActionOn: dayAfterWindow });
    await runRecertificationJob(db, dayAfterWindow, DEFAULT_POLICY);
    expect((await db.doc(`certifications/${certId}`).get()).data()).toMatchObject({ status: "lapsed" });
    expect(await recert(appId)).toMatchObject({ status: "withdrawn" });
  });
});
