// The grading documents as the client reads them (docs/grading.md), and the
// words shown for their states.
import type { AreaVerdict, GradeArea } from "./domain";

export type RoundStatus = "unassigned" | "grading" | "awaiting-chair" | "decided" | "closed";

export interface RoundData {
  applicationId: string;
  candidateUid: string;
  route: string;
  submission: number;
  status: RoundStatus;
  graderUids: string[];
  gradedBy?: string[];
  openQuestions?: number;
  sampleCaseIds?: string[];
  deniedChecks?: string[];
  outcome?: "passed" | "failed" | null;
  decision?: { outcome: string; by: string; reason: string | null; decidedOn: string } | null;
  appealBy?: string;
  certificationId?: string;
}

export interface GradeData {
  graderUid: string;
  submission: number;
  areas: Record<GradeArea, AreaVerdict>;
  overall: "pass" | "fail";
  comment: string;
  gradedOn: string;
  visibleToGraders?: boolean;
  visibleToCandidate?: boolean;
}

export interface QuestionData {
  submission: number;
  askedBy: string;
  text: string;
  askedOn: string;
  status: "open" | "answered";
  answer: { text: string; evidenceIds: string[]; answeredOn: string } | null;
}

export interface CheckData {
  submission: number;
  caseId: string;
  patientRef: string;
  studyDate: string;
  supervisorUid: string;
  status: "pending" | "confirmed" | "denied";
  comment: string | null;
  answeredOn?: string;
}

export interface HistoryData {
  event: string;
  submission: number;
  at?: { toDate(): Date; seconds: number; nanoseconds: number } | null;
  outcome?: string;
  reason?: string | null;
  certificateNumber?: string;
  by?: string;
}

export const ROUND_STATUS_TEXT: Record<RoundStatus, string> = {
  unassigned: "waiting for graders",
  grading: "being graded",
  "awaiting-chair": "the graders disagree: waiting for the chair",
  decided: "decided",
  closed: "closed (returned or withdrawn)",
};

export const AREA_LABELS: Record<GradeArea, string> = {
  cases: "Clinical cases",
  training: "Supervised training",
  cme: "CME",
  peerRecognition: "Peer recognition",
  supervisorDeclaration: "Supervisor's declaration",
};

export const VERDICT_TEXT: Record<AreaVerdict, string> = {
  meets: "meets the requirements",
  "does-not-meet": "does not meet the requirements",
  "not-applicable": "not applicable",
};

const EVENT_TEXT: Record<string, string> = {
  submitted: "Submitted",
  assigned: "Graders assigned",
  unassigned: "Waiting for graders",
  reassigned: "A grader was replaced",
  queried: "A grader asked a question",
  answered: "The candidate answered",
  "check-answered": "A supervisor answered a random check",
  graded: "A grade was recorded",
  "referred-to-chair": "Referred to the chair",
  decided: "Decided",
  awarded: "Certification awarded",
  revoked: "Certification revoked",
};

/** One history event in words. */
export function describeEvent(h: HistoryData): string {
  const base = EVENT_TEXT[h.event] ?? h.event;
  if (h.event === "decided")
    return `${base}: ${h.outcome}${h.by === "chair" ? " by the chair" : " by the graders"}${h.reason ? ` (${h.reason})` : ""}`;
  if (h.event === "awarded" && h.certificateNumber) return `${base}: certificate ${h.certificateNumber}`;
  return base;
}
