// When two CME entries (or an entry and a Level 2 event) describe the same
// event: the same certificate; or the same Table 1 entry in the same edition
// (Table 1 events are annual: the same calendar year, or touching dates); or
// the same title (compared without case, spaces or punctuation) on dates that
// overlap or touch (an event split into one entry per day is still one event).
import { dayNumber } from "./day-number.js";
import { patientKey } from "./patient-key.js";
import type { CmeEvent } from "./schema.js";

/** A title as compared: letters and digits only, lower-cased ("Euro-CMR 2025" = "eurocmr 2025"). */
export const titleKey = (title: string) => patientKey(title);

/** An event's identity, with its title key computed once. */
export interface EventIdentity {
  catalogueId: string | null;
  title: string;
  startDate: string;
  endDate: string;
  /** The first day and the day after the last, as day numbers: touching entries are one stretch of days. */
  first: number;
  dayAfter: number;
  certificateId: string | null;
}

export function identityOf(event: CmeEvent): EventIdentity {
  return {
    catalogueId: event.catalogueId || null,
    title: titleKey(event.title),
    startDate: event.startDate,
    endDate: event.endDate,
    first: dayNumber(event.startDate),
    dayAfter: dayNumber(event.endDate) + 1,
    certificateId: event.certificateId || null,
  };
}

export function sameEvent(a: EventIdentity, b: EventIdentity): boolean {
  if (a.certificateId !== null && a.certificateId === b.certificateId) return true;
  const touching = a.first <= b.dayAfter && b.first <= a.dayAfter;
  if (a.catalogueId !== null && a.catalogueId === b.catalogueId) {
    return touching || a.startDate.slice(0, 4) === b.startDate.slice(0, 4);
  }
  return touching && a.title.length > 0 && a.title === b.title;
}

/** Groups items into events: `same` is applied pairwise and the groups are its transitive closure. */
export function groupEvents<T>(items: T[], same: (a: T, b: T) => boolean): T[][] {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (root(i) !== root(j) && same(items[i], items[j])) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(item);
    else groups.set(r, [item]);
  });
  return [...groups.values()];
}
