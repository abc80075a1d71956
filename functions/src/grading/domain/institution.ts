// Institutions are typed by people ("Hôpital Européen G. Pompidou",
// "hopital europeen g pompidou"); conflicts of interest are found by comparing
// a normalised key, never the raw text.

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

/** Countries compare as upper-case ISO-style codes or names, trimmed. */
export function countryKey(country: string | null | undefined): string | null {
  if (typeof country !== "string") return null;
  const key = country.trim().toUpperCase();
  return key.length ? key : null;
}
