// onApplicationDeleted on the real Functions emulator: deleting an
// application removes everything under it and leaves a tombstone.
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { makeBundle } from "../factories/bundle.js";
import { SMALL_POLICY } from "../factories/policy.js";
import { adminDb, seedApplication, waitFor } from "./helpers.js";

const db = adminDb();
const PARTS = ["cases", "cme", "training", "recognition", "declarations", "validation"];

async function documentsUnder(appId: string): Promise<number> {
  const counts = await Promise.all(
    PARTS.map(async (part) => (await db.collection(`applications/${appId}/${part}`).count().get()).data().count),
  );
  return counts.reduce((a, b) => a + b, 0);
}

async function draftWithLogbook() {
  const bundle = makeBundle("level2", {}, SMALL_POLICY);
  const seeded = await seedApplication(db, bundle);
  await db.doc(`applications/${seeded.appId}/validation/current`).set({ eligible: false });
  expect(await documentsUnder(seeded.appId)).toBeGreaterThan(bundle.cases.length);
  return seeded;
}

describe("deleting a draft", () => {
  it("deletes its cases, CME, training, recognition, declarations and report, server side", async () => {
    const { appId, ownerUid } = await draftWithLogbook();
    // As a client does it: the delete and the tombstone in one batch.
    const deletedAt = Timestamp.fromDate(new Date("2026-01-02T03:04:05Z"));
    await db
      .batch()
      .delete(db.doc(`applications/${appId}`))
      .set(db.doc(`deletedApplications/${appId}`), { ownerUid, deletedAt })
      .commit();
    await waitFor(
      () => documentsUnder(appId),
      (n) => n === 0,
      { what: "the sub-collections to be deleted", timeoutMs: 30_000 },
    );
    const tombstone = await waitFor(
      async () => (await db.doc(`deletedApplications/${appId}`).get()).data(),
      (t) => t?.cleanedAt !== undefined,
      { what: "the tombstone to say it was cleaned" },
    );
    expect(tombstone).toMatchObject({ ownerUid, deletedAt });
  });

  it("writes the tombstone itself when the application was deleted without one (Admin SDK)", async () => {
    const { appId, ownerUid } = await draftWithLogbook();
    await db.doc(`applications/${appId}`).delete();
    const tombstone = await waitFor(
      async () => (await db.doc(`deletedApplications/${appId}`).get()).data(),
      (t) => t !== undefined && t.cleanedAt !== undefined,
      { what: "the server's tombstone" },
    );
    expect(tombstone?.ownerUid).toBe(ownerUid);
    await waitFor(
      () => documentsUnder(appId),
      (n) => n === 0,
      { what: "the sub-collections to be deleted", timeoutMs: 30_000 },
    );
  });

  it("leaves other applications alone", async () => {
    const kept = await draftWithLogbook();
    const before = await documentsUnder(kept.appId);
    const gone = await draftWithLogbook();
    await db
      .batch()
      .delete(db.doc(`applications/${gone.appId}`))
      .set(db.doc(`deletedApplications/${gone.appId}`), {
        ownerUid: gone.ownerUid,
        deletedAt: FieldValue.serverTimestamp(),
      })
      .commit();
    await waitFor(
      () => documentsUnder(gone.appId),
      (n) => n === 0,
      { what: "the deleted application's documents to go", timeoutMs: 30_000 },
    );
    expect(await documentsUnder(kept.appId)).toBe(before);
    expect((await db.doc(`applications/${kept.appId}`).get()).exists).toBe(true);
  });
});
