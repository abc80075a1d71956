// The validate CLI as users run it: the compiled script in a child process
// (`npm test` builds before it runs the tests).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const cli = join(root, "functions", "lib", "logbook", "cli", "validate.js");
const example = (name: string) => join(root, "examples", `${name}.json`);

function validate(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "cmr-cli-")), name);
  writeFileSync(file, content);
  return file;
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);
});

describe("npm run validate", () => {
  it("exits 0 and prints the JSON report for an eligible bundle", () => {
    const { code, stdout } = validate(example("level2-eligible"));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ eligible: true, route: "level2", findings: [] });
  });

  it("exits 1 for a bundle that is not eligible", () => {
    const { code, stdout } = validate(example("level3-direct-no-peer-recognition"));
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings[0].code).toBe("PEER_RECOGNITION_INSUFFICIENT");
  });

  it("exits 2 with BUNDLE_INVALID and the zod issues for a bundle with a bad structure", () => {
    const { code, stdout } = validate(example("unusable-no-route"));
    expect(code).toBe(2);
    const { error } = JSON.parse(stdout);
    expect(error.code).toBe("BUNDLE_INVALID");
    expect(error.issues[0].path).toEqual(["route"]);
  });

  it("exits 2 with BUNDLE_INVALID for a file that is not JSON", () => {
    const { code, stdout } = validate(tempFile("broken.json", "{ not json"));
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error.code).toBe("BUNDLE_INVALID");
  });

  it("prints a requirements table and findings grouped by code in text format", () => {
    const { code, stdout } = validate(example("level2-too-few-cases"), "--format", "text");
    expect(code).toBe(1);
    expect(stdout).toMatch(/^NOT ELIGIBLE: route level2/);
    expect(stdout).toMatch(/cases\.total: cases ≥ 150\s+NOT MET\s+138\s+≥ 150/);
    expect(stdout).toContain("CASE_INVALID (error, 1)");
  });

  it("applies a policy file over the defaults", () => {
    const policy = tempFile(
      "policy.json",
      JSON.stringify({ version: "lenient", cases: { required: { level2: 138 } } }),
    );
    const { code, stdout } = validate(example("level2-too-few-cases"), "--policy", policy);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.policyVersion).toBe("lenient");
    expect(report.findings.map((f: { code: string }) => f.code)).not.toContain("CASES_TOO_FEW");
  });

  it("refuses an invalid policy with exit 2", () => {
    const policy = tempFile("policy.json", JSON.stringify({ cme: { maxPerDay: -1 } }));
    const { code, stdout } = validate(example("level2-eligible"), "--policy", policy);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).error).toMatchObject({ code: "POLICY_INVALID" });
  });

  it("validates several bundles at once and exits with the worst outcome", () => {
    const { code, stdout } = validate(example("level2-eligible"), example("level2-deadline-passed"));
    expect(code).toBe(1);
    expect(JSON.parse(stdout).map((o: { file: string }) => o.file)).toHaveLength(2);
  });

  it("explains its usage when no bundle is given", () => {
    const { code, stderr } = validate();
    expect(code).toBe(2);
    expect(stderr).toContain("usage:");
  });
});
