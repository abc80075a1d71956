// Grading of Alice's submitted logbook (2-journey): the graders' queue and
// snapshot, a question answered by the candidate, two grades that disagree,
// the chair's decision, and what the candidate and the public then see.
import { expect, test, type Page } from "@playwright/test";
import { ALICE_APP, USERS, adminDb } from "./fixtures.js";
import { checkScreen, signIn, signOut } from "./helpers.js";

test.describe.configure({ mode: "serial" });

const QUESTION = "Please send the full report of your congenital cases.";
const ANSWER = "The reports are in the hospital system; case e2e-040 is the shunt.";
const round = () => adminDb().doc(`gradings/${ALICE_APP}`);

async function openRound(page: Page) {
  const queue = page.getByRole("table", { name: "Grading queue" });
  await queue.getByRole("link", { name: `Open application ${ALICE_APP}` }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`Grading of ${ALICE_APP}`) })).toBeVisible();
}

/** A field of the grade form (the snapshot below also has a "CME" table). */
const field = (page: Page, label: string | RegExp) =>
  page.getByRole("form", { name: "Your grade" }).getByLabel(label, { exact: true });

async function grade(page: Page, overall: "pass" | "fail", areas: Record<string, string>, comment: string) {
  for (const [label, verdict] of Object.entries(areas)) await field(page, label).selectOption(verdict);
  await field(page, "Overall").selectOption(overall);
  await field(page, /^Comment/).fill(comment);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Record grade" }).click();
  await expect(page.getByText("Your grade is recorded; grades are final.")).toBeVisible();
}

const MEETS = {
  "Clinical cases": "meets",
  "Supervised training": "meets",
  CME: "meets",
  "Supervisor's declaration": "meets",
};

test("a grader finds the logbook in the queue, reads the frozen snapshot and asks the candidate", async ({ page }) => {
  // The assignment trigger ran when Alice submitted: both graders, and random checks.
  await expect.poll(async () => (await round().get()).data()?.status, { timeout: 30_000 }).toBe("grading");
  expect((await round().get()).data()?.graderUids).toEqual([USERS.grader1.uid, USERS.grader2.uid]);

  await signIn(page, USERS.grader1.email);
  await expect(page.getByRole("heading", { name: "Applications assigned to you" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(ALICE_APP) })).toContainText("your grade is due");
  await checkScreen(page, "grader-queue");
  await openRound(page);

  // The snapshot: 150 frozen cases, the report as judged at submission, read-only.
  await expect(page.getByText("150 of 150 cases shown")).toBeVisible();
  await expect(page.locator(".snapshot .eligibility")).toHaveText("Eligible for submission");
  await expect(page.getByRole("button", { name: /Edit case|Add case/ })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "CME (2)" }).getByRole("row")).toHaveCount(3);
  const checks = page.getByRole("table", { name: "Random checks with the supervisors" });
  await expect(checks.getByRole("row")).toHaveCount(4); // header + 3 (the policy's minimum)
  await expect(page.getByText("No grade is visible yet.")).toBeVisible();

  await page.getByLabel("Ask the candidate for more information").fill(QUESTION);
  await page.getByRole("button", { name: "Send the question" }).click();
  await expect(page.getByText("Question sent to the candidate.")).toBeVisible();
  await expect(page.locator('[data-question-status="open"]')).toContainText(QUESTION);
  // While the question is open the grade form is withheld (the callable would refuse it too).
  await expect(page.getByText("Your question is open: you can grade once the candidate has answered.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Record grade" })).toHaveCount(0);
  await checkScreen(page, "grader-round");
  await signOut(page);
});

test("the supervisor confirms a case the random check picked", async ({ page }) => {
  await signIn(page, USERS.supervisor.email);
  await page.goto(`/supervision/${ALICE_APP}`);
  const checks = page.getByRole("region", { name: "Random checks" });
  await expect(checks.locator('[data-check-status="pending"]')).toHaveCount(3);
  const first = checks.locator('[data-check-status="pending"]').first();
  await first.getByLabel(/^Comment on case/).fill("Reported together in our centre.");
  await first.getByRole("button", { name: /^Confirm case/ }).click();
  await expect(page.getByText("Case confirmed.")).toBeVisible();
  await expect(checks.locator('[data-check-status="confirmed"]')).toContainText("Reported together in our centre.");
  await expect(checks.locator('[data-check-status="pending"]')).toHaveCount(2);
  await checkScreen(page, "supervisor-random-check");
  await signOut(page);
});

test("the candidate sees the submitted record and answers the grader's question", async ({ page }) => {
  await signIn(page, USERS.alice.email);
  await page.goto(`/applications/${ALICE_APP}?tab=result`);
  await expect(page.locator("[data-application-status]")).toHaveText(
    "submitted: the certification committee is grading it",
  );
  await expect(page.getByRole("heading", { name: /Submitted logbook \(submission 1/ })).toBeVisible();
  await expect(page.locator('[data-event="assigned"]')).toBeVisible();
  await expect(page.locator('[data-question-status="open"]')).toContainText(QUESTION);

  // An empty answer is refused in the browser; the answer is then sent.
  await page.getByRole("button", { name: "Send the answer" }).click();
  await expect(page.getByText("Write your answer first.")).toBeVisible();
  await page.getByLabel("Your answer").fill(ANSWER);
  await page.getByRole("button", { name: "Send the answer" }).click();
  await expect(page.getByText("Answer sent to the grader.")).toBeVisible();
  await expect(page.locator('[data-question-status="answered"]')).toContainText(ANSWER);
  await checkScreen(page, "candidate-result-submitted");
});

test("the graders disagree and the chair decides: the candidate sees the decision and the certificate", async ({
  page,
}) => {
  await signIn(page, USERS.grader1.email);
  await page.goto(`/grading/${ALICE_APP}`);
  await expect(page.locator('[data-question-status="answered"]')).toContainText(ANSWER);
  await expect(page.locator('tr[data-check-status="confirmed"]')).toContainText("Reported together in our centre.");
  // Peer recognition is not a Level 2 requirement: fixed to "not applicable".
  await expect(field(page, "Peer recognition")).toBeDisabled();
  // A pass with an area that does not meet is refused before anything is sent.
  // An incomplete grade is refused in the browser too.
  await field(page, "Overall").selectOption("pass");
  await page.getByRole("button", { name: "Record grade" }).click();
  await expect(page.getByText(/Complete the grade: Clinical cases, Supervised training, CME/)).toBeVisible();
  for (const [label, verdict] of Object.entries(MEETS)) await field(page, label).selectOption(verdict);
  await field(page, "Clinical cases").selectOption("does-not-meet");
  await field(page, /^Comment/).fill("Inconsistent.");
  await page.getByRole("button", { name: "Record grade" }).click();
  await expect(page.getByText(/Check the grade: an overall pass needs every area to meet/)).toBeVisible();
  expect((await adminDb().collection(`gradings/${ALICE_APP}/grades`).count().get()).data().count).toBe(0);

  await grade(page, "pass", MEETS, "A complete and well-supervised logbook.");
  await expect(page.getByRole("article", { name: "Your grade" })).toContainText("pass");
  await expect(page.getByRole("button", { name: "Record grade" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, USERS.grader2.email);
  await openRound(page);
  // Independence: the first grade is hidden until both are in.
  await expect(page.getByText("No grade is visible yet.")).toBeVisible();
  await grade(page, "fail", { ...MEETS, CME: "does-not-meet" }, "The online course cannot count as a source.");
  await expect(page.locator("[data-round-status]").first()).toHaveText("the graders disagree: waiting for the chair");
  await expect(page.getByRole("article", { name: `Grade by ${USERS.grader1.uid}` })).toContainText("pass");
  await checkScreen(page, "grader-round-graded");
  await signOut(page);

  await signIn(page, USERS.chair.email);
  await expect(page.getByRole("heading", { name: "Grading rounds" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(ALICE_APP) })).toContainText("waiting for the chair");
  await openRound(page);
  await expect(page.getByRole("article")).toHaveCount(2);
  await page.getByLabel("Outcome").selectOption("passed");
  await checkScreen(page, "chair-decision");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByText("Choose the outcome and give the reason.")).toBeVisible();
  await page.getByLabel("Reason").fill("Both CME sources are valid.");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.locator("[data-round-status]").first()).toHaveText("decided");
  await expect(page.getByText(/— passed on \d{4}-\d{2}-\d{2}: Both CME sources are valid\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Record the decision" })).toHaveCount(0);
  await signOut(page);

  await expect.poll(async () => (await round().get()).data()?.certificationId, { timeout: 30_000 }).toBeTruthy();
  const certificationId = (await round().get()).data()!.certificationId as string;
  const certificateNumber = (await adminDb().doc(`certifications/${certificationId}`).get()).data()!
    .certificateNumber as string;
  expect(certificateNumber).toMatch(/^CMR-L2-\d{4}-\d{5}$/);

  await signIn(page, USERS.alice.email);
  await page.goto(`/applications/${ALICE_APP}?tab=result`);
  await expect(page.locator("[data-application-status]")).toHaveText("passed: you are certified");
  await expect(page.locator("[data-certificate-number]")).toContainText(`Certificate ${certificateNumber}: Level 2`);
  await expect(page.getByRole("article")).toHaveCount(2);
  await expect(page.locator('[data-event="decided"]')).toContainText(
    "Decided: passed by the chair (Both CME sources are valid.)",
  );
  await checkScreen(page, "candidate-result-decided");
  await signOut(page);

  // The public verifies the new certificate with the endpoint.
  await page.goto("/");
  await page.getByLabel("Certificate number or verification code").fill(certificateNumber);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(
    page.getByText(`Certificate ${certificateNumber} is valid: ${USERS.alice.displayName}, Level 2, FR`),
  ).toBeVisible();
});
