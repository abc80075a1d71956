// The public (signed out): the register search and certificate verification.
import { expect, test } from "@playwright/test";
import { CERTIFIED, REVOKED } from "./fixtures.js";
import { checkScreen } from "./helpers.js";

test("the public finds a certified person in the register and verifies a certificate", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Register of certified CMR physicians" })).toBeVisible();

  await page.getByLabel("Name").fill("lovelace");
  await page.getByLabel("Country code").fill("gb");
  await page.getByRole("button", { name: "Search" }).click();
  const results = page.getByRole("table", { name: "Results" });
  await expect(results.getByRole("row")).toHaveCount(2); // header + Ada Lovelace
  await expect(results.getByRole("row", { name: new RegExp(CERTIFIED.name) })).toContainText(
    CERTIFIED.certificateNumber,
  );

  // Level and country narrow the search: Adam Smith is GB but Level 2.
  await page.getByLabel("Name").fill("");
  await page.getByLabel("Level").selectOption("3");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(results.getByRole("row")).toHaveCount(2);
  await page.getByLabel("Level").selectOption("2");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(results.getByRole("row", { name: /Adam Smith/ })).toBeVisible();
  await expect(results.getByRole("row", { name: /Lovelace/ })).toHaveCount(0);

  // Verification asks the verifyCertificate function (through Hosting's /verify-certificate rewrite).
  const verify = async (text: string) => {
    const answered = page.waitForResponse((r) => r.url().includes("/verify-certificate?"));
    await page.getByLabel("Certificate number or verification code").fill(text);
    await page.getByRole("button", { name: "Verify" }).click();
    expect((await answered).status()).toBe(200);
  };
  await verify(CERTIFIED.certificateNumber.toLowerCase());
  await expect(
    page.getByText(
      `Certificate ${CERTIFIED.certificateNumber} is valid: ${CERTIFIED.name}, Level 3, GB, until ${CERTIFIED.expiresOn}.`,
    ),
  ).toBeVisible();
  await checkScreen(page, "public-register");

  // A revoked certificate is known and said to be revoked, without the holder's name; an unknown number is unknown.
  await verify(REVOKED.certificateNumber);
  await expect(page.locator("[data-valid]")).toHaveText(
    `Certificate ${REVOKED.certificateNumber} (Level 2) was revoked by the certification committee.`,
  );
  await expect(page.locator("[data-valid]")).toHaveAttribute("data-valid", "false");
  await verify("CMR-L3-2025-99999");
  await expect(page.getByText("No certification has the number or code CMR-L3-2025-99999.")).toBeVisible();
  // Neither a number nor a code: said so before anything is asked.
  await page.getByLabel("Certificate number or verification code").fill("no such thing!");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(/Type a certificate number \(like CMR-L2-2026-00001\)/)).toBeVisible();
});

test("a signed-out visitor who opens a logbook is asked to sign in", async ({ page }) => {
  await page.goto("/applications/anything");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await checkScreen(page, "sign-in");
});
