// Logbooks must hold no patient data (GDPR). A case carries only a
// pseudonymous reference: a centre-issued study code such as `PT-0148`,
// `S25A-0148` or `lyon-cmr-0042`. Values that look like real identifiers are
// refused.
//
// This file is the one source of truth for the checks: firestore.rules'
// isPatientRef() carries the same regular expressions, written in the subset
// that RE2 (the rules' engine) and JavaScript read alike, and
// test/unit/domain/patient-ref-identifying.test.ts fails when the two differ.

export const PATIENT_REF_MAX_LENGTH = 40;

/** Letters, digits and the separators only: no space (names), no '@' (e-mail), no '/' (dates). */
export const PATIENT_REF_CHARSET = `^[A-Za-z0-9._-]{1,${PATIENT_REF_MAX_LENGTH}}$`;

/**
 * The separators, removed before most checks: `943-476-5919`, `nhs_943_476_5919`
 * and `John.Smith` are what they are whatever separates their parts.
 */
export const PATIENT_REF_SEPARATORS = "[._-]";

/**
 * What a pattern is matched against: the value as written, the value with the
 * separators removed, or that in lower case (RE2 and JavaScript spell
 * case-insensitivity differently, so the value is lowered instead).
 */
export type PatientRefView = "raw" | "compact" | "compact-lower";

export interface IdentifyingPattern {
  /** A regular expression, unanchored, that RE2 and JavaScript read alike. */
  source: string;
  view: PatientRefView;
  why: string;
}

export const IDENTIFYING_PATTERNS: readonly IdentifyingPattern[] = [
  {
    source: "[0-9]{6,}",
    view: "compact",
    why: "a long run of digits (record, insurance or phone number?)",
  },
  {
    source: "[0-9]{1,4}[._-][0-9]{1,2}[._-][0-9]{1,4}",
    view: "raw",
    why: "a date (date of birth?)",
  },
  {
    source: "[0-9]{1,2}(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[0-9]{2,4}",
    view: "compact-lower",
    why: "a date with a month name (date of birth?)",
  },
  {
    source: "[A-Z][a-z]+[A-Z][a-z]+",
    view: "compact",
    why: "capitalised words one after the other (a name?)",
  },
];

/**
 * References that show the accepted format, and values that must be refused;
 * docs/security.md quotes them and both the engine's and the rules' tests run
 * every one of them.
 */
export const PATIENT_REF_EXAMPLES = {
  accepted: ["PT-0148", "pt0148", "S25A-0148", "lyon-cmr-0042", "case.2025.a", "A7-x", "pt-12345", "MRI-24-A17"],
  refused: [
    "943-476-5919",
    "943.476.5919",
    "nhs_943_476_5919",
    "9434765919",
    "dob_1980_01_15",
    "pt-02.04.1961",
    "1-2-61",
    "15Jan1980",
    "15-jan-80",
    "John.Smith",
    "John_Smith",
    "JeanDupont",
    "Jean Dupont",
    "jane.doe@example.org",
    "dob 02/04/1961",
    "p".repeat(PATIENT_REF_MAX_LENGTH + 1),
    "",
  ],
} as const;

const SEPARATORS = new RegExp(PATIENT_REF_SEPARATORS, "g");

/** The value a pattern of this view is matched against. */
export function patientRefView(ref: string, view: PatientRefView): string {
  if (view === "raw") return ref;
  const compact = ref.replace(SEPARATORS, "");
  return view === "compact" ? compact : compact.toLowerCase();
}

const CHARSET = new RegExp(PATIENT_REF_CHARSET);
const COMPILED = IDENTIFYING_PATTERNS.map((p) => ({ ...p, regex: new RegExp(p.source) }));

/** Why the reference looks like patient data, or null when it is acceptable. */
export function patientRefProblem(ref: string): string | null {
  if (ref.length === 0) return "it is empty";
  if (ref.length > PATIENT_REF_MAX_LENGTH) return `it is longer than ${PATIENT_REF_MAX_LENGTH} characters`;
  if (!CHARSET.test(ref)) {
    return "it contains characters other than letters, digits, '.', '_' and '-' (a space, an '@', a '/'?)";
  }
  const match = COMPILED.find(({ regex, view }) => regex.test(patientRefView(ref, view)));
  return match ? `it contains ${match.why}` : null;
}
