// The public (signed out): the register search and certificate verification.
import { expect, test } from "@playwright/test";
import { CERTIFIED } from "./fixtures.js";
import { checkScreen } from "./helpers.js";

test("the public finds a certified person in the register and verifies a certificate", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Register of certified CMR physicians" })).toBeVisible();

  await page.getByLabel("Name").fill("lovelace");
  await page.getByLabel("Country code").fill("gb");
  await page.getByRole("button", { name: "Search" }).click();
  const results = page.getByRole("table", { name: "Results" });
  await expect(results.getByRole("row")).toHaveCount(2); // header + Ada Lovelace
  await expect(results.getByRole("row", { name: new RegExp(CERTIFIED.name) })).toContainText(CERTIFIED.id);

  // Level and country narrow the search: Adam Smith is GB but Level 2.
  await page.getByLabel("Name").fill("");
  await page.getByLabel("Level").selectOption("3");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(results.getByRole("row")).toHaveCount(2);
  await page.getByLabel("Level").selectOption("2");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(results.getByRole("row", { name: /Adam Smith/ })).toBeVisible();
  await expect(results.getByRole("row", { name: /Lovelace/ })).toHaveCount(0);

  await page.getByLabel("Certificate number").fill(CERTIFIED.id);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText(`Certificate ${CERTIFIED.id} is valid: ${CERTIFIED.name}, Level 3`)).toBeVisible();
  await checkScreen(page, "public-register");

  await page.getByLabel("Certificate number").fill("EACVI-CMR-L3-9999");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("No current certification has the number EACVI-CMR-L3-9999")).toBeVisible();
});

test("a signed-out visitor who opens a logbook is asked to sign in", async ({ page }) => {
  await page.goto("/applications/anything");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await checkScreen(page, "sign-in");
});
