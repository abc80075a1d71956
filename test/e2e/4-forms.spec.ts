// The other screens a candidate uses: the profile, the CME, training and
// peer-recognition forms, the application form. Each is checked with axe-core.
import { expect, test } from "@playwright/test";
import { BOB_APP, USERS, adminDb } from "./fixtures.js";
import { checkScreen, signIn } from "./helpers.js";

test("the candidate keeps the profile; membership is shown, not editable", async ({ page }) => {
  await signIn(page, USERS.bob.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
  await expect(page.getByLabel("Country")).toHaveValue("FR");
  await expect(page.getByText("Membership: non-member")).toBeVisible();
  await page.getByLabel("Country").fill("BE");
  await page.getByLabel("Physician registration valid until").fill("2032-01-31");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();
  const profile = (await adminDb().doc(`users/${USERS.bob.uid}`).get()).data();
  expect(profile).toMatchObject({
    country: "BE",
    physicianRegistration: { validUntil: "2032-01-31" },
    membership: "non-member",
  });
  await checkScreen(page, "candidate-profile");
});

test("the candidate adds CME and peer recognition; the forms refuse what the schema refuses", async ({ page }) => {
  await signIn(page, USERS.bob.email);
  await page.goto(`/applications/${BOB_APP}?tab=cme`);
  await page.getByLabel("Title").fill("CMR Update 2025");
  await page.getByLabel("Kind").selectOption("course");
  await page.getByLabel("Start date").fill("2025-09-10");
  await page.getByLabel("End date").fill("2025-09-08");
  await page.getByLabel("Credits").fill("6");
  await page.getByRole("button", { name: "Add CME entry" }).click();
  await expect(page.getByRole("alert")).toContainText("endDate: endDate must not be before startDate");
  expect((await adminDb().collection(`applications/${BOB_APP}/cme`).get()).size).toBe(0);
  await page.getByLabel("End date").fill("2025-09-11");
  await page.getByRole("button", { name: "Add CME entry" }).click();
  await expect(page.getByText("CMR Update 2025 (course), 2025-09-10 to 2025-09-11: 6 credits")).toBeVisible();
  await checkScreen(page, "candidate-cme");

  await page
    .getByRole("navigation", { name: "Logbook sections" })
    .getByRole("link", { name: "Peer recognition" })
    .click();
  await page.getByLabel("Kind").selectOption("publication");
  await page.getByLabel("Date").fill("2025-10-01");
  await page.getByLabel("Title (optional)").fill("T1 mapping in amyloidosis");
  await page.getByLabel("First author").check();
  await page.getByRole("button", { name: "Add peer-recognition item" }).click();
  await expect(page.getByText("publication on 2025-10-01: T1 mapping in amyloidosis")).toBeVisible();
  await checkScreen(page, "candidate-recognition");

  await page.getByRole("navigation", { name: "Logbook sections" }).getByRole("link", { name: "Training" }).click();
  await expect(page.getByRole("heading", { name: "Add a training period" })).toBeVisible();
  await checkScreen(page, "candidate-training");

  await page
    .getByRole("navigation", { name: "Logbook sections" })
    .getByRole("link", { name: "Route and supervisors" })
    .click();
  await page.getByLabel(/Sam Supervisor/).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect((await adminDb().doc(`applications/${BOB_APP}`).get()).data()?.supervisorIds).toEqual(["e2e-supervisor"]);
  await checkScreen(page, "candidate-application");
});
