// A candidate cannot see another's logbook: the UI says so in words, and the
// security rules refuse the same reads when made directly with the SDK.
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { initializeApp, deleteApp } from "firebase/app";
import { connectAuthEmulator, getAuth, signInWithEmailAndPassword } from "firebase/auth";
import { collection, connectFirestoreEmulator, doc, getDoc, getDocs, getFirestore } from "firebase/firestore";
import { ALICE_APP, BOB_APP, BOB_BAD_CASE, PASSWORD, PROJECT_ID, USERS, adminDb } from "./fixtures.js";
import { checkScreen, signIn } from "./helpers.js";

test("another candidate's logbook is not shown, and the rules refuse it", async ({ page }) => {
  await signIn(page, USERS.bob.email);
  await expect(page.getByRole("link", { name: `Open logbook ${BOB_APP}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Open logbook ${ALICE_APP}` })).toHaveCount(0);

  await page.goto(`/applications/${ALICE_APP}`);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("You cannot open this");
  await expect(alert).toContainText("a logbook can be read only by its candidate");
  await expect(alert).not.toContainText("permission-denied");
  await checkScreen(page, "candidate-denied");

  // The same reads with the SDK as Bob: refused by the rules; his own are allowed.
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-key" }, "bob-direct");
  try {
    const auth = getAuth(app);
    connectAuthEmulator(auth, `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}`, { disableWarnings: true });
    const [host, port] = process.env.FIRESTORE_EMULATOR_HOST!.split(":");
    const db = getFirestore(app);
    connectFirestoreEmulator(db, host, Number(port));
    await signInWithEmailAndPassword(auth, USERS.bob.email, PASSWORD);
    await expect(getDoc(doc(db, "applications", ALICE_APP))).rejects.toMatchObject({ code: "permission-denied" });
    await expect(getDocs(collection(db, "applications", ALICE_APP, "cases"))).rejects.toMatchObject({
      code: "permission-denied",
    });
    await expect(getDoc(doc(db, "applications", ALICE_APP, "validation", "current"))).rejects.toMatchObject({
      code: "permission-denied",
    });
    expect((await getDoc(doc(db, "applications", BOB_APP))).exists()).toBe(true);
  } finally {
    await deleteApp(app);
  }
});

test("a finding links to the row to fix", async ({ page }) => {
  await signIn(page, USERS.bob.email);
  await page.goto(`/applications/${BOB_APP}?tab=report`);
  const link = page.getByRole("link", { name: `Go to case ${BOB_BAD_CASE}` }).first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`tab=cases&focus=${BOB_BAD_CASE}`));
  const row = page.locator(`[data-case-id="${BOB_BAD_CASE}"]`);
  await expect(row).toBeFocused();
  await expect(row).toContainText("cardiac");
});

test("an XLSX file is previewed and imported like a CSV", async ({ page }) => {
  const cases = () => adminDb().collection(`applications/${BOB_APP}/cases`).count().get();
  const before = (await cases()).data().count;
  await signIn(page, USERS.bob.email);
  await page.goto(`/applications/${BOB_APP}?tab=import`);
  await page.getByLabel("File to import").setInputFiles(join(import.meta.dirname, "files", "cases.xlsx"));
  await expect(page.getByText("cases.xlsx: 2 row(s) ready to import, 1 row(s) with errors.")).toBeVisible();
  const errors = page.getByRole("table", { name: "Rows with errors (not imported)" });
  await expect(errors.getByRole("row").nth(1)).toContainText("3");
  await expect(errors.getByRole("row").nth(1)).toContainText("category");
  await page.getByRole("button", { name: "Import 2 case(s)" }).click();
  await expect(page.getByText("2 cases imported.")).toBeVisible();
  expect((await cases()).data().count).toBe(before + 2);
});
