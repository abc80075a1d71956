// The requests feature's e-mails (and in-app notifications, which carry the
// same text). Ids are deterministic: one message per request, transition and
// recipient, ever.
import { message, type MailMessage } from "../../platform/domain/mail.js";
import { KIND_TITLES, OUTCOME_LABELS, type RequestKind } from "./kinds.js";
import type { RequestStatus } from "./lifecycle.js";

export const requestMailId = (requestId: string, historyId: string, uid: string) =>
  `request-${requestId}-${historyId}-${uid}`;

export interface TransitionFacts {
  requestId: string;
  kind: RequestKind;
  status: RequestStatus;
  reason: string | null;
  /** For the supervisor's copy: whose request it is. */
  candidateName: string | null;
  decisionDueOn: string | null;
  /** What the decision changed, in words (a new deadline, a re-marked result...). */
  effect: string | null;
}

const what = (f: TransitionFacts) => `${KIND_TITLES[f.kind]} ${f.requestId}`;

function statusLine(f: TransitionFacts): string {
  switch (f.status) {
    case "submitted":
    case "resubmitted":
      return `The ${what(f)} was ${f.status}. A decision is due by ${f.decisionDueOn}.`;
    case "changes-requested":
      return `Changes were requested to the ${what(f)}. Resubmit it (resubmitRequest) once changed; the decision clock restarts then.`;
    case "withdrawn":
      return `The ${what(f)} was withdrawn.`;
    case "granted":
    case "refused":
      return `The ${what(f)} was decided: ${OUTCOME_LABELS[f.kind][f.status]}.`;
  }
}

/** The candidate's message about a transition. */
export function candidateMail(f: TransitionFacts): MailMessage {
  return message(`CMR certification: your ${KIND_TITLES[f.kind]} (${f.status})`, [
    statusLine(f),
    ...(f.reason ? [`Reason: ${f.reason}`] : []),
    ...(f.effect ? [f.effect] : []),
  ]);
}

/** The named supervisor's copy. */
export function supervisorMail(f: TransitionFacts): MailMessage {
  const whose = f.candidateName ? ` of ${f.candidateName}` : "";
  return message(`CMR certification: a ${KIND_TITLES[f.kind]} naming you (${f.status})`, [
    `You are named in the ${what(f)}${whose}. You can read it in the application and add your statement while it is open.`,
    statusLine(f),
    ...(f.reason ? [`Reason: ${f.reason}`] : []),
    ...(f.effect ? [f.effect] : []),
  ]);
}
