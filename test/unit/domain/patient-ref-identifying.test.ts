// The engine's patient-reference check on the examples that the rules tests
// (test/rules/logbook.test.ts) also run, and on the classes behind them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PATIENT_REF_EXAMPLES,
  PATIENT_REF_MAX_LENGTH,
  patientRefProblem,
  patientRefView,
} from "../../../functions/src/logbook/domain/patient-ref.js";

describe("patientRefProblem", () => {
  it.each(PATIENT_REF_EXAMPLES.accepted)("accepts the study code %s", (ref) => {
    expect(patientRefProblem(ref)).toBeNull();
  });
  it.each(PATIENT_REF_EXAMPLES.refused)("refuses %j", (ref) => {
    expect(patientRefProblem(ref)).not.toBeNull();
  });

  it("explains what it found without repeating the value", () => {
    expect(patientRefProblem("943-476-5919")).toBe(
      "it contains a long run of digits (record, insurance or phone number?)",
    );
    expect(patientRefProblem("15Jan1980")).toBe("it contains a date with a month name (date of birth?)");
    expect(patientRefProblem("John.Smith")).toBe("it contains capitalised words one after the other (a name?)");
    expect(patientRefProblem("p".repeat(PATIENT_REF_MAX_LENGTH + 1))).toBe("it is longer than 40 characters");
    expect(patientRefProblem("dob 02/04/1961")).toContain("characters other than");
  });

  it("is at the length limit exactly 40 characters", () => {
    expect(patientRefProblem("p".repeat(PATIENT_REF_MAX_LENGTH))).toBeNull();
    expect(patientRefProblem("p".repeat(PATIENT_REF_MAX_LENGTH + 1))).not.toBeNull();
  });

  it("five digits in a row are a study number, six are not", () => {
    expect(patientRefProblem("pt-12345")).toBeNull();
    expect(patientRefProblem("pt-123456")).not.toBeNull();
  });

  it("removes '.', '_' and '-' before looking", () => {
    expect(patientRefView("nhs_943-476.5919", "compact")).toBe("nhs9434765919");
    expect(patientRefView("15-Jan-1980", "compact-lower")).toBe("15jan1980");
    expect(patientRefView("John.Smith", "raw")).toBe("John.Smith");
  });

  const separator = fc.constantFrom(".", "_", "-");
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });

  it("a number of six or more digits is refused however it is split by separators", () => {
    fc.assert(
      fc.property(
        digits(6),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), separator), { maxLength: 4 }),
        fc.constantFrom("", "pt", "nhs"),
        (number, cuts, prefix) => {
          let ref = number.join("");
          for (const [at, sep] of cuts) ref = `${ref.slice(0, at)}${sep}${ref.slice(at)}`;
          expect(patientRefProblem(`${prefix}${ref}`)).not.toBeNull();
        },
      ),
    );
  });

  it("a date of birth with a month name is refused whatever its case and separators", () => {
    const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom(...months),
        fc.integer({ min: 1930, max: 2025 }),
        fc.boolean(),
        fc.constantFrom("", ".", "_", "-"),
        (day, month, year, upper, sep) => {
          const name = upper ? month.toUpperCase() : month[0].toUpperCase() + month.slice(1);
          expect(patientRefProblem(`${day}${sep}${name}${sep}${year}`)).not.toBeNull();
        },
      ),
    );
  });

  it("two capitalised words are refused whatever separates them", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("John", "Marie", "Jean", "Ana"),
        fc.constantFrom("Smith", "Dupont", "Rossi"),
        fc.constantFrom("", ".", "_", "-", "__"),
        (first, last, sep) => {
          expect(patientRefProblem(`${first}${sep}${last}`)).not.toBeNull();
        },
      ),
    );
  });

  it("a study code of letters and up to five digits is accepted", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("PT", "pt", "S25A", "cmr", "LYON"),
        separator,
        fc.integer({ min: 0, max: 99_999 }),
        (prefix, sep, n) => {
          expect(patientRefProblem(`${prefix}${sep}${String(n).padStart(4, "0")}`)).toBeNull();
        },
      ),
    );
  });
});
