// The CME screening as the committee reads it: each refusal's and each
// reduction's whole message, how entries of one event are merged day by day,
// the Table 1 figure of the event and the 8-credits-a-day cap across events.
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, type Bundle, type CmeEntry } from "../../../functions/src/logbook/domain/index.js";
import { screenCme } from "../../../functions/src/logbook/domain/screening/cme.js";
import { makeBundle, makeCme } from "../../factories/bundle.js";

/** Screens exactly `cme` in the factory's eligible bundle for the route (asOf 2026-06-01, exam 2025-11-07). */
function screen(cme: CmeEntry[], route: Bundle["route"] = "level2", overrides: Partial<Bundle> = {}) {
  const bundle = makeBundle(route, { ...overrides, cme });
  return screenCme({
    bundle,
    policy: DEFAULT_POLICY,
    route,
    asOf: bundle.asOf,
    supervisors: new Map(),
    ownerUid: null,
  });
}

const messages = (result: ReturnType<typeof screen>, code?: string) =>
  result.findings.filter((f) => code === undefined || f.code === code).map((f) => f.message);

/** The credits of each event, by its entries' ids. */
const creditsById = (result: ReturnType<typeof screen>) =>
  Object.fromEntries(result.cme.map((e) => [e.entries.map((c) => c.id).join("+"), Math.round(e.credits * 100) / 100]));

const day = (date: string) => ({ startDate: date, endDate: date });
const SAME = "one event (same certificate, or the same Table 1 entry or title on overlapping dates) counts once";
const DAY_CAP = "at most 8 credits a day across all events on the same day";
const TWICE = "the same event is entered more than once and counts once";

describe("each refusal says why the entry is credited 0", () => {
  it("no certificate", () => {
    const result = screen([makeCme("a", { certificateId: null })]);
    expect(messages(result)).toEqual(["CME a: no attendance certificate is uploaded; credited 0"]);
    expect(result.cme).toEqual([]);
  });

  it.each(["self-directed", "general-webinar"] as const)("%s learning", (kind) => {
    const result = screen([makeCme("a", { kind })]);
    expect(messages(result)).toEqual([`CME a: ${kind} learning is not accepted; credited 0`]);
    expect(result.cme).toEqual([]);
  });

  it("a general meeting outside Table 1 without its CMR component", () => {
    expect(messages(screen([makeCme("a", { kind: "general-meeting", credits: 6 })]))).toEqual([
      "CME a: a general cardiology or radiology meeting counts only for its CMR component (cmrComponentCredits); credited 0",
    ]);
  });

  it("an event ending after asOf; one ending on asOf is accepted", () => {
    expect(messages(screen([makeCme("a", day("2026-06-02"))]))).toEqual([
      "CME a: the event ends on 2026-06-02, after 2026-06-01; credited 0",
    ]);
    expect(creditsById(screen([makeCme("a", day("2026-06-01"))]))).toEqual({ a: 5 });
  });

  it("too old: before the exam on an exam route, before the application for Level 3 via Level 2", () => {
    expect(messages(screen([makeCme("a", day("2023-11-06"))], "level3-direct"))).toEqual([
      "CME a: the event ended before 2023-11-07, too long before the exam; credited 0",
    ]);
    expect(creditsById(screen([makeCme("a", day("2023-11-07"))], "level3-direct"))).toEqual({ a: 5 });
    expect(messages(screen([makeCme("a", day("2024-05-31"))], "level3-via-level2"))).toEqual([
      "CME a: the event ended before 2024-06-01, too long before the application; credited 0",
    ]);
    expect(creditsById(screen([makeCme("a", day("2024-06-01"))], "level3-via-level2"))).toEqual({ a: 5 });
  });

  it("already counted for Level 2 (by id, or as the same event); only on the Level 3 via Level 2 route", () => {
    const level2 = { awardedOn: "2023-03-01", expiresOn: "2028-03-01", caseKeys: [], cmeIds: ["cme-old"] };
    const reused = "this event was already counted for Level 2; credited 0";
    const result = screen(
      [makeCme("cme-old", day("2025-06-10")), makeCme("b", { ...day("2025-06-12"), certificateId: "cert-l2" })],
      "level3-via-level2",
      {
        candidate: {
          ...makeBundle("level3-via-level2").candidate,
          level2: { ...level2, cmeEvents: [makeCme("old-2", { ...day("2023-01-01"), certificateId: "cert-l2" })] },
        },
      },
    );
    expect(messages(result)).toEqual([`CME cme-old: ${reused}`, `CME b: ${reused}`]);
    // A Level 3 direct candidate's earlier Level 2 record does not refuse the entry.
    const direct = screen([makeCme("cme-old", day("2025-06-10"))], "level3-direct", {
      candidate: { ...makeBundle("level3-direct").candidate, level2 },
    });
    expect(messages(direct)).toEqual([]);
    expect(creditsById(direct)).toEqual({ "cme-old": 5 });
  });

  it("an event made only of refused entries is not an event of the report", () => {
    const result = screen([makeCme("a", { certificateId: null }), makeCme("b", day("2025-06-10"))]);
    expect(result.cme.map((e) => e.entries.map((c) => c.id))).toEqual([["b"]]);
  });
});

describe("the entry's own findings", () => {
  it("an unknown catalogue id", () => {
    expect(messages(screen([makeCme("a", { ...day("2025-06-10"), catalogueId: "not-table-1" })]))).toEqual([
      'CME a: "not-table-1" is not a Table 1 entry; the event is credited by its kind',
    ]);
  });

  it("a CMR component above the certificate's credits, and not at or below them", () => {
    const general = (cmrComponentCredits: number) =>
      makeCme("a", { ...day("2025-06-10"), kind: "general-meeting", credits: 6, cmrComponentCredits });
    expect(messages(screen([general(7)]), "CME_COMPONENT_ABOVE_CREDITS")).toEqual([
      "CME a: the CMR component (7) cannot exceed the certificate's 6 credits",
    ]);
    expect(messages(screen([general(6)]))).toEqual([]);
    expect(messages(screen([general(3)]))).toEqual([
      "CME a: credited 3 of the 6 claimed (only the CMR component of a general meeting counts)",
    ]);
  });
});

describe("why an event is credited less than claimed", () => {
  it("a multimodality meeting divided by its modalities", () => {
    const result = screen([
      makeCme("a", { ...day("2025-06-10"), kind: "multimodality-meeting", credits: 6, modalities: 3 }),
    ]);
    expect(messages(result)).toEqual(["CME a: credited 2 of the 6 claimed (divided by 3 modalities)"]);
  });

  it("one course above 8 credits on its day gives the day cap as its only reason", () => {
    expect(messages(screen([makeCme("a", { ...day("2025-06-10"), credits: 10 })]))).toEqual([
      `CME a: credited 8 of the 10 claimed (${DAY_CAP})`,
    ]);
  });

  it("the reasons are listed in alphabetical order, separated by semicolons", () => {
    // EuroEcho-Imaging: divided by 3 and at most 8; twice on the same certificate; 30 credits on one day.
    const result = screen([
      makeCme("b", {
        ...day("2025-06-10"),
        catalogueId: "euroecho-imaging",
        kind: "multimodality-meeting",
        credits: 30,
        certificateId: "c",
      }),
      makeCme("a", {
        ...day("2025-06-10"),
        catalogueId: "euroecho-imaging",
        kind: "multimodality-meeting",
        credits: 30,
        certificateId: "c",
      }),
    ]);
    expect(messages(result)).toEqual([
      `CME a, b: ${SAME}: credited 8 of the 60 claimed (Table 1 gives this event at most 8; divided by 3 modalities; ${TWICE})`,
    ]);
  });

  it("the lowest Table 1 figure of the event's entries caps it", () => {
    const entry = (id: string, catalogueId: string) =>
      makeCme(id, {
        startDate: "2025-06-10",
        endDate: "2025-06-12",
        catalogueId,
        kind: "cmr-meeting",
        credits: 12,
        certificateId: "c",
      });
    const result = screen([entry("a", "eurocmr"), entry("b", "bscmr-annual-meeting")]);
    expect(creditsById(result)).toEqual({ "a+b": 6 });
    expect(messages(result)).toEqual([
      `CME a, b: ${SAME}: credited 6 of the 24 claimed (Table 1 gives this event at most 6; ${TWICE})`,
    ]);
  });

  it("an event credited exactly its Table 1 figure is not said to be capped by it", () => {
    const entry = (id: string) =>
      makeCme(id, {
        ...day("2025-06-10"),
        catalogueId: "bscmr-annual-meeting",
        kind: "cmr-meeting",
        credits: 6,
        certificateId: "c",
      });
    expect(messages(screen([entry("a"), entry("b")]))).toEqual([
      `CME a, b: ${SAME}: credited 6 of the 12 claimed (${TWICE})`,
    ]);
  });
});

describe("entries of one event are merged day by day", () => {
  it("on each day the most any entry gives, whatever the order of the entries", () => {
    // a: 1 credit a day for 3 days; b, same certificate: 4 credits on the middle day.
    const a = makeCme("a", { startDate: "2025-06-10", endDate: "2025-06-12", credits: 3, certificateId: "c" });
    const b = makeCme("b", { ...day("2025-06-11"), credits: 4, certificateId: "c" });
    for (const entries of [
      [a, b],
      [b, a],
    ]) {
      const result = screen(entries);
      expect(creditsById(result)).toEqual({ "a+b": 6 });
      expect(messages(result)).toEqual([`CME a, b: ${SAME}: credited 6 of the 7 claimed (${TWICE})`]);
    }
  });

  it("a day between two entries of the event is not credited, and a capped day there is not its reason", () => {
    const result = screen([
      makeCme("a", { ...day("2025-06-10"), credits: 2, certificateId: "c" }),
      makeCme("b", { ...day("2025-06-12"), credits: 3, certificateId: "c" }),
      makeCme("z", { ...day("2025-06-11"), credits: 10 }),
    ]);
    expect(creditsById(result)).toEqual({ "a+b": 5, z: 8 });
    expect(messages(result)).toEqual([
      `CME a, b: ${SAME}: credited 5 of the 5 claimed (${TWICE})`,
      `CME z: credited 8 of the 10 claimed (${DAY_CAP})`,
    ]);
  });

  it("an event worth 0 on a capped day is not said to be capped by the day", () => {
    const result = screen([
      makeCme("a", { ...day("2025-06-10"), kind: "general-meeting", credits: 6, cmrComponentCredits: 0 }),
      makeCme("b", { ...day("2025-06-10"), credits: 10 }),
    ]);
    expect(messages(result)).toEqual([
      "CME a: credited 0 of the 6 claimed (only the CMR component of a general meeting counts)",
      `CME b: credited 8 of the 10 claimed (${DAY_CAP})`,
    ]);
  });

  it("the same for an event of two entries worth 0", () => {
    const general = (id: string) =>
      makeCme(id, {
        ...day("2025-06-10"),
        kind: "general-meeting",
        credits: 6,
        cmrComponentCredits: 0,
        certificateId: "c",
      });
    const result = screen([general("a"), general("b"), makeCme("z", { ...day("2025-06-10"), credits: 10 })]);
    expect(messages(result, "CME_SAME_EVENT")).toEqual([
      `CME a, b: ${SAME}: credited 0 of the 12 claimed (only the CMR component of a general meeting counts; ${TWICE})`,
    ]);
  });
});

describe("at most 8 credits a day across events", () => {
  it("a day shared by events is scaled down in proportion, wherever the events start and end", () => {
    // a: 1 credit a day on the 10th-12th; b: 10 credits on the 11th (11 that day, scaled by 8/11).
    const result = screen([
      makeCme("a", { startDate: "2025-06-10", endDate: "2025-06-12", credits: 3 }),
      makeCme("b", { ...day("2025-06-11"), credits: 10 }),
    ]);
    expect(creditsById(result)).toEqual({ a: 2.73, b: 7.27 });
    expect(messages(result)).toEqual([
      `CME a: credited 2.73 of the 3 claimed (${DAY_CAP})`,
      `CME b: credited 7.27 of the 10 claimed (${DAY_CAP})`,
    ]);
  });

  it("an event ending the day before a capped day is not capped by it", () => {
    const result = screen([
      makeCme("a", { ...day("2025-06-10"), credits: 2, certificateId: "c" }),
      makeCme("b", { ...day("2025-06-10"), credits: 2, certificateId: "c" }),
      makeCme("z", { ...day("2025-06-11"), credits: 10 }),
    ]);
    expect(messages(result, "CME_SAME_EVENT")).toEqual([`CME a, b: ${SAME}: credited 2 of the 4 claimed (${TWICE})`]);
  });

  it("a day of exactly 8 credits (0.56 + 6.98 + 0.46, inexact in binary) is not capped", () => {
    const result = screen([
      makeCme("a", { ...day("2025-06-10"), credits: 0.56 }),
      makeCme("b1", { ...day("2025-06-10"), credits: 6.98, certificateId: "c" }),
      makeCme("b2", { ...day("2025-06-10"), credits: 6.98, certificateId: "c" }),
      makeCme("c", { ...day("2025-06-10"), credits: 0.46 }),
    ]);
    expect(messages(result)).toEqual([`CME b1, b2: ${SAME}: credited 6.98 of the 13.96 claimed (${TWICE})`]);
  });
});

describe("the report does not depend on the order of entries", () => {
  it("events come in the order of their entries' ids", () => {
    const ids = ["m", "c", "x", "a", "k", "b"];
    const result = screen(ids.map((id, i) => makeCme(id, day(`2025-06-1${i}`))));
    expect(result.cme.map((e) => e.entries[0].id)).toEqual(["a", "b", "c", "k", "m", "x"]);
  });
});

describe("the hours a Table 1 cap leaves unused on a crowded day", () => {
  // A congress entered one day at a time (Table 1: at most 18), and a course on its first day.
  const congressDay = (id: string, date: string) =>
    makeCme(id, {
      title: "Winter congress",
      catalogueId: "eacvi-congress",
      kind: "cmr-meeting",
      credits: 8,
      certificateId: `c-${id}`,
      ...day(date),
    });
  const course = (id: string, date: string, credits = 8) =>
    makeCme(id, { title: `Course ${id}`, kind: "cmr-meeting", credits, certificateId: `c-${id}`, ...day(date) });

  it("move to the event's days with room: each event keeps within its own cap and each day within 8", () => {
    const result = screen([
      congressDay("a1", "2025-06-10"),
      congressDay("a2", "2025-06-11"),
      congressDay("a3", "2025-06-12"),
      course("b", "2025-06-10"),
    ]);
    // The congress gives its 18 (8 + 8 + 2); the course the 6 left on its day.
    expect(creditsById(result)).toEqual({ "a1+a2+a3": 18, b: 6 });
    expect(messages(result, "CME_CREDITS_CAPPED")).toEqual([`CME b: credited 6 of the 8 claimed (${DAY_CAP})`]);
  });

  it("through another event of the crowded day, which moves its own hours to a free day of its own", () => {
    // The congress (18 over three days) shares its first day with a two-day course (8 a day); the course's
    // second day is free. Each day full: 8 + 8 + 8 from the congress's three days and the course's second day.
    const result = screen([
      congressDay("a1", "2025-06-10"),
      congressDay("a2", "2025-06-11"),
      congressDay("a3", "2025-06-12"),
      makeCme("b", {
        title: "Course b",
        kind: "cmr-meeting",
        credits: 16,
        certificateId: "c-b",
        startDate: "2025-06-09",
        endDate: "2025-06-10",
      }),
    ]);
    const credits = creditsById(result);
    expect(credits["a1+a2+a3"]).toBe(18);
    expect(credits.b).toBe(14);
  });

  it("changes nothing when no day is crowded, or no event is capped by Table 1", () => {
    const roomy = screen([congressDay("a1", "2025-06-10"), congressDay("a2", "2025-06-11"), course("b", "2025-06-12")]);
    expect(creditsById(roomy)).toEqual({ "a1+a2": 16, b: 8 });
    const uncapped = screen([course("a", "2025-06-10", 6), course("b", "2025-06-10", 6)]);
    expect(creditsById(uncapped)).toEqual({ a: 4, b: 4 });
  });
});
