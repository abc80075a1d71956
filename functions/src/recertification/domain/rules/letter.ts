// "a formal letter": an uploaded file the upload check accepted.
import { error } from "../../../logbook/domain/index.js";
import type { RecertificationRule } from "./context.js";

export const formalLetter: RecertificationRule = {
  name: "letter",
  evaluate: ({ letter }) => {
    const met = letter !== null && letter.problem === null;
    const findings = !letter
      ? [error("RECERT_LETTER_MISSING", "the formal letter is not uploaded yet")]
      : letter.problem
        ? [error("RECERT_LETTER_UNUSABLE", `the formal letter (evidence ${letter.evidenceId}): ${letter.problem}`)]
        : [];
    return { requirements: [{ id: "letter", met, actual: met, required: true }], findings };
  },
};
