// Institutions are typed by people ("Hôpital Européen G. Pompidou",
// "hopital europeen g pompidou"); they are compared by a normalised key,
// never the raw text (grading's conflicts of interest, the logbook's remote
// supervision rule).

/**
 * Lower case, accents and apostrophes removed, "&" read as "and", punctuation and repeated
 * spaces dropped. Returns null when nothing is left (no institution recorded).
 */
export function institutionKey(name: string | null | undefined): string | null {
  if (typeof name !== "string") return null;
  const key = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
  return key.length ? key : null;
}
