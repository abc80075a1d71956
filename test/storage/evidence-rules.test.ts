// storage.rules for evidence/{uid}/{evidenceId}/{fileName}. Runs only when
// the Storage emulator is available (vitest.config.ts), with Firestore for
// the rules' firestore.get()/exists().
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { doc, setDoc } from "firebase/firestore";
import { deleteObject, getBytes, ref, uploadBytes } from "firebase/storage";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { realPdf } from "../factories/files.js";

const root = join(import.meta.dirname, "..", "..");
let env: RulesTestEnvironment;
const OWNER = "cand-owner";
const PATH = `evidence/${OWNER}/ev-1/certificate.pdf`;
const pdf = { contentType: "application/pdf" };

beforeAll(async () => {
  env = await initializeTestEnvironment({
    projectId: "demo-cmr-storage-rules",
    storage: { rules: readFileSync(join(root, "storage.rules"), "utf8") },
    firestore: { rules: readFileSync(join(root, "firestore.rules"), "utf8") },
  });
});
afterAll(() => env.cleanup());
beforeEach(async () => {
  await env.clearStorage();
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (c) => {
    await uploadBytes(ref(c.storage(), PATH), realPdf(), pdf);
    await setDoc(doc(c.firestore(), "applications/app-1"), {
      ownerUid: OWNER,
      graderUids: ["grader-1"],
      status: "submitted",
    });
  });
});

const storageAs = (uid: string | null, claims?: Record<string, unknown>) =>
  uid === null ? env.unauthenticatedContext().storage() : env.authenticatedContext(uid, claims).storage();
const markSubmitted = () =>
  env.withSecurityRulesDisabled((c) =>
    setDoc(doc(c.firestore(), `users/${OWNER}/evidence/ev-1`), { status: "accepted", submittedIn: "app-1" }),
  );

describe("evidence uploads", () => {
  it("the owner can upload a PDF to their own path", () =>
    assertSucceeds(uploadBytes(ref(storageAs(OWNER), `evidence/${OWNER}/ev-2/c.pdf`), realPdf(), pdf)));
  it("another candidate cannot upload to the owner's path", () =>
    assertFails(uploadBytes(ref(storageAs("cand-other"), `evidence/${OWNER}/ev-2/c.pdf`), realPdf(), pdf)));
  it("the owner cannot upload a text file", () =>
    assertFails(
      uploadBytes(ref(storageAs(OWNER), `evidence/${OWNER}/ev-2/c.txt`), Buffer.from("x"), {
        contentType: "text/plain",
      }),
    ));
  it("the owner cannot upload more than 10 MB", () =>
    assertFails(
      uploadBytes(ref(storageAs(OWNER), `evidence/${OWNER}/ev-2/c.pdf`), Buffer.alloc(10 * 1024 * 1024 + 1), pdf),
    ));
  it("the owner can replace evidence not yet submitted", () =>
    assertSucceeds(uploadBytes(ref(storageAs(OWNER), PATH), realPdf(), pdf)));
  it("the owner cannot replace evidence of a submitted application", async () => {
    await markSubmitted();
    await assertFails(uploadBytes(ref(storageAs(OWNER), PATH), realPdf(), pdf));
  });
  it("the owner cannot delete evidence of a submitted application", async () => {
    await markSubmitted();
    await assertFails(deleteObject(ref(storageAs(OWNER), PATH)));
  });
});

describe("reading evidence", () => {
  it("the owner can read it", () => assertSucceeds(getBytes(ref(storageAs(OWNER), PATH))));
  it("a committee member can read it", () =>
    assertSucceeds(getBytes(ref(storageAs("c", { role: "committee" }), PATH))));
  it("the grader assigned to the application can read it", async () => {
    await markSubmitted();
    await assertSucceeds(getBytes(ref(storageAs("grader-1", { role: "grader" }), PATH)));
  });
  it("a grader not assigned cannot read it", async () => {
    await markSubmitted();
    await assertFails(getBytes(ref(storageAs("grader-2", { role: "grader" }), PATH)));
  });
  it("another candidate cannot read it", () => assertFails(getBytes(ref(storageAs("cand-other"), PATH))));
  it("a signed-out visitor cannot read it", () => assertFails(getBytes(ref(storageAs(null), PATH))));
});
