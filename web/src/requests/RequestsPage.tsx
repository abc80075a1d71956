// Requests and appeals (docs/requests.md): the candidate's requests with
// their status and history, a form for each of the five kinds (submitRequest),
// withdrawing, and resending after the committee asked for changes
// (resubmitRequest); the committee and the chair see the open requests and
// decide them (decideRequest) or ask for changes (requestChanges).
import { useState, type FormEvent } from "react";
import { collection, query, where } from "firebase/firestore";
import {
  EXTENSION_GROUNDS,
  KIND_TITLES,
  requestContent,
  type RequestKind,
} from "../../../functions/src/requests/domain/kinds";
import { callFunction } from "../callables";
import { describeError } from "../errors";
import { ErrorText, Feedback, useAction, type Message } from "../feedback";
import { sdk } from "../firebase";
import { useLiveQuery, type LiveDoc } from "../live";
import { usePolicy } from "../policy";
import { useLocation } from "../router";
import { Attachments } from "../evidence/Attachments";
import { Select, useChoices } from "./choices";
import { contentOf, describeFieldIssue, isMoreKind, valuesOf, type Values } from "./forms";
import { MoreKindFields } from "./KindFields";
import { checkPolicyOverride, describeChange, OVERRIDE_EXAMPLE } from "./policy-override";
import {
  GROUND_TEXT,
  kindTitle,
  OPEN_STATUSES,
  RequestHistory,
  STATUS_TEXT,
  Summary,
  type RequestDoc,
} from "./RequestView";

/** The buttons that open a new request's form. */
const NEW_REQUESTS: [RequestKind, string][] = [
  ["extension", "Ask for an extension"],
  ["exam-appeal", "Appeal an exam result"],
  ["remote-supervision", "Ask for remote supervision"],
  ["special-circumstances", "Report special circumstances"],
  ["logbook-appeal", "Appeal a logbook decision"],
];

export function RequestsPage({ deciding }: { deciding: boolean }) {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const mine = useLiveQuery<RequestDoc>(query(collection(db, "requests"), where("candidateUid", "==", uid)), uid, {
    doing: "list your requests",
    denied: "you may read only your own requests.",
  });
  // `?new=<kind>` opens that form (the result tab of a failed logbook links to the appeal).
  const asked = useLocation().query.get("new");
  const [newKind, setNewKind] = useState<RequestKind | null>(
    NEW_REQUESTS.find(([kind]) => kind === asked)?.[0] ?? null,
  );
  return (
    <>
      <h1>Requests and appeals</h1>
      {deciding && <OpenRequests />}
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">Your requests</h2>
        <ErrorText text={mine.error} />
        {mine.value?.length === 0 && <p>You have sent no request.</p>}
        {[...(mine.value ?? [])]
          .sort((a, b) => b.data.submittedOn.localeCompare(a.data.submittedOn))
          .map((r) => (
            <RequestCard key={r.id} request={r} asCandidate />
          ))}
      </section>
      <section aria-labelledby="new-heading">
        <h2 id="new-heading">New request</h2>
        {newKind ? (
          <RequestForm kind={newKind} onDone={() => setNewKind(null)} />
        ) : (
          <p className="request-actions">
            {NEW_REQUESTS.map(([kind, text]) => (
              <button key={kind} type="button" onClick={() => setNewKind(kind)}>
                {text}
              </button>
            ))}
          </p>
        )}
      </section>
    </>
  );
}

/** The form of a request of any kind; with `existing`, it resends that request after changes. */
function RequestForm({
  kind,
  existing,
  onDone,
}: {
  kind: RequestKind;
  existing?: LiveDoc<RequestDoc>;
  onDone: () => void;
}) {
  const { choices, error } = useChoices();
  const before = existing?.data.content;
  const ext = before?.kind === "extension" ? before : null;
  const appeal = before?.kind === "exam-appeal" ? before : null;
  const [deadline, setDeadline] = useState<"logbook" | "recertification">(ext?.target.deadline ?? "logbook");
  const [targetId, setTargetId] = useState(
    ext ? (ext.target.deadline === "logbook" ? ext.target.examResultId : ext.target.certificationId) : "",
  );
  const [grounds, setGrounds] = useState<string>(ext?.grounds ?? "");
  const [months, setMonths] = useState(ext ? String(ext.requestedMonths) : "");
  const [explanation, setExplanation] = useState(ext?.explanation ?? "");
  const [letter, setLetter] = useState(ext?.letterEvidenceId ?? "");
  const [signatory, setSignatory] = useState(ext?.letterSupervisorUid ?? "");
  const [resultId, setResultId] = useState(appeal?.examResultId ?? "");
  const [appealGrounds, setAppealGrounds] = useState(appeal?.grounds ?? "");
  const [values, setValues] = useState<Values>(() => valuesOf(before));
  const [attached, setAttached] = useState<string[]>(before?.evidenceIds ?? []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  function content(): unknown {
    if (isMoreKind(kind)) return contentOf(kind, values, attached);
    if (kind === "exam-appeal") return { kind, examResultId: resultId, grounds: appealGrounds, evidenceIds: attached };
    return {
      kind,
      target: deadline === "logbook" ? { deadline, examResultId: targetId } : { deadline, certificationId: targetId },
      grounds,
      requestedMonths: Number(months),
      explanation,
      letterEvidenceId: letter,
      letterSupervisorUid: signatory,
      evidenceIds: attached,
    };
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    // The server's own schema first: a form it would refuse is not sent (and nothing typed is lost).
    const parsed = requestContent.safeParse(content());
    if (!parsed.success) {
      setMessage({
        text: `Complete the form: ${parsed.error.issues.map(describeFieldIssue).join("; ")}.`,
        error: true,
      });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      if (existing) await callFunction("resubmitRequest", { requestId: existing.id, content: parsed.data });
      else await callFunction("submitRequest", parsed.data);
      onDone();
    } catch (err) {
      setMessage({
        text: describeError(err, { doing: existing ? "send the request again" : `send the ${KIND_TITLES[kind]}` }),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  }

  const title = existing ? `Change and resend ${existing.id}` : kindTitle(kind);
  return (
    <form onSubmit={send} aria-label={title} className="request-form">
      <h3>{title}</h3>
      <ErrorText text={error} />
      {isMoreKind(kind) ? (
        <MoreKindFields
          kind={kind}
          values={values}
          set={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
          choices={choices}
        />
      ) : kind === "extension" ? (
        <>
          <label>
            Deadline to extend
            <select value={deadline} onChange={(e) => setDeadline(e.target.value as typeof deadline)}>
              <option value="logbook">logbook submission (two years from the exam result)</option>
              <option value="recertification">recertification</option>
            </select>
          </label>
          {deadline === "logbook" ? (
            <Select label="Exam result" value={targetId} onChange={setTargetId} options={choices?.results ?? []} />
          ) : (
            <Select
              label="Certification"
              value={targetId}
              onChange={setTargetId}
              options={choices?.certifications ?? []}
            />
          )}
          <Select
            label="Grounds"
            value={grounds}
            onChange={setGrounds}
            options={EXTENSION_GROUNDS.map((g) => ({ id: g, label: GROUND_TEXT[g] }))}
          />
          <label>
            Months asked for
            <input type="number" min={1} step={1} value={months} onChange={(e) => setMonths(e.target.value)} />
          </label>
          <label>
            Explanation
            <textarea value={explanation} onChange={(e) => setExplanation(e.target.value)} maxLength={5000} />
          </label>
          <Select
            label="Your supervisor's signed letter (an accepted evidence file)"
            value={letter}
            onChange={setLetter}
            options={choices?.evidence ?? []}
          />
          <Select
            label="The supervisor who signed it"
            value={signatory}
            onChange={setSignatory}
            options={choices?.supervisors ?? []}
          />
        </>
      ) : (
        <>
          <Select label="Exam result" value={resultId} onChange={setResultId} options={choices?.results ?? []} />
          <label>
            Grounds of the appeal
            <textarea value={appealGrounds} onChange={(e) => setAppealGrounds(e.target.value)} maxLength={10000} />
          </label>
        </>
      )}
      <Attachments options={choices?.evidence ?? []} chosen={attached} onChange={setAttached} />
      <p>
        <button type="submit" disabled={busy}>
          {existing ? "Send the request again" : `Send the ${KIND_TITLES[kind]}`}
        </button>{" "}
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </p>
      <Feedback message={message} />
    </form>
  );
}

function RequestCard({ request, asCandidate }: { request: LiveDoc<RequestDoc>; asCandidate: boolean }) {
  const { id, data } = request;
  const [resending, setResending] = useState(false);
  const { message, run } = useAction();
  const open = OPEN_STATUSES.includes(data.status);

  function withdraw() {
    if (!window.confirm(`Withdraw request ${id}? It cannot be sent again.`)) return;
    void run(() => callFunction("withdrawRequest", { requestId: id }), "Request withdrawn.", "withdraw this request");
  }

  const headingId = `request-${id}`;
  return (
    <section aria-labelledby={headingId} className="request" data-request-status={data.status}>
      <h3 id={headingId}>
        {kindTitle(data.kind)} {id}
      </h3>
      <p data-status-text>
        Status: {data.decision ? `${data.decision.outcome} on ${data.decision.decidedOn}` : STATUS_TEXT[data.status]}
        {data.decisionDueOn ? ` (decision due by ${data.decisionDueOn})` : ""}
      </p>
      <Summary content={data.content} />
      {data.status === "changes-requested" && data.changesRequested && (
        <p className="changes">
          The committee asks for changes ({data.changesRequested.on}): {data.changesRequested.reason}
        </p>
      )}
      {data.decision && (
        <p>
          Reason given: {data.decision.reason}
          {data.decision.grantedMonths ? ` (${data.decision.grantedMonths} month(s) granted)` : ""}
        </p>
      )}
      {data.decision?.policyOverride && (
        <p data-policy-override>
          Policy override for this application: <code>{JSON.stringify(data.decision.policyOverride)}</code>
        </p>
      )}
      {data.supervisorStatement && (
        <p>
          Supervisor's statement ({data.supervisorStatement.signedOn}): {data.supervisorStatement.text}
        </p>
      )}
      <RequestHistory requestId={id} />
      {asCandidate && open && (
        <p>
          <button type="button" onClick={withdraw}>
            Withdraw request {id}
          </button>{" "}
          {data.status === "changes-requested" && !resending && (
            <button type="button" onClick={() => setResending(true)}>
              Change and resend {id}
            </button>
          )}
        </p>
      )}
      {resending && <RequestForm kind={data.kind} existing={request} onDone={() => setResending(false)} />}
      {!asCandidate && open && data.status !== "changes-requested" && <DecisionForm request={request} />}
      <Feedback message={message} />
    </section>
  );
}

/** The committee's and the chair's list of requests waiting for them. */
function OpenRequests() {
  const { db } = sdk();
  const open = useLiveQuery<RequestDoc>(
    query(collection(db, "requests"), where("status", "in", OPEN_STATUSES)),
    "open",
    { doing: "list the open requests", denied: "only the committee and the chair read every request." },
  );
  const rows = [...(open.value ?? [])].sort((a, b) =>
    (a.data.decisionDueOn ?? "9999").localeCompare(b.data.decisionDueOn ?? "9999"),
  );
  return (
    <section aria-labelledby="open-heading">
      <h2 id="open-heading">Open requests (to decide)</h2>
      <ErrorText text={open.error} />
      {open.value?.length === 0 && <p>No request is waiting.</p>}
      {rows.map((r) => (
        <RequestCard key={r.id} request={r} asCandidate={false} />
      ))}
    </section>
  );
}

function DecisionForm({ request: { id, data } }: { request: LiveDoc<RequestDoc> }) {
  const [outcome, setOutcome] = useState<"" | "granted" | "refused">("");
  const [reason, setReason] = useState("");
  const [months, setMonths] = useState("");
  const [score, setScore] = useState("");
  const [passMark, setPassMark] = useState("");
  const [changes, setChanges] = useState("");
  const [override, setOverride] = useState("");
  const policy = usePolicy();
  const { busy, message, setMessage, run } = useAction();
  const overriding = data.kind === "special-circumstances" && outcome === "granted";
  const overrideApp = data.content.kind === "special-circumstances" ? data.content.applicationId : "?";

  function decide(e: FormEvent) {
    e.preventDefault();
    if (!outcome || !reason.trim()) {
      setMessage({ text: "Choose the outcome and give the reason.", error: true });
      return;
    }
    const decision: Record<string, unknown> = { outcome, reason };
    if (outcome === "granted" && data.kind === "extension" && months) decision.grantedMonths = Number(months);
    if (outcome === "granted" && data.kind === "exam-appeal") {
      if (!score || !passMark) {
        setMessage({ text: "A re-marked result needs the new score and pass mark.", error: true });
        return;
      }
      decision.remark = { score: Number(score), passMark: Number(passMark) };
    }
    // The override is checked as the server checks it (merged over the policy in force) before the call.
    let changed = "";
    if (overriding) {
      const checked = checkPolicyOverride(override, policy);
      if (!checked.ok) {
        setMessage({ text: checked.problem, error: true });
        return;
      }
      if (checked.override) {
        decision.policyOverride = checked.override;
        changed = ` The policy of application ${overrideApp} changes: ${checked.changes.map(describeChange).join("; ")}.`;
      }
    }
    if (!window.confirm(`Record this decision on ${id}?${changed} A decision is final.`)) return;
    void run(
      () => callFunction("decideRequest", { requestId: id, decision }),
      "Decision recorded.",
      `decide request ${id}`,
    );
  }

  function askChanges(e: FormEvent) {
    e.preventDefault();
    if (!changes.trim()) {
      setMessage({ text: "Say what must change.", error: true });
      return;
    }
    void run(
      () => callFunction("requestChanges", { requestId: id, reason: changes }),
      "The candidate is asked for changes.",
      `ask for changes to ${id}`,
    );
  }

  return (
    <div className="decision">
      <form onSubmit={decide} aria-label={`Decide ${id}`}>
        <label>
          Outcome
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
            <option value="">(choose)</option>
            <option value="granted">{data.kind === "exam-appeal" ? "re-mark (grant)" : "grant"}</option>
            <option value="refused">{data.kind === "exam-appeal" ? "confirm the result (refuse)" : "refuse"}</option>
          </select>
        </label>
        {data.kind === "extension" && outcome === "granted" && (
          <label>
            Months granted (at most {data.content.kind === "extension" ? data.content.requestedMonths : "?"})
            <input type="number" min={1} value={months} onChange={(e) => setMonths(e.target.value)} />
          </label>
        )}
        {data.kind === "exam-appeal" && outcome === "granted" && (
          <>
            <label>
              New score
              <input type="number" min={0} value={score} onChange={(e) => setScore(e.target.value)} />
            </label>
            <label>
              Pass mark
              <input type="number" min={0} value={passMark} onChange={(e) => setPassMark(e.target.value)} />
            </label>
          </>
        )}
        {overriding && (
          <div className="policy-override">
            {/* Labelled by `for`, not by wrapping: a wrapped textbox's name would include what is typed. */}
            <label htmlFor={`override-${id}`}>Policy override for application {overrideApp} (optional, JSON)</label>
            <textarea
              id={`override-${id}`}
              value={override}
              onChange={(e) => setOverride(e.target.value)}
              aria-describedby={`override-hint-${id}`}
              spellCheck={false}
              rows={4}
            />
            <small id={`override-hint-${id}`} className="hint">
              Only the settings to change, as in the policy, for example <code>{OVERRIDE_EXAMPLE}</code>. They are
              merged over the policy in force for this one application, and its report names this decision. Leave it
              empty to grant without changing the policy.
            </small>
          </div>
        )}
        <label>
          Reason for the decision
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={5000} />
        </label>
        <button type="submit" disabled={busy}>
          Record the decision on {id}
        </button>
      </form>
      <form onSubmit={askChanges} aria-label={`Ask for changes to ${id}`}>
        <label>
          What must change
          <textarea value={changes} onChange={(e) => setChanges(e.target.value)} maxLength={5000} />
        </label>
        <button type="submit" disabled={busy}>
          Ask for changes to {id}
        </button>
      </form>
      <Feedback message={message} />
    </div>
  );
}
