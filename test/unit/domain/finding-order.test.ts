import { describe, expect, it } from "vitest";
import { error, sortFindings, type Finding } from "../../../functions/src/logbook/domain/index.js";

// Findings of one code are ordered by the ids they name (cases, then CME entries, then training periods,
// then the document), so that a report reads the same on every run whatever order the rules found them in.
const order = (findings: Finding[]) => sortFindings(findings).map((f) => f.message);

describe("the order of findings within one code", () => {
  it("a finding naming a case is placed by that case id, not after one naming a CME entry", () => {
    const cme = error("X", "cme", { cmeIds: ["U"] });
    const kase = error("X", "case", { caseIds: ["T"] });
    expect(order([cme, kase])).toEqual(["case", "cme"]);
  });

  it("a finding naming a CME entry is placed by that entry id, not after one naming a training period", () => {
    const training = error("X", "training", { trainingIds: ["U"] });
    const cme = error("X", "cme", { cmeIds: ["T"] });
    expect(order([training, cme])).toEqual(["cme", "training"]);
  });

  it("a finding naming a training period is placed by that period id, not after one naming a document", () => {
    const document = error("X", "document", { documentPath: "U" });
    const training = error("X", "training", { trainingIds: ["T"] });
    expect(order([document, training])).toEqual(["training", "document"]);
  });

  it("findings naming different documents follow the document path", () => {
    const b = error("X", "same", { documentPath: "users/b" });
    const a = error("X", "same", { documentPath: "users/a" });
    expect(sortFindings([b, a]).map((f) => f.documentPath)).toEqual(["users/a", "users/b"]);
  });

  it("a finding without a document comes before one with a document, for the same case", () => {
    const withDocument = error("X", "with", { caseIds: ["a"], documentPath: "B" });
    const without = error("X", "without", { caseIds: ["a"] });
    expect(order([withDocument, without])).toEqual(["without", "with"]);
  });

  it("ids are compared one by one: case a (with c) comes before case ab", () => {
    const ab = error("X", "ab", { caseIds: ["ab"] });
    const aThenC = error("X", "a,c", { caseIds: ["a", "c"] });
    expect(order([ab, aThenC])).toEqual(["a,c", "ab"]);
  });
});
