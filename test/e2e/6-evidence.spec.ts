// Evidence files: the upload check's verdicts, the browser's own check before
// an upload, and the upload itself, which needs the Storage emulator.
import { expect, test } from "@playwright/test";
import { REFUSED_EVIDENCE, USERS, adminDb } from "./fixtures.js";
import { checkScreen, signIn } from "./helpers.js";

const STORAGE = !!process.env.FIREBASE_STORAGE_EMULATOR_HOST;
const NO_STORAGE =
  "NOT RUN here: the Storage emulator is not running (its rules runtime, the cloud-storage-rules-runtime jar, " +
  "cannot be installed on these machines and firebase-tools cannot download it offline)";
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

test("the candidate sees each file's verdict, and a file the check would refuse is refused before upload", async ({
  page,
}) => {
  await signIn(page, USERS.bob.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Evidence" }).click();
  await expect(page.getByRole("heading", { name: "Your evidence files" })).toBeVisible();
  const files = page.getByRole("table", { name: "Your files" });
  await expect(files.locator('[data-evidence-status="rejected"]')).toContainText(
    `${REFUSED_EVIDENCE.fileName}${REFUSED_EVIDENCE.id}refused: ${REFUSED_EVIDENCE.reason}`,
  );
  await expect(files.locator('[data-evidence-status="accepted"]')).toContainText("e2e-bob-cme");

  // Refused in the browser by the upload check's own function: nothing is sent.
  const before = (await adminDb().collection(`users/${USERS.bob.uid}/evidence`).count().get()).data().count;
  await page.getByLabel(/^File \(PDF, PNG or JPEG/).setInputFiles({
    name: "notes.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("these are not a PDF"),
  });
  if (STORAGE) {
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("alert")).toHaveText(
      "notes.pdf cannot be uploaded: the file is not a PDF, PNG or JPEG document.",
    );
  } else {
    // Without a Storage emulator the page says so and the button stays disabled.
    await expect(page.locator('[data-uploads="unavailable"]')).toContainText("Uploads are not available here");
    await expect(page.getByRole("button", { name: "Upload" })).toBeDisabled();
  }
  expect((await adminDb().collection(`users/${USERS.bob.uid}/evidence`).count().get()).data().count).toBe(before);
  await checkScreen(page, "candidate-evidence");
});

test(`a PDF is uploaded with progress and the upload check accepts it${STORAGE ? "" : ` (SKIPPED: ${NO_STORAGE})`}`, async ({
  page,
}) => {
  test.skip(!STORAGE, NO_STORAGE);
  await signIn(page, USERS.bob.email);
  await page.goto("/evidence");
  await page
    .getByLabel(/^File \(PDF, PNG or JPEG/)
    .setInputFiles({ name: "course.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.locator('[data-verdict="accepted"]')).toContainText("Accepted: use the evidence id", {
    timeout: 60_000,
  });
  await expect(page.getByRole("table", { name: "Your files" })).toContainText("course.pdf");
});
