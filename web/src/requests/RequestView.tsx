// A request as the client shows it to the candidate, the committee and the
// supervisors it names: its document's shape, its status in words, what it
// asks for and its history (RequestsPage, supervisor/NamedRequests).
import { collection, doc } from "firebase/firestore";
import { sdk } from "../firebase";
import { ErrorText } from "../feedback";
import { useLiveDoc, useLiveQuery } from "../live";
import {
  EXTENSION_GROUNDS,
  KIND_TITLES,
  type RequestContent,
  type RequestKind,
} from "../../../functions/src/requests/domain/kinds";
import { historySequence } from "../../../functions/src/requests/domain/lifecycle";

export interface RequestDoc {
  kind: RequestKind;
  candidateUid: string;
  status: "submitted" | "changes-requested" | "resubmitted" | "granted" | "refused" | "withdrawn";
  content: RequestContent;
  submittedOn: string;
  decisionDueOn: string | null;
  changesRequested?: { reason: string; on: string } | null;
  decision?: {
    outcome: string;
    reason: string;
    decidedOn: string;
    grantedMonths?: number;
    /** Special circumstances: the policy for that one application (web-override). */
    policyOverride?: Record<string, unknown> | null;
  } | null;
  supervisorStatement?: { by: string; text: string; signedOn: string } | null;
}

export interface HistoryEvent {
  event: string;
  status: string;
  reason: string | null;
  on: string;
  outcome?: string;
}

export const OPEN_STATUSES = ["submitted", "changes-requested", "resubmitted"];
export const STATUS_TEXT: Record<RequestDoc["status"], string> = {
  submitted: "sent: waiting for the committee's decision",
  "changes-requested": "changes requested: change it and send it again",
  resubmitted: "sent again: waiting for the committee's decision",
  granted: "decided",
  refused: "decided",
  withdrawn: "withdrawn",
};
export const GROUND_TEXT: Record<(typeof EXTENSION_GROUNDS)[number], string> = {
  "parental-leave": "parental leave",
  "less-than-full-time": "less than full-time training",
  illness: "illness",
};

export const kindTitle = (kind: RequestKind) => KIND_TITLES[kind][0].toUpperCase() + KIND_TITLES[kind].slice(1);

/** A supervisor of the registry (readable by anyone signed in) by name, with the account id. */
function SupervisorName({ uid }: { uid: string }) {
  const entry = useLiveDoc<{ name?: string }>(doc(sdk().db, "supervisors", uid), uid, {
    doing: "read the supervisors' registry",
  });
  const name = entry.value?.data.name;
  return <>{name ? `${name} (${uid})` : uid}</>;
}

/** What the request asks for, in words. */
export function Summary({ content }: { content: RequestContent }) {
  switch (content.kind) {
    case "extension":
      return (
        <p>
          {content.requestedMonths} month(s) for the{" "}
          {content.target.deadline === "logbook" ? "logbook submission" : "recertification"} (
          {GROUND_TEXT[content.grounds]}
          ): {content.explanation}
        </p>
      );
    case "exam-appeal":
      return (
        <p>
          Exam result {content.examResultId}: {content.grounds}
        </p>
      );
    case "logbook-appeal":
      return (
        <p>
          Application {content.applicationId}: {content.grounds}
        </p>
      );
    case "special-circumstances":
      return (
        <p>
          Application {content.applicationId}: {content.text}
        </p>
      );
    case "remote-supervision":
      return (
        <dl className="request-content">
          <dt>Covered</dt>
          <dd>
            from {content.from} to {content.to}
          </dd>
          <dt>Remote supervisor</dt>
          <dd>
            <SupervisorName uid={content.remoteSupervisorUid} />
          </dd>
          <dt>Reason</dt>
          <dd>{content.reason}</dd>
          <dt>Institution's annual caseload</dt>
          <dd>{content.institutionAnnualCaseload} studies</dd>
          <dt>Local supervision</dt>
          <dd>{content.localSupervision}</dd>
          <dt>Arrangements</dt>
          <dd>{content.arrangements}</dd>
          <dt>Contact time</dt>
          <dd>{content.contactTime}</dd>
          <dt>Assessment methods</dt>
          <dd>{content.assessmentMethods}</dd>
        </dl>
      );
  }
}

/**
 * A request's history in the order it happened: the server numbers every
 * event in its id (`001-submitted`, `002-changes-requested`, ...; one event per
 * transaction), so the number, not the shared date, orders them.
 */
export function RequestHistory({ requestId }: { requestId: string }) {
  const history = useLiveQuery<HistoryEvent>(collection(sdk().db, "requests", requestId, "history"), requestId, {
    doing: "read the request's history",
  });
  return (
    <>
      <ErrorText text={history.error} />
      <ol aria-label={`History of ${requestId}`}>
        {[...(history.value ?? [])]
          .sort((a, b) => historySequence(a.id) - historySequence(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map((h) => (
            <li key={h.id} data-event={h.data.event}>
              {h.data.on}: {h.data.outcome ?? h.data.event}
              {h.data.reason ? `: ${h.data.reason}` : ""}
            </li>
          ))}
      </ol>
    </>
  );
}
