// The candidate's logbook from import to submission, and the supervisor's
// signature, in one browser session each, against the real emulators.
import { expect, test, type Page } from "@playwright/test";
import { ALICE_APP, SUPERVISOR_NAME, USERS, adminDb, casesCsv, eligibleCases } from "./fixtures.js";
import { checkScreen, signIn, signOut } from "./helpers.js";

test.describe.configure({ mode: "serial" });

const CASES = eligibleCases(150);
const BAD_ROW = 40; // 0-based: spreadsheet line 42
const logbook = `/applications/${ALICE_APP}`;

const caseCount = async () =>
  (await adminDb().collection(`applications/${ALICE_APP}/cases`).count().get()).data().count;

async function openTab(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Logbook sections" }).getByRole("link", { name }).click();
}

test("the candidate keeps the logbook in the grid: add, edit, sort, filter, delete", async ({ page }) => {
  await signIn(page, USERS.alice.email);
  await expect(page.getByRole("heading", { name: "Your applications" })).toBeVisible();
  await checkScreen(page, "candidate-applications");
  await page.getByRole("link", { name: `Open logbook ${ALICE_APP}` }).click();
  await expect(page.getByRole("heading", { name: /Logbook/ })).toBeVisible();

  // Add with the keyboard: fill the fields, Enter submits the form.
  await page.getByLabel("Patient reference (pseudonymous)").fill("grid-tmp-1");
  await page.getByLabel("Study date").fill("2025-06-01");
  await page.getByLabel("Category").first().selectOption("mass");
  await page.getByLabel("Supervisor").selectOption({ label: SUPERVISOR_NAME });
  await page.getByLabel("Present in the control room").check();
  await page.getByLabel("Course (for course cases)").press("Enter");
  const row = page.getByRole("row", { name: /grid-tmp-1/ });
  await expect(row).toContainText("mass");

  // A patient name is refused before anything is written, with the reason.
  await page.getByLabel("Patient reference (pseudonymous)").fill("John Smith");
  await page.getByRole("button", { name: "Add case" }).click();
  await expect(page.getByText(/looks like patient data/)).toBeVisible();
  expect(await caseCount()).toBe(1);

  await page.getByRole("button", { name: "Edit case grid-tmp-1" }).click();
  await page.getByLabel("Category").first().selectOption("pericardial");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(row).toContainText("pericardial");

  await page.getByRole("button", { name: "Study date" }).focus();
  await page.keyboard.press("Enter"); // already ascending by date: now descending
  await expect(page.getByRole("columnheader", { name: /Study date/ })).toHaveAttribute("aria-sort", "descending");

  await page.getByRole("group", { name: "Filter cases" }).getByLabel("Category").selectOption("mass");
  await expect(page.getByText("0 of 1 cases shown")).toBeVisible();
  await page.getByRole("group", { name: "Filter cases" }).getByLabel("Category").selectOption("pericardial");
  await page.getByRole("group", { name: "Filter cases" }).getByLabel("Source").selectOption("own-centre");
  await expect(page.getByText("1 of 1 cases shown")).toBeVisible();
  await checkScreen(page, "candidate-logbook-grid");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete case grid-tmp-1" }).click();
  await expect(page.getByText("Case grid-tmp-1 deleted.")).toBeVisible();
  expect(await caseCount()).toBe(0);
});

test("the candidate imports a 150-row CSV: the bad row is shown and not written, then fixed by hand", async ({
  page,
}) => {
  await signIn(page, USERS.alice.email);
  await page.goto(`${logbook}?tab=import`);
  await expect(page.getByRole("link", { name: "Download the template (CSV)" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the template (CSV)" }).click();
  const template = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of template) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString("utf8").split("\r\n")[0]).toMatch(
    /^patientRef,studyDate,category,normal,source/,
  );

  // An unusable file: said so, nothing written, no import button.
  await page.getByLabel("File to import").setInputFiles({
    name: "wrong.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("name,date\nsomeone,2025-01-01\n"),
  });
  await expect(page.getByRole("alert")).toContainText("Nothing can be imported from wrong.csv");
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  expect(await caseCount()).toBe(0);

  const csv = casesCsv(CASES, { [BAD_ROW]: { studyDate: "2025-02-30" } });
  await page
    .getByLabel("File to import")
    .setInputFiles({ name: "logbook.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText("logbook.csv: 149 row(s) ready to import, 1 row(s) with errors.")).toBeVisible();
  const errors = page.getByRole("table", { name: "Rows with errors (not imported)" });
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors.getByRole("row").nth(1)).toContainText("42");
  await expect(errors.getByRole("row").nth(1)).toContainText("studyDate");
  await expect(errors.getByRole("row").nth(1)).toContainText("2025-02-30");
  await checkScreen(page, "candidate-import-preview");

  await page.getByRole("button", { name: "Import 149 case(s)" }).click();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("value", "149");
  await expect(page.getByText("149 cases imported. 1 row(s) with errors were not imported")).toBeVisible();
  expect(await caseCount()).toBe(149);
  const bad = await adminDb()
    .collection(`applications/${ALICE_APP}/cases`)
    .where("patientRef", "==", CASES[BAD_ROW].patientRef)
    .get();
  expect(bad.size).toBe(0);

  // The report: 149 of 150, and the server agrees once it has caught up.
  await openTab(page, "Report");
  await expect(page.locator('[data-requirement="cases.total"]')).toContainText("149 / 150");
  await expect(page.locator("[data-server-state]").first()).toHaveAttribute("data-server-state", "confirmed", {
    timeout: 30_000,
  });
  await expect(page.locator(".eligibility")).toHaveText("Not eligible yet");

  // Fix the bad row by hand in the grid.
  const fixed = CASES[BAD_ROW];
  await openTab(page, "Cases");
  await page.getByLabel("Patient reference (pseudonymous)").fill(fixed.patientRef);
  await page.getByLabel("Study date").fill(fixed.studyDate);
  await page.getByLabel("Category").first().selectOption(fixed.category);
  await page.getByLabel("Supervisor").selectOption({ label: SUPERVISOR_NAME });
  if (fixed.presentInControlRoom) await page.getByLabel("Present in the control room").check();
  await page.getByRole("button", { name: "Add case" }).click();
  await expect(page.getByText("150 of 150 cases shown")).toBeVisible();

  await openTab(page, "Report");
  await expect(page.locator('[data-requirement="cases.total"]')).toContainText("150 / 150");
  await expect(page.locator('[data-requirement="cases.normal"]')).toContainText("at most 15");
  await expect(page.locator("[data-server-state]").first()).toHaveAttribute("data-server-state", "confirmed", {
    timeout: 30_000,
  });
  // Only the supervisor's declaration is missing now.
  const errorsLeft = page.locator(".finding.error");
  await expect(errorsLeft).toHaveCount(1);
  await expect(errorsLeft).toContainText(/declaration/i);
  await checkScreen(page, "candidate-report-before-declaration");
});

test("the supervisor sees the candidate, reads the logbook and signs the declaration", async ({ page }) => {
  await signIn(page, USERS.supervisor.email);
  await expect(page.getByRole("heading", { name: "Candidates who named you as supervisor" })).toBeVisible();
  // The candidate's name comes from the application (the rules keep her profile from the supervisor).
  await expect(page.getByRole("row", { name: new RegExp(ALICE_APP) })).toContainText(USERS.alice.displayName);
  await checkScreen(page, "supervisor-candidates");
  await page.getByRole("link", { name: `Review logbook ${ALICE_APP}` }).click();
  await expect(page.getByRole("heading", { name: `Logbook of ${USERS.alice.displayName}` })).toBeVisible();
  await expect(page.getByText("150 of 150 cases shown")).toBeVisible();
  await expect(page.getByRole("button", { name: /Edit case/ })).toHaveCount(0);
  await expect(page.locator('[data-requirement="cases.total"]')).toContainText("150 / 150");

  await page.getByLabel("Statement (optional)").fill("The cases were reported under my supervision.");
  await page.getByRole("button", { name: "Sign the declaration" }).click();
  await expect(page.getByText("Declaration signed.")).toBeVisible();
  await expect(page.locator("[data-signed-on]")).toBeVisible();
  await checkScreen(page, "supervisor-logbook");
  await signOut(page);
});

test("the candidate watches the report become eligible and submits", async ({ page }) => {
  await signIn(page, USERS.alice.email);
  await page.goto(`${logbook}?tab=report`);
  await expect(page.locator(".eligibility")).toHaveText("Eligible for submission");
  await expect(page.locator("[data-server-state]").first()).toHaveAttribute("data-server-state", "confirmed", {
    timeout: 30_000,
  });
  await checkScreen(page, "candidate-report-eligible");

  await openTab(page, "Submission");
  await page.getByRole("button", { name: "Submit logbook…" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit this logbook?" });
  await expect(dialog).toContainText("150 case(s)");
  await expect(dialog).toContainText("2 CME entries");
  await expect(dialog).toContainText("1 supervisor declaration(s)");
  await checkScreen(page, "candidate-submit-confirmation");
  await dialog.getByRole("button", { name: "Yes, submit" }).click();
  await expect(page.getByText("Submitted (submission 1). The logbook is now read-only.")).toBeVisible();
  await expect(page.locator("[data-status]")).toHaveText("submitted");
  await expect(page.getByText(/Submission 1 on /)).toBeVisible();

  const app = (await adminDb().doc(`applications/${ALICE_APP}`).get()).data();
  expect(app?.status).toBe("submitted");
  expect((await adminDb().doc(`applications/${ALICE_APP}/snapshots/1`).get()).exists).toBe(true);

  await openTab(page, "Cases");
  await expect(page.getByText("This logbook is submitted: it is read-only.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Edit case|Add case/ })).toHaveCount(0);
  await checkScreen(page, "candidate-logbook-submitted");
});
