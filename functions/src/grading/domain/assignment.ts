// Who may grade an application, and which two graders get it. Pure: the
// graders' profiles and open loads in, the chosen uids out.
import { countryKey, institutionKey } from "./institution.js";

export interface GraderProfile {
  uid: string;
  institution: string | null;
  country: string | null;
  active: boolean;
  /** The most open assignments this grader accepts at once. */
  capacity: number;
  /** Applications currently assigned to this grader and not yet decided. */
  openAssignments: number;
}

/** The people an application's graders must be independent of. */
export interface ConflictSubject {
  candidateUid: string;
  candidateInstitution: string | null;
  candidateCountry: string | null;
  /** Named on the application, on any case or on any training period. */
  supervisorUids: string[];
  /** Institutions of those supervisors (same-institution graders are excluded too). */
  supervisorInstitutions: (string | null)[];
}

export interface AssignmentRules {
  gradersPerApplication: number;
  excludeSameCountry: boolean;
}

export type Exclusion =
  "inactive" | "at-capacity" | "is-candidate" | "is-supervisor" | "same-institution" | "same-country" | "excluded";

/** Why this grader may not grade this application, or null when eligible. */
export function exclusionOf(
  grader: GraderProfile,
  subject: ConflictSubject,
  rules: AssignmentRules,
  excluded: readonly string[] = [],
): Exclusion | null {
  if (grader.uid === subject.candidateUid) return "is-candidate";
  if (subject.supervisorUids.includes(grader.uid)) return "is-supervisor";
  if (excluded.includes(grader.uid)) return "excluded";
  if (!grader.active) return "inactive";
  if (grader.openAssignments >= grader.capacity) return "at-capacity";
  const graderInstitution = institutionKey(grader.institution);
  const conflictingInstitutions = [subject.candidateInstitution, ...subject.supervisorInstitutions]
    .map(institutionKey)
    .filter((k): k is string => k !== null);
  if (graderInstitution !== null && conflictingInstitutions.includes(graderInstitution)) return "same-institution";
  if (rules.excludeSameCountry) {
    const mine = countryKey(grader.country);
    if (mine !== null && mine === countryKey(subject.candidateCountry)) return "same-country";
  }
  return null;
}

/** Least loaded first; equal loads in uid order, so the same input always gives the same graders. */
export const byLoadThenUid = (a: GraderProfile, b: GraderProfile) =>
  a.openAssignments - b.openAssignments || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);

export type AssignmentOutcome =
  | { kind: "assigned"; graderUids: string[] }
  | { kind: "unassigned"; eligible: string[]; exclusions: Record<string, Exclusion> };

/**
 * The least loaded eligible graders. `keep` are graders who stay on the
 * application (a reassignment replaces one grader and keeps the other);
 * `excluded` are graders who must not be chosen (the one being replaced).
 */
export function chooseGraders(
  graders: readonly GraderProfile[],
  subject: ConflictSubject,
  rules: AssignmentRules,
  { keep = [], excluded = [] }: { keep?: readonly string[]; excluded?: readonly string[] } = {},
): AssignmentOutcome {
  const exclusions: Record<string, Exclusion> = {};
  const eligible: GraderProfile[] = [];
  for (const g of graders) {
    if (keep.includes(g.uid)) continue;
    const why = exclusionOf(g, subject, rules, excluded);
    if (why) exclusions[g.uid] = why;
    else eligible.push(g);
  }
  const needed = rules.gradersPerApplication - keep.length;
  const chosen = [...eligible].sort(byLoadThenUid).slice(0, Math.max(needed, 0));
  if (chosen.length < needed) return { kind: "unassigned", eligible: chosen.map((g) => g.uid), exclusions };
  return { kind: "assigned", graderUids: [...keep, ...chosen.map((g) => g.uid)] };
}
