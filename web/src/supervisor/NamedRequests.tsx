// The requests that name a supervisor (the remote supervisor of a
// remote-supervision request; the signatory of an extension letter): each
// read-only with its status and history, and the supervisor's one statement,
// which firestore.rules let them add once, signed by themself and dated today,
// while the request is open. The server then records it in the history and
// tells the candidate (docs/requests.md).
import { useState, type FormEvent } from "react";
import { collection, doc, query, updateDoc, where } from "firebase/firestore";
import { describeError } from "../errors";
import { ErrorText, Feedback, type Message } from "../feedback";
import { sdk } from "../firebase";
import { useLiveQuery, type LiveDoc } from "../live";
import { today } from "../today";
import {
  kindTitle,
  OPEN_STATUSES,
  RequestHistory,
  STATUS_TEXT,
  Summary,
  type RequestDoc,
} from "../requests/RequestView";

const STATEMENT_MAX = 5000;
export const STATEMENT_DENIED =
  "a supervisor a request names may add one statement, signed by themself and dated today, while the request is open and has no statement yet.";

export function NamedRequests() {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const named = useLiveQuery<RequestDoc>(
    query(collection(db, "requests"), where("supervisorUids", "array-contains", uid)),
    `named/${uid}`,
    { doing: "list the requests that name you", denied: "only a supervisor a request names can read it." },
  );
  // Open ones first (they may still take a statement), then the newest.
  const rows = [...(named.value ?? [])].sort(
    (a, b) =>
      Number(OPEN_STATUSES.includes(b.data.status)) - Number(OPEN_STATUSES.includes(a.data.status)) ||
      b.data.submittedOn.localeCompare(a.data.submittedOn),
  );
  return (
    <section aria-labelledby="named-requests-heading">
      <h2 id="named-requests-heading">Requests naming you</h2>
      <p>
        A candidate names you as their remote supervisor, or as the supervisor who signed the letter of an extension
        request. Read what they ask and, while the committee has not decided, add your statement: once, signed and dated
        today. The candidate and the committee read it.
      </p>
      <ErrorText text={named.error} />
      {named.value?.length === 0 && <p>No request names you.</p>}
      {rows.map((r) => (
        <NamedRequest key={r.id} request={r} uid={uid} />
      ))}
    </section>
  );
}

function NamedRequest({ request, uid }: { request: LiveDoc<RequestDoc>; uid: string }) {
  const { id, data } = request;
  const open = OPEN_STATUSES.includes(data.status);
  const headingId = `named-${id}`;
  return (
    <section aria-labelledby={headingId} className="request" data-request-status={data.status}>
      <h3 id={headingId}>
        {kindTitle(data.kind)} {id}
      </h3>
      <p>
        From candidate account {data.candidateUid}, sent on {data.submittedOn}. Status:{" "}
        {data.decision ? `${data.decision.outcome} on ${data.decision.decidedOn}` : STATUS_TEXT[data.status]}
      </p>
      <Summary content={data.content} />
      {data.decision && <p>Reason given: {data.decision.reason}</p>}
      {data.supervisorStatement ? (
        <p data-statement>
          {data.supervisorStatement.by === uid ? "Your statement" : "The supervisor's statement"} (
          {data.supervisorStatement.signedOn}): {data.supervisorStatement.text}
        </p>
      ) : open ? (
        <StatementForm requestId={id} uid={uid} />
      ) : (
        <p>No statement was added; the request is closed.</p>
      )}
      <RequestHistory requestId={id} />
    </section>
  );
}

function StatementForm({ requestId, uid }: { requestId: string; uid: string }) {
  const { db } = sdk();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    const statement = text.trim();
    if (!statement) {
      setMessage({ text: "Write your statement first.", error: true });
      return;
    }
    if (!window.confirm(`Add your statement to ${requestId}? It cannot be changed afterwards.`)) return;
    setBusy(true);
    setMessage(null);
    try {
      await updateDoc(doc(db, "requests", requestId), {
        supervisorStatement: { by: uid, text: statement, signedOn: today() },
      });
      // The form goes with the statement's arrival; what was typed stays if it is refused.
    } catch (err) {
      setMessage({
        text: describeError(err, { doing: "add your statement", denied: STATEMENT_DENIED }),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={add} aria-label={`Your statement on ${requestId}`} className="statement-form">
      <label>
        Your statement (at most {STATEMENT_MAX} characters)
        <textarea value={text} onChange={(e) => setText(e.target.value)} maxLength={STATEMENT_MAX} />
      </label>
      <button type="submit" disabled={busy}>
        Sign and add your statement to {requestId}
      </button>
      <Feedback message={message} />
    </form>
  );
}
