import type { CaseRule } from "../../context.js";
import { patientRefProblem } from "../../patient-ref.js";

// "The application must not include any patient data." The message never
// repeats the value, so that the report holds no patient data either.
export const identifyingPatientRef: CaseRule = {
  code: "CASE_PATIENT_REF_IDENTIFYING",
  prepare: () => (c) => {
    const problem = patientRefProblem(c.patientRef);
    return problem ? `the patient reference looks like patient data (${problem}); use a pseudonymous code` : null;
  },
};
