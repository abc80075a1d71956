// Turns unknown JSON into a Bundle. The envelope must be valid (or the bundle
// is unusable); cases, CME entries and training periods are checked one by
// one, and a bad one becomes a finding instead.
import type { z } from "zod";
import { describeIssue } from "../../platform/domain/issues.js";
import { error, type Finding } from "./report.js";
import { bundleEnvelopeSchema, caseSchema, cmeEntrySchema, trainingPeriodSchema, type Bundle } from "./schema.js";

export interface BundleIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

export { describeIssue };

export class BundleInvalidError extends Error {
  readonly code = "BUNDLE_INVALID";
  constructor(readonly issues: BundleIssue[]) {
    super(`the bundle is not usable: ${issues.map(describeIssue).join("; ")}`);
    this.name = "BundleInvalidError";
  }
}

export function toBundleIssues(issues: z.core.$ZodIssue[], prefix: (string | number)[] = []): BundleIssue[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))],
    code: issue.code,
    message: issue.message,
  }));
}

/** The item's own id where it has one, else its place in the list. */
function itemId(item: unknown, list: string, index: number): string {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === "string" && id.length > 0 ? id : `${list}[${index}]`;
}

const LENIENT_LISTS = {
  cases: { schema: caseSchema, code: "CASE_INVALID", label: "Case", ids: "caseIds" },
  cme: { schema: cmeEntrySchema, code: "CME_ENTRY_INVALID", label: "CME", ids: "cmeIds" },
  training: { schema: trainingPeriodSchema, code: "TRAINING_PERIOD_INVALID", label: "Training", ids: "trainingIds" },
} as const;

function parseItems<T>(items: unknown[], list: keyof typeof LENIENT_LISTS, findings: Finding[]): T[] {
  const { schema, code, label, ids } = LENIENT_LISTS[list];
  const valid: T[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      valid.push(parsed.data as T);
      return;
    }
    const id = itemId(item, list, index);
    const problems = parsed.error.issues.map(describeIssue).join("; ");
    findings.push(error(code, `${label} ${id} is not valid and is not counted: ${problems}`, { [ids]: [id] }));
  });
  return valid;
}

/** Throws BundleInvalidError when the bundle as a whole is unusable. */
export function parseBundle(raw: unknown): { bundle: Bundle; findings: Finding[] } {
  const envelope = bundleEnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new BundleInvalidError(toBundleIssues(envelope.error.issues));
  const findings: Finding[] = [];
  const bundle: Bundle = {
    ...envelope.data,
    cases: parseItems(envelope.data.cases, "cases", findings),
    cme: parseItems(envelope.data.cme, "cme", findings),
    training: parseItems(envelope.data.training, "training", findings),
  };
  return { bundle, findings };
}
