// Recertification after the fee: the certification team records a bank
// transfer, the holder fills in the checklist, chooses the formal letter,
// adds CME, watches the server's report turn eligible and submits (the
// confirmation lists what will be frozen); the committee asks a question, is
// refused a decision while it is open (in words), the holder answers, and the
// committee renews. A second application is withdrawn by its holder.
import { expect, test, type Page } from "@playwright/test";
import { adminDb } from "./fixtures.js";
import { BOARD, createBoardUsers } from "./board-users.js";
import { checkScreen, parisDay, signIn, signOut } from "./helpers.js";

test.describe.configure({ mode: "serial" });

const { holder: HOLDER, committee: COMMITTEE, admin: ADMIN } = BOARD;

const CERT = { id: "cert-e2e-rx-l2", number: "CMR-L2-2021-00031", expiresOn: parisDay(60) };
const OTHER = { id: "cert-e2e-rx-l3", number: "CMR-L3-2021-00032", expiresOn: parisDay(90) };
const APP = `recert-${CERT.id}-1`;
const OTHER_APP = `recert-${OTHER.id}-1`;
const CME_DAY = (i: number) => parisDay(-200 + i);

test.beforeAll(async () => {
  const db = adminDb();
  await createBoardUsers();
  for (const c of [CERT, OTHER]) {
    await db.doc(`certifications/${c.id}`).set({
      uid: HOLDER.uid,
      level: c === CERT ? 2 : 3,
      awardedOn: "2021-01-15",
      expiresOn: c.expiresOn,
      status: "active",
      certificateNumber: c.number,
      holderName: HOLDER.displayName,
      country: "FR",
    });
  }
  // Six CME entries of the cycle already there (as the holder's other client would have written them), written
  // before the application opens: fewer trigger events at once on a busy Functions emulator.
  for (let i = 0; i < 6; i++) {
    await db.doc(`recertifications/${APP}/cme/rx-cme-${i}`).set({
      title: `CMR course ${i}`,
      kind: "course",
      startDate: CME_DAY(i),
      endDate: CME_DAY(i),
      credits: 8,
      certificateId: `rx-cme-${i}`,
    });
  }
  // The files the upload check accepted (the Storage emulator does not run here).
  for (const id of ["rx-letter", ...Array.from({ length: 7 }, (_, i) => `rx-cme-${i}`)]) {
    await db.doc(`users/${HOLDER.uid}/evidence/${id}`).set({
      ownerUid: HOLDER.uid,
      fileName: `${id}.pdf`,
      path: `evidence/${HOLDER.uid}/${id}/${id}.pdf`,
      status: "accepted",
      sha256: "0".repeat(64),
      contentType: "application/pdf",
      reason: null,
      deletedAt: null,
    });
  }
});

const region = (page: Page, id: string) => page.getByRole("region", { name: `Recertification ${id}` });

test("the holder opens the recertification; the team records the bank transfer", async ({ page }) => {
  await signIn(page, HOLDER.email);
  await page.goto("/recertification");
  await page.getByRole("button", { name: `Open the recertification of ${CERT.number}` }).click();
  // The first callable of the run loads the functions in a new worker: slow on a busy machine.
  await expect(region(page, APP)).toHaveAttribute("data-recertification-status", "awaiting-payment", {
    timeout: 120_000,
  });
  // The holder sees no review screens.
  await expect(page.getByRole("link", { name: "Recertification review" })).toHaveCount(0);
  await page.goto("/recertification/review");
  await expect(page.getByRole("alert")).toContainText("your account has none of these roles");
  await signOut(page);

  await signIn(page, ADMIN.email);
  await page.getByRole("link", { name: "Recertification review" }).click();
  const awaiting = page.getByRole("table", { name: "Recertifications awaiting payment" });
  await expect(awaiting.getByRole("row", { name: new RegExp(APP) })).toContainText("€200.00");
  await checkScreen(page, "recertification-review-queue");
  await awaiting.getByRole("link", { name: APP }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Recertification ${APP}`);
  // Less than the fee: the server refuses, in words.
  await page.getByLabel("Transfer reference").fill("BANK-2026-0042");
  await page.getByLabel("Amount received (EUR)").fill("150");
  await page.getByRole("button", { name: "Record the bank transfer" }).click();
  await expect(page.getByRole("alert")).toContainText("Could not record this bank transfer:");
  await expect(page.getByRole("alert")).not.toContainText("failed-precondition");
  await checkScreen(page, "recertification-review-bank-transfer");
  await page.getByLabel("Amount received (EUR)").fill("200");
  await page.getByRole("button", { name: "Record the bank transfer" }).click();
  await expect(page.locator("[data-recertification-status]")).toHaveAttribute("data-recertification-status", "open");
  await expect(page.locator("[data-recertification-status]")).toContainText("by bank transfer");
  await signOut(page);
});

test("the holder fills in the checklist, the letter and CME, and submits what the confirmation lists", async ({
  page,
}) => {
  const db = adminDb();
  await signIn(page, HOLDER.email);
  await page.goto("/recertification");
  const app = region(page, APP);
  await expect(app).toHaveAttribute("data-recertification-status", "open");

  // A checklist the server's schema refuses is refused in the browser, with the reason; nothing is written.
  await app.getByLabel("Year 1: studies performed or reported").fill("10");
  await app.getByLabel("Year 1: of which reported").fill("20");
  await app.getByRole("button", { name: "Save the checklist" }).click();
  await expect(app.getByRole("alert")).toContainText("reported cannot exceed studies");
  expect((await db.doc(`recertifications/${APP}`).get()).get("checklist")).toBeNull();

  // The four complete years of the cycle (the fifth is still running).
  for (const n of [1, 2, 3, 4]) {
    await app.getByLabel(`Year ${n}: studies performed or reported`).fill("60");
    await app.getByLabel(`Year ${n}: of which reported`).fill("30");
    await app.getByLabel(`Year ${n}: institutions`).fill("CHU Lyon; Clinique du Parc");
  }
  await app.getByRole("button", { name: "Save the checklist" }).click();
  await expect(app.getByRole("status").filter({ hasText: "Checklist saved." })).toBeVisible();
  expect((await db.doc(`recertifications/${APP}`).get()).get("checklist.years")).toHaveLength(4);

  await app.getByLabel("Formal letter (an accepted evidence file)").selectOption("rx-letter");
  await app.getByRole("button", { name: "Save the letter" }).click();
  await expect(app.getByRole("status").filter({ hasText: "Formal letter set to rx-letter." })).toBeVisible();

  // The seventh CME entry through the form.
  await app.getByLabel("Title").fill("CMR course 6");
  await app.getByLabel("Kind").selectOption("course");
  await app.getByLabel("Start date").fill(CME_DAY(6));
  await app.getByLabel("End date").fill(CME_DAY(6));
  await app.getByRole("spinbutton", { name: "Credits" }).fill("8");
  await app.getByLabel("Certificate reference (optional)").fill("rx-cme-6");
  await app.getByRole("button", { name: "Add CME entry" }).click();
  await expect(app.getByRole("status").filter({ hasText: "CME entry added." })).toBeVisible();

  // The server's report turns eligible; submission asks for confirmation, listing what will be frozen.
  await expect(app.locator(".eligibility")).toContainText("Eligible for submission", { timeout: 120_000 });
  await checkScreen(page, "recertification-documents");
  await app.getByRole("button", { name: "Submit the recertification…" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit this recertification?" });
  await expect(dialog).toContainText("the checklist (4 years)");
  await expect(dialog).toContainText("the formal letter (rx-letter)");
  await expect(dialog).toContainText("7 CME entries");
  await dialog.getByRole("button", { name: "Yes, submit" }).click();
  await expect(app).toHaveAttribute("data-recertification-status", "submitted");
  // Frozen: the forms are gone, the questions section is there.
  await expect(app.getByRole("button", { name: "Save the checklist" })).toHaveCount(0);
  await expect(app.getByRole("heading", { name: "Questions from the committee" })).toBeVisible();
  await signOut(page);
});

test("the committee asks, is refused a decision while the question is open, and renews once answered", async ({
  page,
}) => {
  await signIn(page, COMMITTEE.email);
  await page.getByRole("link", { name: "Recertification review" }).click();
  await page.getByRole("table", { name: "Submitted recertifications" }).getByRole("link", { name: APP }).click();
  // The snapshot frozen at submission.
  await expect(page.getByRole("table", { name: "Submitted checklist" }).getByRole("row")).toHaveCount(5);
  await expect(page.getByRole("list", { name: "Submitted CME" }).getByRole("listitem")).toHaveCount(7);
  await expect(page.getByText("Evidence rx-letter (accepted)")).toBeVisible();

  await page.getByLabel("Question to the holder").fill("Which of the two institutions is your main practice?");
  await page.getByRole("button", { name: "Ask the holder" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Question sent to the holder" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Questions" })).toContainText("Awaiting the holder's answer.");

  // A refusal without reasons is stopped in the browser; a decision while the question is open by the server.
  await page.getByRole("radio", { name: "Refuse" }).check();
  await page.getByRole("button", { name: "Record my review…" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "A refusal gives its reasons (one per line): the holder is told why.",
  );
  await page.getByRole("radio", { name: /^Renew/ }).check();
  await page.getByRole("button", { name: "Record my review…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Yes, record it" }).click();
  await expect(page.getByRole("alert")).toContainText("Could not record this review: A request for information");
  await expect(page.getByRole("alert")).toContainText("awaits the holder's answer");
  await checkScreen(page, "recertification-review-application");
  await signOut(page);

  await signIn(page, HOLDER.email);
  await page.goto("/recertification");
  const app = region(page, APP);
  await expect(app.getByRole("list", { name: "Questions" })).toContainText("main practice");
  await app.getByLabel("Your answer").fill("CHU Lyon, three days a week.");
  await app.getByRole("button", { name: "Send the answer" }).click();
  await expect(app.getByRole("status").filter({ hasText: "Answer sent to the committee." })).toBeVisible();
  await expect(app.getByRole("list", { name: "Questions" })).toContainText("Answer: CHU Lyon, three days a week.");
  await checkScreen(page, "recertification-submitted-questions");
  await signOut(page);

  await signIn(page, COMMITTEE.email);
  await page.goto(`/recertification/review/${APP}`);
  await expect(page.getByRole("list", { name: "Questions" })).toContainText("Answer: CHU Lyon");
  await page.getByRole("radio", { name: /^Renew/ }).check();
  await page.getByRole("button", { name: "Record my review…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Yes, record it" }).click();
  await expect(page.locator("[data-recertification-status]")).toHaveAttribute("data-recertification-status", "renewed");
  await expect(page.locator("[data-decision]")).toContainText(`renewed (certification cert-${APP})`);
  await expect(page.getByRole("list", { name: "Reviews" })).toContainText("chose renew");
  await signOut(page);

  await signIn(page, HOLDER.email);
  await page.goto("/recertification");
  await expect(region(page, APP)).toHaveAttribute("data-recertification-status", "renewed");
  await expect(region(page, APP).locator("[data-decision]")).toContainText("renewed");
  await signOut(page);
});

test("the holder withdraws an application before submitting it", async ({ page }) => {
  await signIn(page, HOLDER.email);
  await page.goto("/recertification");
  await page.getByRole("button", { name: `Open the recertification of ${OTHER.number}` }).click();
  const app = region(page, OTHER_APP);
  await expect(app).toHaveAttribute("data-recertification-status", "awaiting-payment");
  page.once("dialog", (d) => d.accept());
  await app.getByRole("button", { name: `Withdraw recertification ${OTHER_APP}` }).click();
  await expect(app).toHaveAttribute("data-recertification-status", "withdrawn");
  await expect(app.getByRole("button", { name: /^Withdraw/ })).toHaveCount(0);
  // Reminders and the lapse resume: the certification is free again.
  expect((await adminDb().doc(`certifications/${OTHER.id}`).get()).get("recertificationApplicationId")).toBeNull();
  await signOut(page);
});
