// The upload check and the deletion handler against the Firestore emulator,
// with the bucket replaced by an in-memory object store (the Storage emulator
// cannot run here; test/storage/ holds the storage.rules tests).
import { describe, expect, it } from "vitest";
import { EVIDENCE_LIMITS } from "../../functions/src/evidence/domain/evidence.js";
import {
  evidenceUsagePath,
  processEvidenceDeletion,
  processEvidenceUpload,
  type ObjectStore,
  type UploadedObject,
} from "../../functions/src/evidence/upload-check.js";
import { fakePdf, realPdf, realPng } from "../factories/files.js";
import { adminDb, uniqueId } from "./helpers.js";

const db = adminDb();

function memoryStore(files: Record<string, Buffer>): ObjectStore & { files: Record<string, Buffer> } {
  return {
    files,
    download: async (name) => {
      if (!files[name]) throw new Error(`no object ${name}`);
      return files[name];
    },
    move: async (from, to) => {
      files[to] = files[from];
      delete files[from];
    },
  };
}

describe("checking an uploaded evidence file", () => {
  it("records an accepted PDF with its size, type and SHA-256, and leaves the file where it is", async () => {
    const uid = uniqueId("u");
    const name = `evidence/${uid}/ev-1/certificate.pdf`;
    const store = memoryStore({ [name]: realPdf() });
    await processEvidenceUpload(db, store, {
      name,
      size: realPdf().length,
      contentType: "application/pdf",
      generation: "1",
    });
    const record = (await db.doc(`users/${uid}/evidence/ev-1`).get()).data();
    expect(record).toMatchObject({
      status: "accepted",
      contentType: "application/pdf",
      size: realPdf().length,
      path: name,
      reason: null,
    });
    expect(record?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(store.files)).toEqual([name]);
  });

  it("moves a fake PDF to quarantine and tells the candidate why", async () => {
    const uid = uniqueId("u");
    const name = `evidence/${uid}/ev-2/certificate.pdf`;
    const store = memoryStore({ [name]: fakePdf() });
    await processEvidenceUpload(db, store, {
      name,
      size: fakePdf().length,
      contentType: "application/pdf",
      generation: "1",
    });
    const record = (await db.doc(`users/${uid}/evidence/ev-2`).get()).data();
    expect(record).toMatchObject({
      status: "rejected",
      reason: "the file is not a PDF, PNG or JPEG document",
      path: `quarantine/${name}`,
    });
    expect(Object.keys(store.files)).toEqual([`quarantine/${name}`]);
  });

  it("rejects an oversized file without downloading it", async () => {
    const uid = uniqueId("u");
    const name = `evidence/${uid}/ev-3/huge.pdf`;
    const store = memoryStore({ [name]: realPdf() });
    const size = 11 * 1024 * 1024;
    await processEvidenceUpload(
      db,
      { ...store, download: () => Promise.reject(new Error("downloaded")) },
      {
        name,
        size,
        contentType: "application/pdf",
        generation: "1",
      },
    );
    expect((await db.doc(`users/${uid}/evidence/ev-3`).get()).get("reason")).toBe("the file is larger than 10 MB");
  });

  it("does nothing twice for the same object generation, and ignores objects outside evidence/", async () => {
    const uid = uniqueId("u");
    const name = `evidence/${uid}/ev-4/c.pdf`;
    let downloads = 0;
    const store = memoryStore({ [name]: realPdf() });
    const counting = { ...store, download: (n: string) => (downloads++, store.download(n)) };
    const object = { name, size: realPdf().length, contentType: "application/pdf", generation: "7" };
    await processEvidenceUpload(db, counting, object);
    await processEvidenceUpload(db, counting, object);
    await processEvidenceUpload(db, counting, { ...object, name: `quarantine/${name}` });
    expect(downloads).toBe(1);
  });
});

const pdfObject = (name: string, generation = "1", size = realPdf().length): UploadedObject => ({
  name,
  size,
  contentType: "application/pdf",
  generation,
});

/** A store that counts downloads. */
function countingStore(files: Record<string, Buffer>) {
  const store = memoryStore(files);
  const counted = { ...store, downloads: 0 };
  counted.download = (name: string) => {
    counted.downloads++;
    return store.download(name);
  };
  return counted;
}

const record = async (uid: string, id: string) => (await db.doc(`users/${uid}/evidence/${id}`).get()).data();
const usage = async (uid: string) => (await db.doc(evidenceUsagePath(uid)).get()).data();

describe("a record frozen by a submission", () => {
  async function frozenRecord(submittedIn: unknown = ["app-1"]) {
    const uid = uniqueId("u");
    const name = `evidence/${uid}/ev/certificate.pdf`;
    const store = countingStore({ [name]: realPdf() });
    await processEvidenceUpload(db, store, pdfObject(name, "1"));
    await db.doc(`users/${uid}/evidence/ev`).update({ submittedIn });
    return { uid, name, store, before: await record(uid, "ev") };
  }

  it("refuses a second file name under the frozen id: quarantined, the record unchanged, nothing downloaded", async () => {
    const { uid, store, before } = await frozenRecord();
    const second = `evidence/${uid}/ev/other.pdf`;
    store.files[second] = realPng();
    await processEvidenceUpload(db, store, pdfObject(second, "2"));
    expect(await record(uid, "ev")).toEqual(before);
    expect(Object.keys(store.files)).toContain(`quarantine/${second}`);
    expect(Object.keys(store.files)).not.toContain(second);
    expect(store.downloads).toBe(1);
  });

  it("refuses a new generation of the frozen file itself", async () => {
    const { uid, name, store, before } = await frozenRecord();
    await processEvidenceUpload(db, store, pdfObject(name, "9"));
    expect(await record(uid, "ev")).toEqual(before);
    expect(Object.keys(store.files)).toEqual([`quarantine/${name}`]);
  });

  it("refuses it also when the record was frozen with a single application id (older records)", async () => {
    const { uid, store, before } = await frozenRecord("app-old");
    const second = `evidence/${uid}/ev/other.pdf`;
    store.files[second] = realPdf();
    await processEvidenceUpload(db, store, pdfObject(second, "2"));
    expect(await record(uid, "ev")).toEqual(before);
  });

  it("accepts a second file under an id that is not frozen, which is the twin of the refusal", async () => {
    const { uid, store } = await frozenRecord([]);
    const second = `evidence/${uid}/ev/other.pdf`;
    store.files[second] = realPdf();
    await processEvidenceUpload(db, store, pdfObject(second, "2"));
    expect(await record(uid, "ev")).toMatchObject({ status: "accepted", path: second, generation: "2" });
  });

  it("does not record a file whose id a submission froze while it was being downloaded", async () => {
    const uid = uniqueId("u");
    const name = `evidence/${uid}/ev/certificate.pdf`;
    await db.doc(`users/${uid}/evidence/ev`).set({ status: "accepted", path: "earlier", sha256: "a".repeat(64) });
    const store = memoryStore({ [name]: realPdf() });
    const racing: ObjectStore = {
      ...store,
      download: async (n) => {
        await db.doc(`users/${uid}/evidence/ev`).update({ submittedIn: ["app-1"] });
        return store.download(n);
      },
    };
    await processEvidenceUpload(db, racing, pdfObject(name));
    expect(await record(uid, "ev")).toEqual({
      status: "accepted",
      path: "earlier",
      sha256: "a".repeat(64),
      submittedIn: ["app-1"],
    });
    expect(Object.keys(store.files)).toEqual([`quarantine/${name}`]);
  });
});

describe("per-user limits", () => {
  const fill = (uid: string, count: number, size: number) =>
    db.doc(evidenceUsagePath(uid)).set({
      objects: Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`evidence/${uid}/old-${i}/c.pdf`, { generation: "1", size }]),
      ),
      count,
      bytes: count * size,
    });

  it(`accepts the ${EVIDENCE_LIMITS.maxObjectsPerUser}th object and refuses the next one without downloading it`, async () => {
    const uid = uniqueId("u");
    await fill(uid, EVIDENCE_LIMITS.maxObjectsPerUser - 1, 1000);
    const last = `evidence/${uid}/ev-last/c.pdf`;
    const extra = `evidence/${uid}/ev-extra/c.pdf`;
    const store = countingStore({ [last]: realPdf(), [extra]: realPdf() });
    await processEvidenceUpload(db, store, pdfObject(last));
    expect(await record(uid, "ev-last")).toMatchObject({ status: "accepted" });
    expect(await usage(uid)).toMatchObject({ count: EVIDENCE_LIMITS.maxObjectsPerUser });

    await processEvidenceUpload(db, store, pdfObject(extra));
    expect(await record(uid, "ev-extra")).toMatchObject({
      status: "rejected",
      reason: `you already store ${EVIDENCE_LIMITS.maxObjectsPerUser} evidence files, the most one account may keep; delete some first`,
      path: `quarantine/${extra}`,
    });
    expect(store.downloads).toBe(1);
    expect(await usage(uid)).toMatchObject({ count: EVIDENCE_LIMITS.maxObjectsPerUser });
  });

  it("refuses an object that would take the user over the byte limit, and accepts one that fits exactly", async () => {
    const uid = uniqueId("u");
    const room = 5000;
    await fill(uid, 1, EVIDENCE_LIMITS.maxBytesPerUser - room);
    const fits = `evidence/${uid}/ev-fits/c.pdf`;
    const over = `evidence/${uid}/ev-over/c.pdf`;
    const store = countingStore({ [fits]: realPdf(), [over]: realPdf() });
    await processEvidenceUpload(db, store, pdfObject(over, "1", room + 1));
    expect(await record(uid, "ev-over")).toMatchObject({ status: "rejected" });
    expect(store.downloads).toBe(0);
    await processEvidenceUpload(db, store, pdfObject(fits, "1", room));
    expect(await record(uid, "ev-fits")).toMatchObject({ status: "accepted" });
    expect(await usage(uid)).toMatchObject({ count: 2, bytes: EVIDENCE_LIMITS.maxBytesPerUser });
  });

  it("an overwrite of an object already counted does not count twice", async () => {
    const uid = uniqueId("u");
    const name = `evidence/${uid}/ev/c.pdf`;
    const store = memoryStore({ [name]: realPdf() });
    await processEvidenceUpload(db, store, pdfObject(name, "1"));
    await processEvidenceUpload(db, store, pdfObject(name, "2"));
    expect(await usage(uid)).toMatchObject({ count: 1, bytes: realPdf().length });
  });

  it("a rejected file stops counting once it is in quarantine", async () => {
    const uid = uniqueId("u");
    const name = `evidence/${uid}/ev/c.pdf`;
    await processEvidenceUpload(db, memoryStore({ [name]: fakePdf() }), pdfObject(name, "1", fakePdf().length));
    expect(await usage(uid)).toMatchObject({ count: 0, bytes: 0 });
  });

  it.each([
    [
      "an evidence id of 65 characters",
      `ev${"x".repeat(63)}`,
      "c.pdf",
      "the evidence id must be 1 to 64 letters, digits, '_' or '-'",
    ],
    ["an evidence id with a dot", "ev.1", "c.pdf", "the evidence id must be 1 to 64 letters, digits, '_' or '-'"],
    ["a file name of 121 characters", "ev-1", `${"c".repeat(117)}.pdf`, "the file name is longer than 120 characters"],
  ])("refuses %s without downloading it", async (_what, evidenceId, fileName, reason) => {
    const uid = uniqueId("u");
    const name = `evidence/${uid}/${evidenceId}/${fileName}`;
    const store = countingStore({ [name]: realPdf() });
    await processEvidenceUpload(db, store, pdfObject(name));
    expect(store.downloads).toBe(0);
    expect(Object.keys(store.files)).toEqual([`quarantine/${name}`]);
    expect(await record(uid, evidenceId)).toMatchObject({ status: "rejected", reason });
  });

  it.each([
    ["an evidence id of 64 characters", `ev${"x".repeat(62)}`, "c.pdf"],
    ["a file name of 120 characters", "ev-1", `${"c".repeat(116)}.pdf`],
  ])("accepts %s", async (_what, evidenceId, fileName) => {
    const uid = uniqueId("u");
    const name = `evidence/${uid}/${evidenceId}/${fileName}`;
    await processEvidenceUpload(db, memoryStore({ [name]: realPdf() }), pdfObject(name));
    expect(await record(uid, evidenceId)).toMatchObject({ status: "accepted" });
  });
});

describe("deleting an evidence file", () => {
  async function accepted() {
    const uid = uniqueId("u");
    const name = `evidence/${uid}/ev/c.pdf`;
    await processEvidenceUpload(db, memoryStore({ [name]: realPdf() }), pdfObject(name, "5"));
    return { uid, name };
  }

  it("marks the record deleted and stops counting the file", async () => {
    const { uid, name } = await accepted();
    await processEvidenceDeletion(db, { name, generation: "5" });
    const after = await record(uid, "ev");
    expect(after).toMatchObject({ status: "deleted", path: name });
    expect(after?.deletedAt).toBeDefined();
    expect(await usage(uid)).toMatchObject({ count: 0, bytes: 0 });
  });

  it("leaves the record alone when an older generation of the file goes (an overwrite)", async () => {
    const { uid, name } = await accepted();
    await processEvidenceDeletion(db, { name, generation: "4" });
    expect(await record(uid, "ev")).toMatchObject({ status: "accepted" });
    expect(await usage(uid)).toMatchObject({ count: 1 });
  });

  it("leaves the record alone when another file under the same id goes", async () => {
    const { uid } = await accepted();
    await processEvidenceDeletion(db, { name: `evidence/${uid}/ev/other.pdf`, generation: "5" });
    expect(await record(uid, "ev")).toMatchObject({ status: "accepted" });
  });

  it("a new upload under the id brings the record back to accepted", async () => {
    const { uid, name } = await accepted();
    await processEvidenceDeletion(db, { name, generation: "5" });
    await processEvidenceUpload(db, memoryStore({ [name]: realPdf() }), pdfObject(name, "6"));
    expect(await record(uid, "ev")).toMatchObject({ status: "accepted", generation: "6", deletedAt: null });
  });

  it("ignores objects outside evidence/ and a redelivered event", async () => {
    const { uid, name } = await accepted();
    await processEvidenceDeletion(db, { name: `quarantine/${name}`, generation: "5" });
    expect(await record(uid, "ev")).toMatchObject({ status: "accepted" });
    await processEvidenceDeletion(db, { name, generation: "5" });
    const first = await record(uid, "ev");
    await processEvidenceDeletion(db, { name, generation: "5" });
    expect(await record(uid, "ev")).toEqual(first);
  });
});
