// Institutions are typed by people ("Hôpital Européen G. Pompidou",
// "hopital europeen g pompidou"); conflicts of interest are found by comparing
// a normalised key, never the raw text.

export { institutionKey } from "../../platform/domain/institution.js";

/** Countries compare as upper-case ISO-style codes or names, trimmed. */
export function countryKey(country: string | null | undefined): string | null {
  if (typeof country !== "string") return null;
  const key = country.trim().toUpperCase();
  return key.length ? key : null;
}
