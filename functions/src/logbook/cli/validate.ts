// The offline validator: `npm run --silent validate -- <bundle.json>... [--policy <policy.json>] [--format json|text]`.
// Exit 0: every bundle eligible; 1: some bundle not eligible; 2: a bundle (or the policy) is unusable.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BundleInvalidError, toBundleIssues, type BundleIssue } from "../domain/bundle.js";
import { validateApplication } from "../domain/engine.js";
import { formatReportText } from "../domain/format-text.js";
import { resolvePolicy, type Policy } from "../../platform/domain/policy.js";
import type { Report } from "../domain/report.js";

export const EXIT = { eligible: 0, notEligible: 1, unusable: 2 } as const;

type Outcome = { file: string; report: Report } | { file: string; error: { code: string; issues: BundleIssue[] } };

function readJson(file: string): { ok: true; value: unknown } | { ok: false; issues: BundleIssue[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return {
      ok: false,
      issues: [{ path: [], code: "unreadable", message: `cannot read ${file}: ${(e as Error).message}` }],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, issues: [{ path: [], code: "invalid_json", message: `not JSON: ${(e as Error).message}` }] };
  }
}

export function validateFile(file: string, policy: Policy): Outcome {
  const json = readJson(file);
  if (!json.ok) return { file, error: { code: "BUNDLE_INVALID", issues: json.issues } };
  try {
    return { file, report: validateApplication(json.value, policy) };
  } catch (e) {
    if (e instanceof BundleInvalidError) return { file, error: { code: e.code, issues: e.issues } };
    throw e;
  }
}

const exitCodeOf = (outcome: Outcome) =>
  "error" in outcome ? EXIT.unusable : outcome.report.eligible ? EXIT.eligible : EXIT.notEligible;

function render(outcomes: Outcome[], format: "json" | "text"): string {
  if (format === "json") {
    const plain = outcomes.map((o) =>
      "error" in o ? { file: o.file, error: o.error } : { file: o.file, report: o.report },
    );
    const single = outcomes[0];
    if (outcomes.length === 1)
      return JSON.stringify("error" in single ? { error: single.error } : single.report, null, 2);
    return JSON.stringify(plain, null, 2);
  }
  return outcomes
    .map((o) => {
      const header = outcomes.length > 1 ? `== ${o.file}\n` : "";
      if (!("error" in o)) return header + formatReportText(o.report);
      const issues = o.error.issues.map((i) => `  - ${i.path.join(".") || "(bundle)"}: ${i.message}`);
      return `${header}UNUSABLE (${o.error.code}):\n${issues.join("\n")}`;
    })
    .join("\n\n");
}

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: npm run --silent validate -- <bundle.json>... [--policy <policy.json>] [--format json|text]\n`,
  );
  process.exit(EXIT.unusable);
}

export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { policy: { type: "string" }, format: { type: "string", default: "json" } },
    });
  } catch (e) {
    usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) usage("no bundle file given");
  if (values.format !== "json" && values.format !== "text") usage(`unknown format "${values.format}"`);

  let override: unknown = {};
  if (values.policy) {
    const json = readJson(values.policy);
    if (!json.ok) usage(json.issues[0].message);
    override = json.value;
  }
  const policy = resolvePolicy(override);
  if (!policy.success) {
    const error = { code: "POLICY_INVALID", issues: toBundleIssues(policy.error.issues) };
    process.stdout.write(JSON.stringify({ error }, null, 2) + "\n");
    return EXIT.unusable;
  }

  const outcomes = positionals.map((file) => validateFile(file, policy.data));
  process.stdout.write(render(outcomes, values.format) + "\n");
  return Math.max(...outcomes.map(exitCodeOf));
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
