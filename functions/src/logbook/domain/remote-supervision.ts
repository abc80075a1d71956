// "Remote mentoring requires prior approval": a supervisor at another
// institution than the candidate's counts for cases and training only on
// the dates a granted remote-supervision request naming them covers.
// Pure. Institutions are compared by a normalised key (letter case, accents,
// punctuation). The rule applies when the supervisor's institution is
// recorded: then it differs from the candidate's, or the candidate's is not
// recorded (so that leaving it blank cannot avoid the rule).
import { addDaysIso, maxIso, minIso, type IsoDate } from "../../platform/domain/dates.js";
import { institutionKey } from "../../platform/domain/institution.js";
import type { Context } from "./context.js";

export interface RemoteRule {
  /** Why the supervisor is remote, for the finding. */
  why: string;
  /** The granted spans naming this supervisor, sorted and merged. */
  spans: { from: IsoDate; to: IsoDate }[];
}

/** Null when the supervisor is not remote (same institution, or theirs not recorded). */
export function remoteRuleFor(context: Context, supervisorId: string): RemoteRule | null {
  const supervisor = context.supervisors.get(supervisorId);
  const theirs = institutionKey(supervisor?.institution);
  if (!supervisor || theirs === null) return null;
  const mine = institutionKey(context.bundle.candidate.institution);
  if (mine === theirs) return null;
  const why =
    mine === null
      ? `supervisor "${supervisorId}" is at ${supervisor.institution} and the candidate's institution is not recorded in their profile`
      : `supervisor "${supervisorId}" is at another institution (${supervisor.institution}) than the candidate's (${context.bundle.candidate.institution})`;
  return { why, spans: mergeSpans(grantsFor(context, supervisorId)) };
}

function grantsFor(context: Context, supervisorId: string) {
  return (context.bundle.remoteSupervision ?? [])
    .filter((g) => g.supervisorId === supervisorId && g.to >= g.from)
    .map((g) => ({ from: g.from, to: g.to }));
}

/** Sorted, overlapping or touching spans merged (2026-01-31 and 2026-02-01 touch). */
export function mergeSpans(spans: { from: IsoDate; to: IsoDate }[]) {
  const sorted = [...spans].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: { from: IsoDate; to: IsoDate }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.from <= addDaysIso(last.to, 1)) last.to = maxIso(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged;
}

export const covers = (rule: RemoteRule, date: IsoDate) => rule.spans.some((s) => s.from <= date && date <= s.to);

/** The parts of [start, end] the rule's spans cover, and the parts they leave out. */
export function splitByCoverage(rule: RemoteRule, start: IsoDate, end: IsoDate) {
  const covered: { from: IsoDate; to: IsoDate }[] = [];
  for (const s of rule.spans) {
    const from = maxIso(s.from, start);
    const to = minIso(s.to, end);
    if (from <= to) covered.push({ from, to });
  }
  const uncovered: { from: IsoDate; to: IsoDate }[] = [];
  let cursor = start;
  for (const c of covered) {
    if (c.from > cursor) uncovered.push({ from: cursor, to: addDaysIso(c.from, -1) });
    cursor = maxIso(cursor, addDaysIso(c.to, 1));
  }
  if (cursor <= end) uncovered.push({ from: cursor, to: end });
  return { covered, uncovered };
}

export const describeSpans = (spans: { from: IsoDate; to: IsoDate }[]) =>
  spans.map((s) => (s.from === s.to ? s.from : `${s.from} – ${s.to}`)).join(", ");
