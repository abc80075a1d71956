import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  validateApplication,
  type Bundle,
  type CmeEntry,
} from "../../../functions/src/logbook/domain/index.js";
import { creditedTotal } from "../../../functions/src/logbook/domain/rules/cme.js";
import { makeBundle, makeCme } from "../../factories/bundle.js";
import { codesOf, findingsOf, requirementOf } from "../../factories/report.js";

/** A day no CME entry of the factory's bundles is held on, so that the 8-a-day cap is the entry's own. */
const FREE_DAY = "2025-06-10";
/** March 2025: an online course followed over a month. */
const MONTH = { startDate: "2025-03-01", endDate: "2025-03-31" };
const days = (n: number) => ({ startDate: FREE_DAY, endDate: `2025-06-${String(9 + n).padStart(2, "0")}` });

/** The level 2 bundle's CME (28 hours from two sources) plus the given entries. */
function withEntries(entries: Partial<CmeEntry>[], route: Bundle["route"] = "level2") {
  const bundle = makeBundle(route);
  entries.forEach((fields, i) =>
    bundle.cme.push(makeCme(i === 0 ? "extra" : `extra-${i}`, { startDate: FREE_DAY, endDate: FREE_DAY, ...fields })),
  );
  return validateApplication(bundle);
}
const withEntry = (fields: Partial<CmeEntry>, route: Bundle["route"] = "level2") => withEntries([fields], route);

/** The hours the entries add to the factory bundle's total. */
function creditedFor(entries: Partial<CmeEntry> | Partial<CmeEntry>[], route: Bundle["route"] = "level2") {
  const base = validateApplication(makeBundle(route)).summary.cmeCredits;
  const list = Array.isArray(entries) ? entries : [entries];
  return Math.round((withEntries(list, route).summary.cmeCredits - base) * 100) / 100;
}

describe("CME entries credited 0", () => {
  it("without a certificate (CME_CERTIFICATE_MISSING)", () => {
    expect(creditedFor({ certificateId: null })).toBe(0);
    expect(findingsOf(withEntry({ certificateId: null }), "CME_CERTIFICATE_MISSING")).toMatchObject([
      { severity: "warning", cmeIds: ["extra"] },
    ]);
  });

  it.each(["self-directed", "general-webinar"] as const)("%s learning (CME_NOT_ACCEPTED)", (kind) => {
    expect(creditedFor({ kind })).toBe(0);
    expect(codesOf(withEntry({ kind }))).toEqual(["CME_NOT_ACCEPTED"]);
  });

  it("a general meeting neither in the catalogue nor with a CMR component (CME_NOT_ACCEPTED)", () => {
    expect(creditedFor({ kind: "general-meeting", credits: 6 })).toBe(0);
    expect(codesOf(withEntry({ kind: "general-meeting", credits: 6 }))).toEqual(["CME_NOT_ACCEPTED"]);
  });

  it("an event that ended more than 24 months before the exam (CME_EVENT_TOO_OLD)", () => {
    expect(creditedFor({ startDate: "2023-11-07", endDate: "2023-11-07" })).toBe(5);
    expect(creditedFor({ startDate: "2023-11-06", endDate: "2023-11-06" })).toBe(0);
    expect(codesOf(withEntry({ startDate: "2023-11-06", endDate: "2023-11-06" }))).toEqual(["CME_EVENT_TOO_OLD"]);
  });

  it("an event ending after asOf is CME_IN_FUTURE; one ending on asOf counts", () => {
    expect(creditedFor({ startDate: "2026-06-01", endDate: "2026-06-01" })).toBe(5);
    expect(creditedFor({ startDate: "2026-06-01", endDate: "2026-06-02" })).toBe(0);
    expect(findingsOf(withEntry({ startDate: "2099-01-01", endDate: "2099-01-01" }), "CME_IN_FUTURE")).toMatchObject([
      { severity: "warning", cmeIds: ["extra"] },
    ]);
  });

  it("the first reason found is the only one reported", () => {
    expect(codesOf(withEntry({ certificateId: null, kind: "self-directed" }))).toEqual(["CME_CERTIFICATE_MISSING"]);
  });
});

describe("untrusted catalogue ids", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "unknown-meeting"])(
    'catalogueId "%s" is an unknown id: a finite credit by its kind, and a finding',
    (catalogueId) => {
      const report = withEntry({ catalogueId, kind: "cmr-meeting", credits: 6 });
      expect(Number.isFinite(report.summary.cmeCredits)).toBe(true);
      expect(report.summary.cmeCredits).toBe(34);
      expect(findingsOf(report, "CME_CATALOGUE_UNKNOWN")).toMatchObject([{ severity: "warning", cmeIds: ["extra"] }]);
    },
  );

  it('an application whose only CME says catalogueId "constructor" is not eligible', () => {
    const cme = [makeCme("a", { catalogueId: "constructor", kind: "cmr-meeting", credits: 18 })];
    const report = validateApplication(makeBundle("level2", { cme }));
    expect(report.eligible).toBe(false);
    expect(report.summary.cmeCredits).toBe(8);
    expect(codesOf(report)).toContain("CME_SINGLE_SOURCE");
    expect(codesOf(report)).toContain("CME_TOO_FEW_CREDITS");
  });

  it("a general meeting with an unknown catalogue id still needs its CMR component", () => {
    expect(creditedFor({ catalogueId: "__proto__", kind: "general-meeting", credits: 6 })).toBe(0);
  });
});

describe("CME hours credited", () => {
  it("Table 1 'total divided by 3' meetings are divided, then capped at the Table 1 figure", () => {
    const euroecho = { catalogueId: "euroecho-imaging", kind: "multimodality-meeting" as const, ...days(3) };
    expect(creditedFor({ ...euroecho, credits: 12 })).toBe(4);
    expect(creditedFor({ ...euroecho, credits: 24 })).toBe(8);
    expect(creditedFor({ ...euroecho, credits: 30 })).toBe(8);
    const best = { catalogueId: "eacvi-best-of-imaging", kind: "multimodality-meeting" as const, ...days(2) };
    expect(creditedFor({ ...best, credits: 12 })).toBe(4);
    expect(creditedFor({ ...best, credits: 9 })).toBe(3);
    expect(findingsOf(withEntry({ ...euroecho, credits: 12 }), "CME_CREDITS_CAPPED")).toMatchObject([
      { severity: "warning", cmeIds: ["extra"] },
    ]);
  });

  it("Table 1 decides the division: the EACVI congress is never divided, whatever modalities the entry gives", () => {
    const congress = { catalogueId: "eacvi-congress", kind: "multimodality-meeting" as const, modalities: 3 };
    expect(creditedFor({ ...congress, credits: 18, ...days(3) })).toBe(18);
  });

  it("a catalogued meeting gets at most its Table 1 figure", () => {
    const eurocmr2024 = { catalogueId: "eurocmr", kind: "cmr-meeting" as const, title: "EuroCMR 2024" };
    expect(creditedFor({ ...eurocmr2024, credits: 24, startDate: "2024-06-10", endDate: "2024-06-12" })).toBe(18);
  });

  it("an entry of a Table 1 event that does not count itself still caps the event's other entries", () => {
    // The same certificate names one event: dating the catalogued entry after
    // asOf must not lift the Table 1 cap off the same event entered by title.
    const dates = { startDate: "2024-06-10", endDate: "2024-06-12", credits: 24, certificateId: "cert-same" };
    const byTitle = { ...dates, kind: "cmr-meeting" as const, title: "EuroCMR 2024", catalogueId: null };
    const catalogued = { ...dates, kind: "cmr-meeting" as const, title: "EuroCMR 2024", catalogueId: "eurocmr" };
    expect(creditedFor([byTitle, catalogued])).toBe(18);
    const future = { ...catalogued, startDate: "2031-01-01", endDate: "2031-01-03" };
    expect(creditedFor([byTitle, future])).toBe(18);
  });

  it("the same Table 1 entry in the same year is one edition, whatever the dates say", () => {
    const again = { catalogueId: "eurocmr", kind: "cmr-meeting" as const, title: "EuroCMR (autumn?)", credits: 18 };
    expect(creditedFor({ ...again, ...days(3) })).toBe(0);
    expect(findingsOf(withEntry({ ...again, ...days(3) }), "CME_SAME_EVENT")).toMatchObject([
      { cmeIds: ["cme-eurocmr", "extra"] },
    ]);
  });

  it("a catalogue entry 'as per certificate' is not capped by the catalogue", () => {
    expect(creditedFor({ catalogueId: "eacvi-cmr-teaching-course", credits: 15, ...days(2) })).toBe(15);
  });

  it("a general meeting in the catalogue gets its CMR credits only (ESC Congress: 3)", () => {
    expect(creditedFor({ catalogueId: "esc-congress", kind: "general-meeting", credits: 20, ...days(4) })).toBe(3);
  });

  it("a general meeting outside the catalogue gets its CMR component, never more than its credits", () => {
    expect(creditedFor({ kind: "general-meeting", credits: 20, cmrComponentCredits: 4, ...days(4) })).toBe(4);
    const inflated = { kind: "general-meeting" as const, credits: 3, cmrComponentCredits: 30, ...days(4) };
    expect(creditedFor(inflated)).toBe(3);
    expect(findingsOf(withEntry(inflated), "CME_COMPONENT_ABOVE_CREDITS")).toMatchObject([{ cmeIds: ["extra"] }]);
  });

  it("every multimodality event is divided by its modalities: meetings, courses, online courses", () => {
    expect(creditedFor({ kind: "multimodality-meeting", credits: 12, modalities: 3, ...days(2) })).toBe(4);
    expect(creditedFor({ kind: "multimodality-meeting", credits: 12, modalities: 2, ...days(2) })).toBe(6);
    expect(creditedFor({ kind: "course", credits: 12, modalities: 3, ...days(2) })).toBe(4);
    expect(creditedFor({ kind: "online-course", credits: 12, modalities: 2 })).toBe(6);
    expect(codesOf(withEntry({ kind: "course", credits: 12, modalities: 3, ...days(2) }))).toEqual([
      "CME_CREDITS_CAPPED",
    ]);
  });

  it.each([undefined, 1])(
    "a multimodality meeting with modalities %s is not credited: CME_MODALITIES_MISSING asks for the number",
    (modalities) => {
      const fields = { kind: "multimodality-meeting" as const, credits: 12, modalities, ...days(2) };
      expect(creditedFor(fields)).toBe(0);
      expect(findingsOf(withEntry(fields), "CME_MODALITIES_MISSING")[0].message).toContain(
        "number of imaging modalities",
      );
    },
  );

  it("an ECTS point is worth 25 hours", () => {
    expect(creditedFor({ kind: "ects", credits: 1, ...days(4) })).toBe(25);
    expect(codesOf(withEntry({ kind: "ects", credits: 1, ...days(4) }))).toEqual([]);
  });

  it("a meeting or course gives at most 8 hours a day", () => {
    expect(creditedFor({ kind: "cmr-meeting", credits: 8 })).toBe(8);
    expect(creditedFor({ kind: "cmr-meeting", credits: 9 })).toBe(8);
    expect(creditedFor({ kind: "course", credits: 12 })).toBe(8);
    expect(creditedFor({ kind: "cmr-meeting", credits: 16, ...days(2) })).toBe(16);
    expect(creditedFor({ catalogueId: "scmr-annual-sessions", kind: "cmr-meeting", credits: 24, ...days(2) })).toBe(16);
  });

  it("online courses and ECTS are capped at 8 a day too: they are dated by the period they were followed", () => {
    expect(creditedFor({ kind: "online-course", credits: 12 })).toBe(8);
    expect(creditedFor({ kind: "online-course", credits: 12, ...days(2) })).toBe(12);
    expect(creditedFor({ kind: "ects", credits: 1 })).toBe(8);
  });
});

describe("one event, one credit", () => {
  const eurocmr = {
    title: "EuroCMR 2025",
    catalogueId: "eurocmr",
    kind: "cmr-meeting" as const,
    startDate: "2025-05-01",
    endDate: "2025-05-03",
    credits: 18,
  };

  it("the same event entered again under another id and certificate counts once (CME_SAME_EVENT)", () => {
    const report = withEntry({ ...eurocmr, certificateId: "another-upload" });
    expect(report.summary.cmeCredits).toBe(28);
    expect(findingsOf(report, "CME_SAME_EVENT")).toMatchObject([{ cmeIds: ["cme-eurocmr", "extra"] }]);
  });

  it("entered once by catalogue id and once by title counts once, at the Table 1 figure", () => {
    const byTitle = { ...eurocmr, title: "  euro-CMR 2025 ", catalogueId: null, credits: 24, certificateId: "c2" };
    expect(creditedFor(byTitle)).toBe(0);
  });

  it("split into one entry per day counts no more than the event", () => {
    const split = ["01", "02", "03"].map((d) => ({
      ...eurocmr,
      startDate: `2025-05-${d}`,
      endDate: `2025-05-${d}`,
      credits: 8,
      certificateId: `cert-day-${d}`,
    }));
    const online = { kind: "online-course" as const, credits: 10, ...MONTH };
    const bundle = makeBundle("level2", { cme: [makeCme("cme-intro-x", online)] });
    split.forEach((fields, i) => bundle.cme.push(makeCme(`day-${i}`, fields)));
    const report = validateApplication(bundle);
    expect(report.summary.cmeCredits).toBe(28);
    expect(requirementOf(report, "cme.sources").actual).toBe(2);
  });

  it("split per day by title, without a catalogue id, is still one event (no more than its entries' days)", () => {
    const split = ["01", "02", "03"].map((d) => ({
      title: "Regional CMR meeting",
      kind: "cmr-meeting" as const,
      startDate: `2025-06-${d}`,
      endDate: `2025-06-${d}`,
      credits: 8,
      certificateId: `cert-${d}`,
    }));
    expect(creditedFor([...split, { ...split[0], startDate: "2025-06-01", endDate: "2025-06-03", credits: 18 }])).toBe(
      24,
    );
    expect(codesOf(withEntries(split))).toEqual(["CME_SAME_EVENT"]);
  });

  it("the same certificate is the same event whatever the titles say", () => {
    expect(
      creditedFor([
        { credits: 5, certificateId: "c" },
        { title: "Other", credits: 5, certificateId: "c" },
      ]),
    ).toBe(5);
  });

  it("different events on the same day share 8 hours (the cap is across entries)", () => {
    const a = { title: "Meeting A", kind: "cmr-meeting" as const, credits: 8 };
    const b = { title: "Meeting B", kind: "cmr-meeting" as const, credits: 8 };
    expect(creditedFor([a, b])).toBe(8);
    const report = withEntries([a, b]);
    expect(findingsOf(report, "CME_CREDITS_CAPPED").map((f) => f.cmeIds)).toEqual([["extra"], ["extra-1"]]);
    expect(report.findings.find((f) => f.code === "CME_CREDITS_CAPPED")?.message).toContain("8 credits a day");
  });

  it("the same title on dates that do not overlap is another edition", () => {
    expect(creditedFor({ ...eurocmr, title: "EuroCMR", startDate: "2024-05-01", endDate: "2024-05-03" })).toBe(18);
  });

  it("the single-source rule counts events after the merge", () => {
    const cme = [
      makeCme("a", { ...eurocmr, credits: 18 }),
      makeCme("b", { ...eurocmr, catalogueId: null, title: "EuroCMR 2025", credits: 18, certificateId: "c-b" }),
    ];
    const report = validateApplication(makeBundle("level2", { cme }));
    expect(codesOf(report)).toEqual(["CME_SAME_EVENT", "CME_SINGLE_SOURCE", "CME_TOO_FEW_CREDITS"]);
    expect(requirementOf(report, "cme.sources").actual).toBe(1);
  });
});

describe("level 3 via level 2", () => {
  it("an entry id already counted for level 2 (CME_REUSED_FROM_LEVEL2)", () => {
    const bundle = makeBundle("level3-via-level2");
    bundle.cme.push(makeCme("cme-old"));
    const report = validateApplication(bundle);
    expect(findingsOf(report, "CME_REUSED_FROM_LEVEL2")).toMatchObject([{ cmeIds: ["cme-old"] }]);
    expect(report.summary.cmeCredits).toBe(29);
  });

  it("a level 2 event re-entered under a new id is found by its identity", () => {
    const level2Event = {
      title: "CMR Winter School",
      startDate: "2025-01-10",
      endDate: "2025-01-11",
      certificateId: "c-ws",
    };
    const bundle = makeBundle("level3-via-level2");
    bundle.candidate.level2 = { ...bundle.candidate.level2!, cmeEvents: [level2Event] };
    bundle.cme.push(
      makeCme("new-id", { ...level2Event, title: "cmr winter-school", certificateId: "c-new", credits: 12 }),
    );
    bundle.cme.push(
      makeCme("new-cert", { title: "Renamed", startDate: "2025-03-01", endDate: "2025-03-01", certificateId: "c-ws" }),
    );
    const report = validateApplication(bundle);
    expect(findingsOf(report, "CME_REUSED_FROM_LEVEL2").flatMap((f) => f.cmeIds)).toEqual(["new-cert", "new-id"]);
    expect(report.summary.cmeCredits).toBe(29);
  });

  it("the CME age rule applies from the application date: events ended more than 24 months before asOf do not count", () => {
    const bundle = makeBundle("level3-via-level2");
    bundle.cme.push(makeCme("old", { startDate: "2024-05-31", endDate: "2024-05-31" }));
    bundle.cme.push(makeCme("recent", { title: "Another course", startDate: "2024-06-01", endDate: "2024-06-01" }));
    const report = validateApplication(bundle);
    expect(findingsOf(report, "CME_EVENT_TOO_OLD")).toMatchObject([{ cmeIds: ["old"] }]);
    expect(report.summary.cmeCredits).toBe(34);
  });
});

describe("CME totals", () => {
  const withCme = (entries: CmeEntry[]) => validateApplication(makeBundle("level2", { cme: entries }));
  const other = (id: string, fields: Partial<CmeEntry>) =>
    makeCme(id, { title: `Course ${id}`, startDate: "2025-06-20", endDate: "2025-06-21", ...fields });

  it("25 hours are enough for level 2; 24.99 are CME_TOO_FEW_CREDITS", () => {
    expect(
      codesOf(withCme([makeCme("a", { kind: "online-course", credits: 20, ...MONTH }), other("b", { credits: 5 })])),
    ).toEqual([]);
    const short = withCme([
      makeCme("a", { kind: "online-course", credits: 20, ...MONTH }),
      other("b", { credits: 4.99 }),
    ]);
    expect(codesOf(short)).toEqual(["CME_TOO_FEW_CREDITS"]);
    expect(short.summary.cmeCredits).toBe(24.99);
  });

  it("the report states the credits requirement: met at 25 hours, not at 24.99, with the finding's figures", () => {
    const enough = withCme([
      makeCme("a", { kind: "online-course", credits: 20, ...MONTH }),
      other("b", { credits: 5 }),
    ]);
    expect(requirementOf(enough, "cme.credits")).toEqual({ id: "cme.credits", met: true, actual: 25, required: 25 });
    const short = withCme([
      makeCme("a", { kind: "online-course", credits: 20, ...MONTH }),
      other("b", { credits: 4.99 }),
    ]);
    expect(requirementOf(short, "cme.credits")).toEqual({
      id: "cme.credits",
      met: false,
      actual: 24.99,
      required: 25,
    });
    expect(findingsOf(short, "CME_TOO_FEW_CREDITS")).toEqual([
      { code: "CME_TOO_FEW_CREDITS", severity: "error", message: "24.99 CME hours in CMR count; 25 are required" },
    ]);
  });

  it("the report states the sources requirement: met with 2 sources, not with 1, with the finding's figures", () => {
    const two = withCme([makeCme("a", { kind: "online-course", credits: 20, ...MONTH }), other("b", { credits: 5 })]);
    expect(requirementOf(two, "cme.sources")).toEqual({ id: "cme.sources", met: true, actual: 2, required: 2 });
    const one = withCme([makeCme("a", { kind: "online-course", credits: 30, ...MONTH })]);
    expect(requirementOf(one, "cme.sources")).toEqual({ id: "cme.sources", met: false, actual: 1, required: 2 });
    expect(findingsOf(one, "CME_SINGLE_SOURCE")).toEqual([
      {
        code: "CME_SINGLE_SOURCE",
        severity: "error",
        message: "the credited CME comes from 1 source(s); it must come from at least 2 different events or sources",
      },
    ]);
  });

  it("level 3 direct needs 50", () => {
    const report = validateApplication(
      makeBundle("level3-direct", {
        cme: [makeCme("a", { kind: "online-course", credits: 40, ...MONTH }), other("b", { credits: 9 })],
      }),
    );
    expect(codesOf(report)).toEqual(["CME_TOO_FEW_CREDITS"]);
  });

  it("all hours from one series is CME_SINGLE_SOURCE (titles compared without case or punctuation)", () => {
    const report = withCme([
      makeCme("a", { title: "CMR Course", kind: "online-course", credits: 20, ...MONTH }),
      makeCme("b", {
        title: "  cmr-course ",
        kind: "online-course",
        credits: 8,
        startDate: "2025-09-01",
        endDate: "2025-09-01",
      }),
    ]);
    expect(codesOf(report)).toEqual(["CME_SINGLE_SOURCE"]);
  });

  it("two editions of the same Table 1 event are one source", () => {
    const report = withCme([
      makeCme("a", {
        title: "EuroCMR 2024",
        catalogueId: "eurocmr",
        kind: "cmr-meeting",
        credits: 15,
        ...{ startDate: "2024-05-01", endDate: "2024-05-02" },
      }),
      makeCme("b", {
        title: "EuroCMR 2025",
        catalogueId: "eurocmr",
        kind: "cmr-meeting",
        credits: 15,
        ...{ startDate: "2025-05-01", endDate: "2025-05-02" },
      }),
    ]);
    expect(report.summary.cmeCredits).toBe(30);
    expect(codesOf(report)).toEqual(["CME_SINGLE_SOURCE"]);
  });

  it("an entry credited 0 is not a source", () => {
    const report = withCme([
      makeCme("a", { kind: "online-course", credits: 30, ...MONTH }),
      other("b", { credits: 5, certificateId: null }),
    ]);
    expect(codesOf(report)).toEqual(["CME_CERTIFICATE_MISSING", "CME_SINGLE_SOURCE"]);
  });

  it("an accepted event credited 0 hours (a general meeting with no CMR component) is not a source", () => {
    const report = withCme([
      makeCme("a", { kind: "online-course", credits: 30, ...MONTH }),
      other("b", { kind: "general-meeting", credits: 6, cmrComponentCredits: 0 }),
    ]);
    expect(report.summary.cmeCredits).toBe(30);
    expect(codesOf(report)).toEqual(["CME_CREDITS_CAPPED", "CME_SINGLE_SOURCE"]);
    expect(requirementOf(report, "cme.sources")).toMatchObject({ met: false, actual: 1 });
  });

  it("the total is summed in id order: the same events in any order give the same total, even where floating-point addition depends on the order", () => {
    // 0.005 + 0.01 + 2.05 is 2.065: added smallest first it rounds to 2.07,
    // 2.05 first to 2.06. Event "a" is identified by its smallest entry id.
    const event = (ids: string[], credits: number) => ({ entries: ids.map((id) => makeCme(id)), credits });
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    for (const entryIds of [
      ["a", "x"],
      ["x", "a"],
    ]) {
      const events = [event(entryIds, 0.005), event(["b"], 0.01), event(["c"], 2.05)];
      for (const order of orders) expect(creditedTotal(order.map((i) => events[i]))).toBe(2.07);
    }
  });

  it("the policy's Table 1 marks the 'divided by 3' meetings", () => {
    expect(DEFAULT_POLICY.cme.catalogue["euroecho-imaging"].divideBy).toBe(3);
    expect(DEFAULT_POLICY.cme.catalogue["eacvi-best-of-imaging"].divideBy).toBe(3);
    expect(DEFAULT_POLICY.cme.catalogue["eacvi-congress"].divideBy).toBe(1);
  });
});

describe("the Table 1 and 8-a-day caps together: no accepted entry lowers the total", () => {
  // An event entered one day at a time (one certificate a day).
  const eventDay = (title: string, catalogueId: string, credits: number) => (day: string) => ({
    title,
    catalogueId,
    kind: "cmr-meeting" as const,
    credits,
    startDate: day,
    endDate: day,
    certificateId: `c-${day}`,
  });
  // A congress (Table 1: at most 18), and another event on its first day.
  const congressDay = eventDay("Winter congress", "eacvi-congress", 8);
  const sameDayCourse = { title: "Other course", kind: "cmr-meeting" as const, credits: 8, certificateId: "c-other" };

  it("an event capped by Table 1 takes its hours from its days with room, not from a crowded day", () => {
    const congress = ["2025-06-10", "2025-06-11", "2025-06-12"].map(congressDay);
    expect(creditedFor(congress)).toBe(18);
    // Scaled in proportion only, the congress would keep 6 hours on the crowded first day, where the two
    // events share 8, and the total would be 20; 8 on each of the three days is what the caps allow.
    expect(creditedFor([...congress, { ...sameDayCourse, startDate: "2025-06-10", endDate: "2025-06-10" }])).toBe(24);
  });

  it("a further day of a capped event never lowers the total (the case the property test found)", () => {
    // EACVI Best of Imaging: divided by 3, at most 4; an ECTS module (12.5 hours) on its first day.
    const imagingDay = eventDay("Imaging day", "eacvi-best-of-imaging", 7);
    const ects = { title: "Module", kind: "ects" as const, credits: 0.5, certificateId: "c-ects" };
    const oneDay = creditedFor([imagingDay("2025-06-11"), { ...ects, ...days(1) }]);
    const twoDays = creditedFor([imagingDay("2025-06-10"), imagingDay("2025-06-11"), { ...ects, ...days(1) }]);
    expect(oneDay).toBe(10.33);
    expect(twoDays).toBe(10.33);
  });
});
