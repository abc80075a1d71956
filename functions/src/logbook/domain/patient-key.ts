// How two patient references are compared when looking for duplicates: letter
// case and separators do not make a new patient (`PT-0148`, `pt 0148` and
// `pt0148` are one patient). Only letters and digits are kept.

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The comparison key of a patient reference (or of any free-text identity such as a course id). */
export function patientKey(ref: string): string {
  // Printable ASCII (nearly every reference) takes the cheap path; anything else is NFKC-folded first.
  if (PRINTABLE_ASCII.test(ref)) return ref.toLowerCase().replace(/[^a-z0-9]/g, "");
  return ref
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** The Level 2 logbook key `patientRef|studyDate`, normalised the same way. */
export function caseKey(c: { patientRef: string; studyDate: string }): string {
  return `${patientKey(c.patientRef)}|${c.studyDate}`;
}

/** A stored Level 2 key (`patientRef|studyDate`, written before normalisation existed) normalised. */
export function normaliseCaseKey(stored: string): string {
  const bar = stored.lastIndexOf("|");
  if (bar < 0) return patientKey(stored);
  return `${patientKey(stored.slice(0, bar))}|${stored.slice(bar + 1)}`;
}
