import { describe, expect, it } from "vitest";
import { validateApplication, type Bundle } from "../../../functions/src/logbook/domain/index.js";
import { AS_OF, makeBundle } from "../../factories/bundle.js";
import { codesOf, findingsOf, requirementOf } from "../../factories/report.js";

// Level 3, requirement 7: one of ≥ 2 courses as faculty lecturer, ≥ 2
// meetings as invited speaker or chair, ≥ 3 publications (abstracts
// excluded), ≥ 2 oral presentations as first author who presented them
// (moderated posters excluded). The factory's level 3 bundles are eligible;
// each test replaces their peer recognition.
type Item = Bundle["peerRecognition"][number];

const item = (id: string, fields: Partial<Item> = {}): Item => ({
  id,
  kind: "publication",
  date: "2024-03-01",
  title: `CMR paper ${id}`,
  ...fields,
});
const oral = (id: string, fields: Partial<Item> = {}) =>
  item(id, { kind: "oral-presentation", firstAuthor: true, presentedInPerson: true, ...fields });
const withItems = (peerRecognition: Item[]) => validateApplication(makeBundle("level3-direct", { peerRecognition }));

describe("the peer-recognition requirement as the report states it", () => {
  it("met: the requirement is true, with no finding", () => {
    const report = withItems([item("a"), item("b"), item("c")]);
    expect(requirementOf(report, "peerRecognition")).toEqual({
      id: "peerRecognition",
      met: true,
      actual: true,
      required: true,
    });
    expect(codesOf(report)).toEqual([]);
  });

  it("not met: the finding gives each kind's count against its number", () => {
    const report = withItems([
      item("lecture", { kind: "faculty-lecturer" }),
      item("talk", { kind: "invited-speaker" }),
      item("p1"),
      item("p2"),
      item("p3", { isAbstract: true }),
      oral("o1"),
    ]);
    expect(requirementOf(report, "peerRecognition")).toEqual({
      id: "peerRecognition",
      met: false,
      actual: false,
      required: true,
    });
    expect(report.findings).toEqual([
      {
        code: "PEER_RECOGNITION_INSUFFICIENT",
        severity: "error",
        message:
          "none of the peer-recognition requirements is met: faculty lecturer 1/2, invited speaker or chair 1/2, " +
          "publications (no abstracts) 2/3, oral presentations as first author who presented 1/2",
      },
    ]);
  });

  it("a publication is never an oral presentation, even when the candidate was first author and presented it", () => {
    const presented = { firstAuthor: true, presentedInPerson: true };
    const report = withItems([item("a", presented), item("b", presented)]);
    expect(codesOf(report)).toEqual(["PEER_RECOGNITION_INSUFFICIENT"]);
    expect(findingsOf(report, "PEER_RECOGNITION_INSUFFICIENT")[0].message).toContain(
      "publications (no abstracts) 2/3, oral presentations as first author who presented 0/2",
    );
  });
});

describe("peer recognition dated after asOf", () => {
  it("an item dated asOf counts; one dated the day after does not, with a warning giving both dates", () => {
    expect(codesOf(withItems([item("a"), item("b"), item("c", { date: AS_OF })]))).toEqual([]);
    const report = withItems([item("a"), item("b"), item("c", { date: "2026-06-02" })]);
    expect(requirementOf(report, "peerRecognition").met).toBe(false);
    expect(findingsOf(report, "PEER_RECOGNITION_IN_FUTURE")).toEqual([
      {
        code: "PEER_RECOGNITION_IN_FUTURE",
        severity: "warning",
        message: "Recognition c: dated 2026-06-02, after 2026-06-01; not counted",
      },
    ]);
  });
});

describe("the same item entered more than once", () => {
  it("counts once, and the warning names its entries in id order whatever the order they were entered in", () => {
    const report = withItems([
      item("b", { title: "CMR in myocarditis" }),
      item("c", { title: "cmr in MYOCARDITIS." }),
      item("a", { title: "CMR in myocarditis" }),
      item("d"),
      item("e"),
    ]);
    expect(findingsOf(report, "PEER_RECOGNITION_DUPLICATE")).toEqual([
      {
        code: "PEER_RECOGNITION_DUPLICATE",
        severity: "warning",
        message: "Recognition a, b, c: the same item (evidence, or kind, date and title) counts once",
      },
    ]);
    expect(requirementOf(report, "peerRecognition").met).toBe(true);
  });

  it("items with evidence of their own are distinct items", () => {
    const report = withItems([
      item("a", { evidenceId: "ev-1" }),
      item("b", { evidenceId: "ev-2" }),
      item("c", { evidenceId: "ev-3" }),
    ]);
    expect(codesOf(report)).toEqual([]);
  });

  it("the same title on another date is another item: one talk given at two meetings", () => {
    const talk = (id: string, date: string) =>
      item(id, { kind: "invited-speaker", date, title: "Tissue characterisation by CMR" });
    expect(codesOf(withItems([talk("a", "2024-03-01"), talk("b", "2025-03-01")]))).toEqual([]);
  });

  it("the same title and date of another kind is another item: a paper presented the day it was published", () => {
    const title = "Strain by CMR in amyloidosis";
    const report = withItems([item("a", { title }), oral("b", { title }), oral("c")]);
    expect(codesOf(report)).toEqual([]);
  });

  it("untitled items of one kind on one date are one item (docs/rules.md: give titles)", () => {
    const untitled = (id: string, title: string | null | undefined) =>
      item(id, { kind: "invited-speaker", date: "2025-09-12", title });
    for (const titles of [
      [null, null],
      [undefined, undefined],
      [null, undefined],
    ]) {
      const report = withItems([untitled("a", titles[0]), untitled("b", titles[1])]);
      expect(codesOf(report)).toEqual(["PEER_RECOGNITION_DUPLICATE", "PEER_RECOGNITION_INSUFFICIENT"]);
    }
  });
});
