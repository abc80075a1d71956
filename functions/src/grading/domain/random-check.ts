// The random checks: a reproducible sample of an application's cases whose
// named supervisor is asked to confirm them. The sample depends on the
// application, the submission and a server-side salt, so it is the same on
// every redelivery but a candidate cannot compute it beforehand.
import { createHash } from "node:crypto";

export interface SampleRules {
  minCases: number;
  fraction: number;
}

/** How many cases are checked: the larger of the count and the fraction, never more than there are. */
export function sampleSize(caseCount: number, rules: SampleRules): number {
  return Math.min(caseCount, Math.max(rules.minCases, Math.ceil(rules.fraction * caseCount)));
}

const rank = (seed: string, id: string) => createHash("sha256").update(`${seed}\u0000${id}`).digest("hex");

/**
 * The sampled case ids, in id order. Ranking each id by a hash of the seed
 * makes the result independent of the order the cases were read in.
 */
export function randomCheckSample(
  caseIds: readonly string[],
  seed: { applicationId: string; submission: number; salt: string },
  rules: SampleRules,
): string[] {
  const unique = [...new Set(caseIds)];
  const key = `${seed.salt}|${seed.applicationId}|${seed.submission}`;
  return unique
    .map((id) => ({ id, r: rank(key, id) }))
    .sort((a, b) => (a.r < b.r ? -1 : a.r > b.r ? 1 : 0))
    .slice(0, sampleSize(unique.length, rules))
    .map((x) => x.id)
    .sort();
}
