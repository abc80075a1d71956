// The recertification rules, in the order of the published process's documents.
import { currentCertificate } from "./certificate.js";
import { checklist } from "./checklist.js";
import { cycleCme } from "./cme.js";
import type { RecertificationRule } from "./context.js";
import { formalLetter } from "./letter.js";

export const RECERTIFICATION_RULES: readonly RecertificationRule[] = [
  currentCertificate,
  checklist,
  formalLetter,
  cycleCme,
];
