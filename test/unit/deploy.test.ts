// What `firebase deploy` uploads: functions/package.json (runtime) and
// functions/package-lock.json (the pinned production tree, written from the
// root lock by scripts/functions-lock.mjs; `npm test` checks it is in step).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const functionsDir = join(import.meta.dirname, "../../functions");
const manifest = JSON.parse(readFileSync(join(functionsDir, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(functionsDir, "package-lock.json"), "utf8"));
const semver = createRequire(import.meta.url)("semver") as { satisfies: (version: string, range: string) => boolean };

describe("the deployed functions", () => {
  it("declare the Node.js 22 runtime (Node 20 was decommissioned on 2026-10-30)", () => {
    expect(manifest.engines).toEqual({ node: "22" });
  });

  it("pin every production dependency, with nothing from the development tree", () => {
    const packages = lock.packages as Record<
      string,
      { version?: string; dev?: boolean; integrity?: string; dependencies?: object }
    >;
    expect(packages[""].dependencies).toEqual(manifest.dependencies);
    for (const name of Object.keys(manifest.dependencies))
      expect(packages[`node_modules/${name}`]?.version).toBeTruthy();
    for (const [path, entry] of Object.entries(packages).filter(([path]) => path)) {
      expect(entry.dev, path).toBeUndefined();
      expect(entry.integrity, path).toMatch(/^sha(512|1)-/);
    }
    expect(packages["node_modules/vitest"]).toBeUndefined();
    expect(packages["node_modules/firebase-tools"]).toBeUndefined();
  });

  it("depend on nothing that refuses Node 20 (the tests) or Node 22 (the runtime)", () => {
    const ranges = Object.entries(lock.packages as Record<string, { engines?: { node?: string } }>)
      .filter(([path, entry]) => path && entry.engines?.node)
      .map(([path, entry]) => [path, entry.engines!.node!] as const);
    expect(ranges.length).toBeGreaterThan(10);
    for (const [path, range] of ranges) {
      expect(semver.satisfies("20.19.0", range), `${path}: ${range}`).toBe(true);
      expect(semver.satisfies("22.12.0", range), `${path}: ${range}`).toBe(true);
    }
  });
});
