// How many hours each CME event is credited with, and why it is less than
// claimed. First each entry is accepted or refused (the checks run in the
// order of the programme's CME section; the first refusal credits it 0). The
// accepted entries are then grouped into events (one event counts once however
// it is entered), each event is valued day by day, capped at its Table 1
// figure, and the 8-credits-a-day cap is applied across all events on the
// same day (every kind: an online course or ECTS module is dated by the
// period over which it was followed).
import { appliesTo, EXAM_ROUTES, type Context, type CreditedEvent } from "../context.js";
import { addMonthsIso } from "../../../platform/domain/dates.js";
import { catalogueEntry, type CatalogueEntry } from "../../../platform/domain/policy.js";
import { groupEvents, identityOf, sameEvent, type EventIdentity } from "../cme-identity.js";
import { round2, warning, type Finding } from "../report.js";
import type { CmeEntry } from "../schema.js";

const EPSILON = 1e-9;

type Refusal = { code: string; reason: string };

/** An accepted entry: what it is worth before the event and day caps. */
interface Claim {
  entry: CmeEntry;
  identity: EventIdentity;
  listed: CatalogueEntry | undefined;
  /** Hours claimed: the credits, or ECTS points × hours per ECTS. */
  claimed: number;
  /** Hours after division by the modalities or taking the CMR component. */
  value: number;
  reasons: string[];
  /** A refused entry credits nothing, but still says which event it is and that event's Table 1 figure. */
  refused: boolean;
}

/** Events that ended before this date are too old to count. */
function earliestEventEnd({ bundle, policy, route, asOf }: Context): string | null {
  const months = policy.cme.maxAgeBeforeExamMonths;
  // Level 3 via Level 2 has no exam of its own: the application date is the reference.
  if (route === "level3-via-level2") return addMonthsIso(asOf, -months);
  if (!appliesTo({ routes: EXAM_ROUTES }, route) || !bundle.exam) return null;
  return addMonthsIso(bundle.exam.sittingDate, -months);
}

function reusedFromLevel2(entry: CmeEntry, identity: EventIdentity, context: Context): boolean {
  const level2 = context.bundle.candidate.level2;
  if (context.route !== "level3-via-level2" || !level2) return false;
  if (level2.cmeIds.includes(entry.id)) return true;
  return (level2.cmeEvents ?? []).some((event) => sameEvent(identity, identityOf(event)));
}

function refusal(
  entry: CmeEntry,
  identity: EventIdentity,
  listed: CatalogueEntry | undefined,
  context: Context,
  earliest: string | null,
): Refusal | null {
  if (entry.certificateId === null) {
    return { code: "CME_CERTIFICATE_MISSING", reason: "no attendance certificate is uploaded" };
  }
  if (entry.kind === "self-directed" || entry.kind === "general-webinar") {
    return { code: "CME_NOT_ACCEPTED", reason: `${entry.kind} learning is not accepted` };
  }
  if (entry.kind === "general-meeting" && !listed && entry.cmrComponentCredits === undefined) {
    return {
      code: "CME_NOT_ACCEPTED",
      reason: "a general cardiology or radiology meeting counts only for its CMR component (cmrComponentCredits)",
    };
  }
  if (entry.kind === "multimodality-meeting" && !listed && (entry.modalities ?? 0) < 2) {
    return {
      code: "CME_MODALITIES_MISSING",
      reason:
        "a multimodality event is divided by its number of imaging modalities: give that number (modalities, at least 2)",
    };
  }
  if (entry.endDate > context.asOf) {
    return { code: "CME_IN_FUTURE", reason: `the event ends on ${entry.endDate}, after ${context.asOf}` };
  }
  if (earliest !== null && entry.endDate < earliest) {
    const reference = context.route === "level3-via-level2" ? "the application" : "the exam";
    return { code: "CME_EVENT_TOO_OLD", reason: `the event ended before ${earliest}, too long before ${reference}` };
  }
  if (reusedFromLevel2(entry, identity, context)) {
    return { code: "CME_REUSED_FROM_LEVEL2", reason: "this event was already counted for Level 2" };
  }
  return null;
}

/** The hours an accepted entry is worth before the Table 1 figure and the per-day cap. */
function claimOf(
  entry: CmeEntry,
  identity: EventIdentity,
  listed: CatalogueEntry | undefined,
  context: Context,
): Claim {
  const claimed = entry.kind === "ects" ? entry.credits * context.policy.cme.hoursPerEcts : entry.credits;
  const reasons: string[] = [];
  let value = claimed;
  if (!listed && entry.kind === "general-meeting") {
    value = Math.min(entry.cmrComponentCredits ?? 0, claimed);
    reasons.push("only the CMR component of a general meeting counts");
  } else {
    // Table 1 decides for its events ("divided by 3", or "not divided"); otherwise the entry's modalities.
    const divisor = listed ? listed.divideBy : (entry.modalities ?? 1);
    if (divisor > 1) {
      value = claimed / divisor;
      reasons.push(`divided by ${divisor} modalities`);
    }
  }
  return { entry, identity, listed, claimed, value, reasons, refused: false };
}

/** A stretch of days [start, endExclusive) (day numbers) credited at `rate` hours a day. */
interface Segment {
  start: number;
  endExclusive: number;
  rate: number;
}

const ascending = (a: number, b: number) => a - b;

/** The event's hours per day: on each day, the most any of its entries gives (entered twice counts once). */
function eventSegments(claims: Claim[]): Segment[] {
  const entries = claims.map(({ identity, value }) => ({
    start: identity.first,
    endExclusive: identity.dayAfter,
    rate: value / (identity.dayAfter - identity.first),
  }));
  if (entries.length === 1) return entries[0].rate > 0 ? entries : [];
  const points = [...new Set(entries.flatMap((e) => [e.start, e.endExclusive]))].sort(ascending);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, endExclusive] = [points[i], points[i + 1]];
    const rate = Math.max(0, ...entries.filter((e) => e.start <= start && e.endExclusive > start).map((e) => e.rate));
    if (rate > 0) segments.push({ start, endExclusive, rate });
  }
  return segments;
}

const hoursOf = (segments: Segment[]) => segments.reduce((sum, s) => sum + s.rate * (s.endExclusive - s.start), 0);

interface ValuedEvent {
  claims: Claim[];
  /** Its hours per day, scaled down to its Table 1 figure. */
  segments: Segment[];
  /** Its hours per day before the Table 1 figure, and that figure (null: none). */
  offered: Segment[];
  cap: number | null;
  reasons: Set<string>;
}

/** One event: its entries merged, its Table 1 figure (the lowest of its entries' catalogue entries) applied. */
function valueEvent(all: Claim[]): ValuedEvent {
  // Every entry of the event, refused or not, names its Table 1 figure: an
  // entry dated after asOf (or otherwise refused) must not lift the cap that
  // it brings to the entries of the same event that do count.
  const caps = all.flatMap((c) => (c.listed && c.listed.maxCredits !== null ? [c.listed.maxCredits] : []));
  const claims = all.filter((c) => !c.refused);
  const reasons = new Set(claims.flatMap((c) => c.reasons));
  if (claims.length > 1) reasons.add("the same event is entered more than once and counts once");
  const offered = eventSegments(claims);
  let segments = offered;
  const cap = caps.length > 0 ? Math.min(...caps) : null;
  const raw = hoursOf(segments);
  if (cap !== null && raw > cap + EPSILON) {
    const factor = cap / raw;
    segments = segments.map((s) => ({ ...s, rate: s.rate * factor }));
    reasons.add(`Table 1 gives this event at most ${cap}`);
  }
  return { claims, segments, offered, cap, reasons };
}

/**
 * The hours of each event once the events on the same day share at most
 * `maxPerDay` (scaled down in proportion, so the order of entries does not
 * matter). A sweep over the days where any event starts or ends.
 */
function applyDayCap(events: ValuedEvent[], maxPerDay: number): number[] {
  const points = [...new Set(events.flatMap((e) => e.segments.flatMap((s) => [s.start, s.endExclusive])))].sort(
    ascending,
  );
  const index = new Map(points.map((p, i) => [p, i]));
  const delta = new Array<number>(points.length).fill(0);
  for (const event of events) {
    for (const s of event.segments) {
      delta[index.get(s.start)!] += s.rate;
      delta[index.get(s.endExclusive)!] -= s.rate;
    }
  }
  // weighted[i]: the days before points[i], each weighted by the share of its hours that counts.
  const weighted = new Array<number>(points.length).fill(0);
  const capped = new Set<number>();
  let perDay = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    perDay += delta[i];
    const share = perDay > maxPerDay + EPSILON ? maxPerDay / perDay : 1;
    if (share < 1) capped.add(i);
    weighted[i + 1] = weighted[i] + share * (points[i + 1] - points[i]);
  }
  const hours = events.map((event) => {
    let total = 0;
    for (const s of event.segments) {
      const [from, to] = [index.get(s.start)!, index.get(s.endExclusive)!];
      total += s.rate * (weighted[to] - weighted[from]);
      for (let i = from; i < to; i++) {
        if (capped.has(i)) event.reasons.add(`at most ${maxPerDay} credits a day across all events on the same day`);
      }
    }
    return total;
  });
  // Credit is left unused only where a day was crowded and an event was scaled down to its Table 1 figure.
  if (capped.size === 0 || events.every((event) => event.segments === event.offered)) return hours;
  return creditWhatTheCapsLeave(events, points, index, weighted, maxPerDay);
}

/**
 * Scaling in proportion can leave credit unused: an event capped by Table 1
 * keeps part of its hours on a day the 8-credit cap cuts, while another of
 * its days has room (a further entry of the event would then lower the total
 * credited). Moves hours along augmenting paths (max flow: event → its days →
 * the day's 8 credits) until no cap leaves room, so that no accepted entry
 * ever lowers the total. The proportional shares stand wherever nothing is
 * left unused.
 */
function creditWhatTheCapsLeave(
  events: ValuedEvent[],
  points: number[],
  index: Map<number, number>,
  weighted: number[],
  maxPerDay: number,
): number[] {
  const days = points.length - 1;
  /** Per event, the hours its segments give over each interval, each day of interval i counting `width(i)`. */
  const perInterval = (segmentsOf: (event: ValuedEvent) => Segment[], width: (i: number) => number) =>
    events.map((event) => {
      const hours = new Array<number>(days).fill(0);
      for (const s of segmentsOf(event)) {
        for (let i = index.get(s.start)!; i < index.get(s.endExclusive)!; i++) hours[i] += s.rate * width(i);
      }
      return hours;
    });
  // flow[e][i]: the hours event e is credited with over interval i ([points[i], points[i + 1])), first as scaled.
  const flow = perInterval(
    (event) => event.segments,
    (i) => weighted[i + 1] - weighted[i],
  );
  // offered[e][i]: the most event e gives over the days of interval i, Table 1 aside.
  const offered = perInterval(
    (event) => event.offered,
    (i) => points[i + 1] - points[i],
  );
  const daysOf = offered.map((hours) => hours.flatMap((h, i) => (h > 0 ? [i] : [])));
  const eventsOn = Array.from({ length: days }, () => [] as number[]);
  daysOf.forEach((list, e) => list.forEach((i) => eventsOn[i].push(e)));
  const eventRoom = events.map((event, e) =>
    event.cap === null ? Infinity : event.cap - flow[e].reduce((total, h) => total + h, 0),
  );
  const dayRoom = Array.from({ length: days }, (_, i) => maxPerDay * (points[i + 1] - points[i]));
  for (const hours of flow) for (let i = 0; i < days; i++) dayRoom[i] -= hours[i];
  for (;;) {
    // Breadth first from the events below their Table 1 figure: event → a day where it could give more;
    // a full day → an event credited there (which can then move those hours to another of its days).
    const reachedThrough = new Array<number>(events.length).fill(NOT_REACHED); // the day, or START
    const reachedFrom = new Array<number>(days).fill(NOT_REACHED); // the event
    const queue = events.flatMap((_, e) => (eventRoom[e] > EPSILON ? [e] : []));
    for (const e of queue) reachedThrough[e] = START;
    let end = NOT_REACHED;
    for (let q = 0; q < queue.length && end === NOT_REACHED; q++) {
      const e = queue[q];
      for (const i of daysOf[e]) {
        if (reachedFrom[i] !== NOT_REACHED || offered[e][i] - flow[e][i] <= EPSILON) continue;
        reachedFrom[i] = e;
        if (dayRoom[i] > EPSILON) {
          end = i;
          break;
        }
        for (const other of eventsOn[i]) {
          if (reachedThrough[other] === NOT_REACHED && flow[other][i] > EPSILON) {
            reachedThrough[other] = i;
            queue.push(other);
          }
        }
      }
    }
    if (end === NOT_REACHED) return flow.map((hours) => hours.reduce((total, h) => total + h, 0));
    // Back from the day with room to an event with room: each step credits event e more on day i;
    // each step after the first takes as much from the previous step's event on this step's day.
    const steps: { e: number; i: number }[] = [];
    for (let i = end; ;) {
      const e = reachedFrom[i];
      steps.push({ e, i });
      if (reachedThrough[e] === START) break;
      i = reachedThrough[e];
    }
    let amount = Math.min(dayRoom[end], eventRoom[steps[steps.length - 1].e]);
    steps.forEach(({ e, i }, k) => {
      amount = Math.min(amount, offered[e][i] - flow[e][i]);
      if (k > 0) amount = Math.min(amount, flow[steps[k - 1].e][i]);
    });
    steps.forEach(({ e, i }, k) => {
      flow[e][i] += amount;
      if (k > 0) flow[steps[k - 1].e][i] -= amount;
    });
    dayRoom[end] -= amount;
    eventRoom[steps[steps.length - 1].e] -= amount;
  }
}

const NOT_REACHED = -2;
const START = -1;

function eventFinding(event: ValuedEvent, credits: number): Finding | null {
  const ids = event.claims.map((c) => c.entry.id).sort();
  const claimed = event.claims.reduce((sum, c) => sum + c.claimed, 0);
  const why = [...event.reasons].sort().join("; ");
  if (ids.length > 1) {
    return warning(
      "CME_SAME_EVENT",
      `CME ${ids.join(", ")}: one event (same certificate, or the same Table 1 entry or title on overlapping dates) counts once: credited ${round2(credits)} of the ${round2(claimed)} claimed (${why})`,
      { cmeIds: ids },
    );
  }
  if (credits < claimed - EPSILON) {
    return warning(
      "CME_CREDITS_CAPPED",
      `CME ${ids[0]}: credited ${round2(credits)} of the ${round2(claimed)} claimed (${why})`,
      { cmeIds: ids },
    );
  }
  return null;
}

export function screenCme(context: Context): { cme: CreditedEvent[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const earliest = earliestEventEnd(context);
  const claims: Claim[] = [];
  for (const entry of context.bundle.cme) {
    const identity = identityOf(entry);
    const listed = catalogueEntry(context.policy, entry.catalogueId);
    if (entry.catalogueId && !listed) {
      findings.push(
        warning(
          "CME_CATALOGUE_UNKNOWN",
          `CME ${entry.id}: "${entry.catalogueId}" is not a Table 1 entry; the event is credited by its kind`,
          { cmeIds: [entry.id] },
        ),
      );
    }
    if (entry.cmrComponentCredits !== undefined && entry.cmrComponentCredits > entry.credits) {
      findings.push(
        warning(
          "CME_COMPONENT_ABOVE_CREDITS",
          `CME ${entry.id}: the CMR component (${entry.cmrComponentCredits}) cannot exceed the certificate's ${entry.credits} credits`,
          { cmeIds: [entry.id] },
        ),
      );
    }
    const refused = refusal(entry, identity, listed, context, earliest);
    if (refused) {
      findings.push(warning(refused.code, `CME ${entry.id}: ${refused.reason}; credited 0`, { cmeIds: [entry.id] }));
      claims.push({ entry, identity, listed, claimed: 0, value: 0, reasons: [], refused: true });
      continue;
    }
    claims.push(claimOf(entry, identity, listed, context));
  }

  // In id order, so that the report does not depend on the order of entries.
  claims.sort((a, b) => (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
  const events = groupEvents(claims, (a, b) => sameEvent(a.identity, b.identity))
    .filter((group) => group.some((c) => !c.refused))
    .map(valueEvent);
  const hours = applyDayCap(events, context.policy.cme.maxPerDay);
  const cme = events.map((event, i) => {
    const finding = eventFinding(event, hours[i]);
    if (finding) findings.push(finding);
    const series = event.claims.flatMap(({ identity }) => [
      ...(identity.catalogueId ? [`catalogue:${identity.catalogueId}`] : []),
      `title:${identity.title}`,
    ]);
    return { entries: event.claims.map((c) => c.entry), credits: hours[i], series: [...new Set(series)] };
  });
  return { cme, findings };
}
