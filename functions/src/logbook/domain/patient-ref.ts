// Logbooks must hold no patient data (GDPR). A case carries only a
// pseudonymous reference chosen by the candidate; values that look like real
// identifiers are refused. firestore.rules holds the same checks (keep them in step).

export const PATIENT_REF_MAX_LENGTH = 40;

const IDENTIFIER_PATTERNS: { pattern: RegExp; why: string }[] = [
  { pattern: /\d{6,}/, why: "a long run of digits (record, insurance or phone number?)" },
  { pattern: /\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/, why: "a date (date of birth?)" },
  { pattern: /@/, why: "an e-mail address" },
  { pattern: /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u, why: "capitalised words separated by a space (a name?)" },
];

/** Why the reference looks like patient data, or null when it is acceptable. */
export function patientRefProblem(ref: string): string | null {
  if (ref.length > PATIENT_REF_MAX_LENGTH) return `it is longer than ${PATIENT_REF_MAX_LENGTH} characters`;
  const match = IDENTIFIER_PATTERNS.find(({ pattern }) => pattern.test(ref));
  return match ? `it contains ${match.why}` : null;
}
