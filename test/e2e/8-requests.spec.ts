// Requests and appeals: a candidate sends an extension (the supervisor's
// letter chosen from their accepted evidence) and an exam appeal, withdraws
// the appeal; the chair asks for changes, the candidate resends, the chair
// grants fewer months than asked and the exam result carries the extension.
import { expect, test, type Page } from "@playwright/test";
import { SUPERVISOR_NAME, USERS, adminDb } from "./fixtures.js";
import { checkScreen, parisDay, signIn, signOut } from "./helpers.js";

test.describe.configure({ mode: "serial" });

const PASS = "e2e-req-pass";
const FAIL = "e2e-req-fail";

test.beforeAll(async () => {
  const db = adminDb();
  const bob = USERS.bob.uid;
  await db.doc(`examResults/${PASS}`).set({
    uid: bob,
    passed: true,
    status: "passed",
    sittingDate: "2026-03-06",
    resultDate: "2026-04-17",
  });
  // Released five days ago: inside the 30-day appeal window.
  await db.doc(`examResults/${FAIL}`).set({
    uid: bob,
    passed: false,
    status: "failed",
    sittingDate: parisDay(-40),
    resultDate: parisDay(-5),
    score: 55,
    maxScore: 100,
    passMark: 60,
  });
});

const extensionCard = (page: Page) => page.getByRole("region", { name: /^Extension request / });

test("a candidate sends an extension and an exam appeal, and withdraws the appeal", async ({ page }) => {
  await signIn(page, USERS.bob.email);
  await page.getByRole("link", { name: "Requests" }).click();
  await expect(page.getByText("You have sent no request.")).toBeVisible();

  await page.getByRole("button", { name: "Ask for an extension" }).click();
  const form = page.getByRole("form", { name: "Extension request" });
  // An incomplete form is refused in the browser with the server's schema, in words.
  await form.getByRole("button", { name: "Send the extension request" }).click();
  await expect(form.getByRole("alert")).toContainText("Complete the form:");
  await form.getByLabel(/^Exam result/).selectOption({ label: "sitting of 2026-03-06: passed, released 2026-04-17" });
  await form.getByLabel("Grounds", { exact: true }).selectOption({ label: "parental leave" });
  await form.getByLabel("Months asked for").fill("6");
  await form.getByLabel("Explanation").fill("Parental leave from March to August.");
  await form.getByLabel(/signed letter/).selectOption({ label: "e2e-bob-cme.pdf" });
  await form.getByLabel(/^The supervisor who signed it/).selectOption({ label: SUPERVISOR_NAME });
  await form.getByRole("button", { name: "Send the extension request" }).click();
  await expect(extensionCard(page)).toHaveAttribute("data-request-status", "submitted");
  await expect(extensionCard(page)).toContainText("6 month(s) for the logbook submission (parental leave)");
  await expect(extensionCard(page).locator('[data-event="submitted"]')).toBeVisible();

  await page.getByRole("button", { name: "Appeal an exam result" }).click();
  const appeal = page.getByRole("form", { name: "Exam appeal" });
  await appeal
    .getByLabel(/^Exam result/)
    .selectOption({ label: `sitting of ${parisDay(-40)}: not passed, released ${parisDay(-5)}` });
  await appeal.getByLabel("Grounds of the appeal").fill("Question 12 had two correct answers.");
  await appeal.getByRole("button", { name: "Send the exam appeal" }).click();
  const appealCard = page.getByRole("region", { name: `Exam appeal exam-appeal-${FAIL}` });
  await expect(appealCard).toHaveAttribute("data-request-status", "submitted");
  await checkScreen(page, "requests-candidate");

  page.once("dialog", (dialog) => dialog.accept());
  await appealCard.getByRole("button", { name: `Withdraw request exam-appeal-${FAIL}` }).click();
  await expect(appealCard).toHaveAttribute("data-request-status", "withdrawn");
  await expect(appealCard.locator('[data-event="withdrawn"]')).toBeVisible();
  await expect(appealCard.getByRole("button")).toHaveCount(0);
  // A second appeal of the same result is refused by the server, in words.
  await page.getByRole("button", { name: "Appeal an exam result" }).click();
  await appeal
    .getByLabel(/^Exam result/)
    .selectOption({ label: `sitting of ${parisDay(-40)}: not passed, released ${parisDay(-5)}` });
  await appeal.getByLabel("Grounds of the appeal").fill("Again.");
  await appeal.getByRole("button", { name: "Send the exam appeal" }).click();
  await expect(appeal.getByRole("alert")).toContainText("Could not send the exam appeal: This was already appealed");
  await signOut(page);
});

test("the chair asks for changes; the candidate changes and resends", async ({ page }) => {
  await signIn(page, USERS.chair.email);
  await page.goto("/requests");
  const open = page.getByRole("region", { name: "Open requests (to decide)" });
  const card = open.getByRole("region", { name: /^Extension request / });
  await expect(card).toContainText("Parental leave from March to August.");
  await expect(open.getByRole("region", { name: /^Exam appeal/ })).toHaveCount(0); // withdrawn
  await checkScreen(page, "requests-committee");
  await card.getByRole("button", { name: /^Ask for changes/ }).click();
  await expect(card.getByRole("alert")).toHaveText("Say what must change.");
  await card.getByLabel("What must change").fill("Ask for the months of the leave only: four.");
  await card.getByRole("button", { name: /^Ask for changes/ }).click();
  await expect(card).toHaveAttribute("data-request-status", "changes-requested");
  await signOut(page);

  await signIn(page, USERS.bob.email);
  await page.goto("/requests");
  const mine = extensionCard(page);
  await expect(mine).toContainText("The committee asks for changes");
  await expect(mine).toContainText("Ask for the months of the leave only: four.");
  await mine.getByRole("button", { name: /^Change and resend/ }).click();
  const form = mine.getByRole("form", { name: /^Change and resend/ });
  await expect(form.getByLabel("Explanation")).toHaveValue("Parental leave from March to August.");
  await form.getByLabel("Months asked for").fill("4");
  await form.getByRole("button", { name: "Send the request again" }).click();
  await expect(mine).toHaveAttribute("data-request-status", "resubmitted");
  await expect(mine).toContainText("4 month(s) for the logbook submission");
  await expect(mine.getByRole("listitem")).toHaveCount(3); // submitted, changes-requested, resubmitted
  await signOut(page);
});

test("the chair grants fewer months than asked; the candidate sees the decision", async ({ page }) => {
  await signIn(page, USERS.chair.email);
  await page.goto("/requests");
  const card = page.getByRole("region", { name: "Open requests (to decide)" }).getByRole("region", {
    name: /^Extension request /,
  });
  await card.getByLabel(/^Outcome/).selectOption("granted");
  await card.getByLabel(/^Months granted \(at most 4\)/).fill("3");
  await card.getByRole("button", { name: /^Record the decision/ }).click();
  await expect(card.getByRole("alert")).toHaveText("Choose the outcome and give the reason.");
  await card.getByLabel("Reason for the decision").fill("Three months of leave are documented.");
  page.once("dialog", (dialog) => dialog.accept());
  await card.getByRole("button", { name: /^Record the decision/ }).click();
  // Decided: it leaves the open list (other specs' requests may still be waiting there).
  await expect(card).toHaveCount(0);
  await signOut(page);

  await signIn(page, USERS.bob.email);
  await page.goto("/requests");
  await expect(extensionCard(page)).toHaveAttribute("data-request-status", "granted");
  await expect(extensionCard(page)).toContainText("(3 month(s) granted)");
  expect((await adminDb().doc(`examResults/${PASS}`).get()).data()?.extensionGrantedUntil).toBe("2028-07-17");
  await checkScreen(page, "requests-decided");
  await signOut(page);
});
