import { describe, expect, it } from "vitest";
import { validateApplication, ROUTES } from "../../../functions/src/domain/index.js";
import { makeBundle } from "../../factories/bundle.js";

describe("the factory", () => {
  it.each(ROUTES)("builds an eligible %s bundle", (route) => {
    const report = validateApplication(makeBundle(route));
    expect(report.findings).toEqual([]);
    expect(report.eligible).toBe(true);
  });
});
