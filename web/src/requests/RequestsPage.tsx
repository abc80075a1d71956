// Requests and appeals (docs/requests.md): the candidate's requests with
// their status and history, a form for an extension or an exam appeal
// (submitRequest), withdrawing, and resending after the committee asked for
// changes (resubmitRequest); the committee and the chair see the open
// requests and decide them (decideRequest) or ask for changes (requestChanges).
import { useEffect, useId, useState, type FormEvent } from "react";
import { collection, getDocs, query, where } from "firebase/firestore";
import {
  EXTENSION_GROUNDS,
  KIND_TITLES,
  requestContent,
  type RequestContent,
  type RequestKind,
} from "../../../functions/src/requests/domain/kinds";
import { describeIssue } from "../domain";
import { callFunction } from "../callables";
import { describeError } from "../errors";
import { ErrorText, Feedback, useAction, type Message } from "../feedback";
import { sdk } from "../firebase";
import { useLiveQuery, type LiveDoc } from "../live";

export interface RequestDoc {
  kind: RequestKind;
  candidateUid: string;
  status: "submitted" | "changes-requested" | "resubmitted" | "granted" | "refused" | "withdrawn";
  content: RequestContent;
  submittedOn: string;
  decisionDueOn: string | null;
  changesRequested?: { reason: string; on: string } | null;
  decision?: { outcome: string; reason: string; decidedOn: string; grantedMonths?: number } | null;
  supervisorStatement?: { text: string; signedOn: string } | null;
}

interface HistoryEvent {
  event: string;
  status: string;
  reason: string | null;
  on: string;
  outcome?: string;
}

const OPEN_STATUSES = ["submitted", "changes-requested", "resubmitted"];
const STATUS_TEXT: Record<RequestDoc["status"], string> = {
  submitted: "sent: waiting for the committee's decision",
  "changes-requested": "changes requested: change it and send it again",
  resubmitted: "sent again: waiting for the committee's decision",
  granted: "decided",
  refused: "decided",
  withdrawn: "withdrawn",
};
const GROUND_TEXT: Record<(typeof EXTENSION_GROUNDS)[number], string> = {
  "parental-leave": "parental leave",
  "less-than-full-time": "less than full-time training",
  illness: "illness",
};

const kindTitle = (kind: RequestKind) => KIND_TITLES[kind][0].toUpperCase() + KIND_TITLES[kind].slice(1);

export function RequestsPage({ deciding }: { deciding: boolean }) {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const mine = useLiveQuery<RequestDoc>(query(collection(db, "requests"), where("candidateUid", "==", uid)), uid, {
    doing: "list your requests",
    denied: "you may read only your own requests.",
  });
  const [newKind, setNewKind] = useState<"extension" | "exam-appeal" | null>(null);
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
          <p>
            <button type="button" onClick={() => setNewKind("extension")}>
              Ask for an extension
            </button>{" "}
            <button type="button" onClick={() => setNewKind("exam-appeal")}>
              Appeal an exam result
            </button>
          </p>
        )}
      </section>
    </>
  );
}

/** The choices the form offers: the candidate's own exam results, certifications, accepted evidence, the supervisors. */
interface Choices {
  results: { id: string; label: string }[];
  certifications: { id: string; label: string }[];
  evidence: { id: string; label: string }[];
  supervisors: { id: string; label: string }[];
}

function useChoices(): { choices: Choices | null; error: string | null } {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const [choices, setChoices] = useState<Choices | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([
      getDocs(query(collection(db, "examResults"), where("uid", "==", uid))),
      getDocs(query(collection(db, "certifications"), where("uid", "==", uid))),
      getDocs(collection(db, "users", uid, "evidence")),
      getDocs(collection(db, "supervisors")),
    ])
      .then(([results, certs, evidence, supervisors]) =>
        setChoices({
          results: results.docs.map((d) => ({
            id: d.id,
            label: `sitting of ${d.get("sittingDate")}: ${d.get("passed") ? "passed" : "not passed"}, released ${d.get("resultDate")}`,
          })),
          certifications: certs.docs.map((d) => ({
            id: d.id,
            label: `Level ${d.get("level")} ${d.get("certificateNumber") ?? d.id}, valid until ${d.get("expiresOn")}`,
          })),
          evidence: evidence.docs
            .filter((d) => d.get("status") === "accepted")
            .map((d) => ({ id: d.id, label: `${d.get("fileName") ?? d.id}` })),
          supervisors: supervisors.docs.map((d) => ({ id: d.id, label: `${d.get("name") ?? d.id}` })),
        }),
      )
      .catch((err) => setError(describeError(err, { doing: "load your results, certifications and evidence" })));
  }, [uid]);
  return { choices, error };
}

function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { id: string; label: string }[];
}) {
  // Labelled by its text only (a wrapping label would add the options' text to the name).
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">(choose)</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

/** The form of an extension or an exam appeal; with `existing`, it resends that request after changes. */
function RequestForm({
  kind,
  existing,
  onDone,
}: {
  kind: "extension" | "exam-appeal";
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
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  function content(): unknown {
    if (kind === "exam-appeal") return { kind, examResultId: resultId, grounds: appealGrounds, evidenceIds: [] };
    return {
      kind,
      target: deadline === "logbook" ? { deadline, examResultId: targetId } : { deadline, certificationId: targetId },
      grounds,
      requestedMonths: Number(months),
      explanation,
      letterEvidenceId: letter,
      letterSupervisorUid: signatory,
      evidenceIds: [],
    };
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    // The server's own schema first: a form it would refuse is not sent (and nothing typed is lost).
    const parsed = requestContent.safeParse(content());
    if (!parsed.success) {
      setMessage({ text: `Complete the form: ${parsed.error.issues.map(describeIssue).join("; ")}.`, error: true });
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
      {kind === "extension" ? (
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

/** What the request asks for, in words. */
function Summary({ content }: { content: RequestContent }) {
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
        <p>
          Remote supervision from {content.from} to {content.to}: {content.reason}
        </p>
      );
  }
}

function RequestCard({ request, asCandidate }: { request: LiveDoc<RequestDoc>; asCandidate: boolean }) {
  const { db } = sdk();
  const { id, data } = request;
  const history = useLiveQuery<HistoryEvent>(collection(db, "requests", id, "history"), id, {
    doing: "read the request's history",
  });
  const [resending, setResending] = useState(false);
  const { message, run } = useAction();
  const open = OPEN_STATUSES.includes(data.status);

  function withdraw() {
    if (!window.confirm(`Withdraw request ${id}? It cannot be sent again.`)) return;
    void run(() => callFunction("withdrawRequest", { requestId: id }), "Request withdrawn.", "withdraw this request");
  }

  const headingId = `request-${id}`;
  const resendable = data.kind === "extension" || data.kind === "exam-appeal";
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
      {data.supervisorStatement && (
        <p>
          Supervisor's statement ({data.supervisorStatement.signedOn}): {data.supervisorStatement.text}
        </p>
      )}
      <ol aria-label={`History of ${id}`}>
        {[...(history.value ?? [])]
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((h) => (
            <li key={h.id} data-event={h.data.event}>
              {h.data.on}: {h.data.outcome ?? h.data.event}
              {h.data.reason ? `: ${h.data.reason}` : ""}
            </li>
          ))}
      </ol>
      {asCandidate && open && (
        <p>
          <button type="button" onClick={withdraw}>
            Withdraw request {id}
          </button>{" "}
          {data.status === "changes-requested" && resendable && !resending && (
            <button type="button" onClick={() => setResending(true)}>
              Change and resend {id}
            </button>
          )}
        </p>
      )}
      {resending && resendable && (
        <RequestForm
          kind={data.kind as "extension" | "exam-appeal"}
          existing={request}
          onDone={() => setResending(false)}
        />
      )}
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
  const { busy, message, setMessage, run } = useAction();

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
    if (!window.confirm(`Record this decision on ${id}? A decision is final.`)) return;
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
