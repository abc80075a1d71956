// The upload check against the Firestore emulator, with the bucket replaced by
// an in-memory object store (the Storage emulator cannot run here).
import { describe, expect, it } from "vitest";
import { processEvidenceUpload, type ObjectStore } from "../../functions/src/evidence/upload-check.js";
import { fakePdf, realPdf } from "../factories/files.js";
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
