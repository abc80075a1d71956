// The certification team's and the committee's side of recertification
// (docs/recertification.md): the queue, one application (the snapshot frozen
// at submission, the live report, questions, reviews, history), and the
// actions the callables allow each role: committee and chair ask questions
// and decide (a chair settles a split); admins record bank transfers and
// withdraw abandoned applications.
import { useRef, useState, type FormEvent } from "react";
import { collection, doc, orderBy, query, where } from "firebase/firestore";
import { callFunction } from "../callables";
import { ConfirmDialog, ErrorText, Feedback, useAction } from "../feedback";
import { sdk } from "../firebase";
import { useLiveDoc, useLiveQuery, type LiveDoc } from "../live";
import { Link } from "../router";
import { today } from "../today";
import type { BoardRole } from "../boards/roles";
import { Decision, formatFee, RecertReport, type Recertification, type Report } from "./RecertificationPage";
import { QuestionItems, WithdrawButton, type QuestionData } from "./HolderPanels";
import type { Checklist } from "./domain";
import { ColumnHeads } from "../table";

const QUEUE_STATUSES = ["submitted", "awaiting-payment", "open"] as const;
const STATUS_TEXT: Record<string, string> = {
  "awaiting-payment": "awaiting payment",
  open: "paid; the holder prepares the documents",
  submitted: "submitted: to review",
  renewed: "renewed",
  refused: "refused",
  withdrawn: "withdrawn",
  lapsed: "lapsed: the window closed before submission",
};

/** Only these roles see the screens; anyone else is told which roles do. */
function NotForYou({ role, what }: { role: BoardRole | null; what: string }) {
  if (role) return null;
  return (
    <p role="alert" className="error">
      {what} is for the certification team (admin) and the certification committee (committee, chair) only: your account
      has none of these roles.
    </p>
  );
}

export function RecertificationQueuePage({ role }: { role: BoardRole | null }) {
  const { db } = sdk();
  const apps = useLiveQuery<Recertification>(
    role ? query(collection(db, "recertifications"), where("status", "in", [...QUEUE_STATUSES])) : null,
    role ?? "",
    {
      doing: "list the recertification applications",
      denied: "only the certification committee and the certification team read recertification applications.",
    },
  );
  const by = (status: string) =>
    (apps.value ?? [])
      .filter((a) => a.data.status === status)
      .sort((a, b) => (a.data.submittedOn ?? a.data.openedOn).localeCompare(b.data.submittedOn ?? b.data.openedOn));
  const table = (label: string, rows: LiveDoc<Recertification>[], date: (r: Recertification) => string) =>
    rows.length === 0 ? (
      <p>None.</p>
    ) : (
      <table className="grid" aria-label={label}>
        <ColumnHeads columns={["Application", "Level", "Date", "Fee", "Status"]} />
        <tbody>
          {rows.map(({ id, data }) => (
            <tr key={id}>
              <td>
                <Link to={`/recertification/review/${id}`}>{id}</Link>
              </td>
              <td>{(data as Recertification & { level?: number }).level ?? ""}</td>
              <td>{date(data)}</td>
              <td>{formatFee(data.fee)}</td>
              <td>
                {STATUS_TEXT[data.status]}
                {data.awaitingChair ? " (the reviewers disagree: awaiting the chair)" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <>
      <h1>Recertification review</h1>
      <NotForYou role={role} what="Recertification review" />
      <ErrorText text={apps.error} />
      {role && (
        <>
          <section aria-labelledby="submitted-heading">
            <h2 id="submitted-heading">Submitted, to review</h2>
            {table("Submitted recertifications", by("submitted"), (d) => `submitted ${d.submittedOn ?? ""}`)}
          </section>
          <section aria-labelledby="payment-heading">
            <h2 id="payment-heading">Awaiting payment</h2>
            <p>A bank transfer is recorded by the certification team (admin) on the application&apos;s page.</p>
            {table("Recertifications awaiting payment", by("awaiting-payment"), (d) => `opened ${d.openedOn}`)}
          </section>
          <section aria-labelledby="open-heading">
            <h2 id="open-heading">Paid, being prepared by the holder</h2>
            {table("Recertifications being prepared", by("open"), (d) => `paid ${d.paid?.paidOn ?? ""}`)}
          </section>
        </>
      )}
    </>
  );
}

interface Snapshot {
  submission: number;
  submittedOn: string;
  input: {
    checklist: Checklist | null;
    letter: { evidenceId: string; problem: string | null } | null;
    cme: { id: string; title: string; kind: string; startDate: string; endDate: string; credits: number }[];
    certificate: { certificateNumber: string | null; expiresOn: string };
  };
  report: Report;
}

interface Review {
  submission: number;
  by: string;
  chair: boolean;
  outcome: "renew" | "refuse";
  reasons: string[];
  on: string;
}

interface HistoryEvent {
  event: string;
  by?: string;
  on?: string;
  outcome?: string;
}

export function RecertificationReviewPage({ appId, role }: { appId: string; role: BoardRole | null }) {
  const { db, auth } = sdk();
  const read = { doing: "read this recertification application" };
  const app = useLiveDoc<Recertification>(role ? doc(db, "recertifications", appId) : null, appId, read);
  const data = app.value?.data;
  const submission = data?.submission ?? 0;
  const snapshot = useLiveDoc<Snapshot>(
    role && submission > 0 ? doc(db, "recertifications", appId, "snapshots", String(submission)) : null,
    `${appId}/${submission}`,
    read,
  );
  const report = useLiveDoc<Report>(
    role ? doc(db, "recertifications", appId, "validation", "current") : null,
    `${appId}/report`,
    read,
  );
  const questions = useLiveQuery<QuestionData>(
    role ? query(collection(db, "recertifications", appId, "questions"), orderBy("askedOn")) : null,
    `${appId}/questions`,
    read,
  );
  const reviews = useLiveQuery<Review>(
    role ? collection(db, "recertifications", appId, "reviews") : null,
    `${appId}/reviews`,
    read,
  );
  const history = useLiveQuery<HistoryEvent>(
    role ? collection(db, "recertifications", appId, "history") : null,
    `${appId}/history`,
    read,
  );
  const deciding = role === "committee" || role === "chair";
  const openQuestion = (questions.value ?? []).some((q) => q.data.answeredAt === null);
  const mine = (reviews.value ?? []).find(
    (r) => r.data.by === auth.currentUser?.uid && r.data.submission === submission,
  );
  const own = data?.uid === auth.currentUser?.uid;
  const snap = snapshot.value?.data;

  return (
    <>
      <h1>Recertification {appId}</h1>
      <p>
        <Link to="/recertification/review">Back to the queue</Link>
      </p>
      <NotForYou role={role} what="Recertification review" />
      <ErrorText text={app.error} />
      {app.value === null && !app.error && <p>No recertification application {appId}.</p>}
      {data && (
        <>
          <p data-recertification-status={data.status}>
            Status: {STATUS_TEXT[data.status]}
            {data.awaitingChair ? " (the reviewers disagree: awaiting the chair's decision)" : ""}. Opened on{" "}
            {data.openedOn}; window {data.window.opensOn} to {data.window.closesOn}. Fee {formatFee(data.fee)} (
            {data.fee.tier})
            {data.paid
              ? `, paid on ${data.paid.paidOn} by ${data.paid.method === "stripe" ? "card" : "bank transfer"}`
              : ", not paid"}
            .
          </p>
          {data.decision && <Decision decision={data.decision} renewed={data.renewedCertificationId ?? null} />}
          {own && <p role="note">This is your own recertification: you cannot review it (the server refuses it).</p>}
          {role === "admin" && data.status === "awaiting-payment" && <BankTransferForm appId={appId} app={data} />}
          {role === "admin" && (data.status === "awaiting-payment" || data.status === "open") && (
            <WithdrawButton id={appId} label={`Withdraw recertification ${appId} for the holder`} />
          )}

          {snap ? (
            <section aria-labelledby="snapshot-heading">
              <h2 id="snapshot-heading">
                As submitted (submission {snap.submission}, {snap.submittedOn})
              </h2>
              <SnapshotInput input={snap.input} />
              <h3>Report at submission</h3>
              <RecertReport report={snap.report} id={`${appId} at submission`} />
            </section>
          ) : (
            <section aria-labelledby="live-heading">
              <h2 id="live-heading">The live report</h2>
              <ErrorText text={report.error} />
              {report.value === null && <p>No report yet.</p>}
              {report.value && <RecertReport report={report.value.data} id={appId} />}
            </section>
          )}

          <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">Questions to the holder</h2>
            <ErrorText text={questions.error} />
            <QuestionItems questions={questions.value ?? []} />
            {deciding && data.status === "submitted" && !own && <AskForm appId={appId} />}
          </section>

          <section aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">Reviews</h2>
            <ErrorText text={reviews.error} />
            {(reviews.value ?? []).length === 0 ? (
              <p>No review yet.</p>
            ) : (
              <ul aria-label="Reviews">
                {(reviews.value ?? []).map(({ id, data: r }) => (
                  <li key={id}>
                    Submission {r.submission}: {r.chair ? "the chair" : "a reviewer"} ({r.by}) chose{" "}
                    {r.outcome === "renew" ? "renew" : "refuse"} on {r.on}
                    {r.reasons.length ? `: ${r.reasons.join("; ")}` : ""}
                  </li>
                ))}
              </ul>
            )}
            {deciding && data.status === "submitted" && !own && !mine && (
              <DecisionForm appId={appId} openQuestion={openQuestion} awaitingChair={data.awaitingChair === true} />
            )}
            {mine && data.status === "submitted" && <p>You have reviewed this submission.</p>}
          </section>

          <section aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <ErrorText text={history.error} />
            <ol aria-label="History">
              {[...(history.value ?? [])]
                .sort((a, b) => a.id.localeCompare(b.id))
                .map(({ id, data: h }) => (
                  <li key={id}>
                    {h.event}
                    {h.outcome ? ` (${h.outcome})` : ""}
                    {h.on ? ` on ${h.on}` : ""}
                    {h.by ? ` by ${h.by}` : ""}
                  </li>
                ))}
            </ol>
          </section>
        </>
      )}
    </>
  );
}

function SnapshotInput({ input }: { input: Snapshot["input"] }) {
  return (
    <>
      <p>
        Certificate renewed: {input.certificate.certificateNumber ?? "(no number)"}, expiring{" "}
        {input.certificate.expiresOn}.
      </p>
      <h3>Checklist</h3>
      {input.checklist ? (
        <table className="grid" aria-label="Submitted checklist">
          <ColumnHeads columns={["Year", "Studies", "Reported", "Institutions"]} />
          <tbody>
            {input.checklist.years.map((y) => (
              <tr key={y.year}>
                <td>{y.year}</td>
                <td>{y.studies}</td>
                <td>{y.reported}</td>
                <td>{y.institutions.join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No checklist.</p>
      )}
      <h3>Formal letter</h3>
      <p>
        {input.letter
          ? `Evidence ${input.letter.evidenceId}${input.letter.problem ? ` (${input.letter.problem})` : " (accepted)"}`
          : "None."}
      </p>
      <h3>CME of the cycle</h3>
      {input.cme.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul aria-label="Submitted CME">
          {input.cme.map((c) => (
            <li key={c.id}>
              {c.title} ({c.kind}), {c.startDate} to {c.endDate}: {c.credits} credits
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const REVIEW_DENIED =
  "only members of the certification committee (committee or chair) review, and never their own recertification.";

function AskForm({ appId }: { appId: string }) {
  const [text, setText] = useState("");
  const action = useAction();
  async function ask(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      action.setMessage({ text: "Write the question first.", error: true });
      return;
    }
    const ok = await action.run(
      () => callFunction("askRecertificationQuestion", { applicationId: appId, text: text.trim() }),
      "Question sent to the holder; the decision waits for the answer.",
      "ask this question",
      REVIEW_DENIED,
    );
    if (ok) setText("");
  }
  return (
    <form onSubmit={ask} aria-label="Ask the holder">
      <div className="field">
        <label htmlFor="recert-question">Question to the holder</label>
        <textarea id="recert-question" value={text} maxLength={5000} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="submit" disabled={action.busy}>
        Ask the holder
      </button>
      <Feedback message={action.message} />
    </form>
  );
}

function DecisionForm({
  appId,
  openQuestion,
  awaitingChair,
}: {
  appId: string;
  openQuestion: boolean;
  awaitingChair: boolean;
}) {
  const [outcome, setOutcome] = useState<"renew" | "refuse" | "">("");
  const [reasons, setReasons] = useState("");
  const dialog = useRef<HTMLDialogElement>(null);
  const action = useAction();
  const reasonList = reasons
    .split("\n")
    .map((r) => r.trim())
    .filter(Boolean);

  function confirm(e: FormEvent) {
    e.preventDefault();
    if (!outcome) {
      action.setMessage({ text: "Choose renew or refuse.", error: true });
      return;
    }
    if (outcome === "refuse" && reasonList.length === 0) {
      action.setMessage({ text: "A refusal gives its reasons (one per line): the holder is told why.", error: true });
      return;
    }
    action.setMessage(null);
    dialog.current?.showModal();
  }
  async function send() {
    await action.run(
      () => callFunction("decideRecertification", { applicationId: appId, outcome, reasons: reasonList }),
      outcome === "renew" ? "Your review is recorded: renew." : "Your review is recorded: refuse.",
      "record this review",
      REVIEW_DENIED,
    );
  }
  return (
    <form onSubmit={confirm} aria-label="Your review">
      <h3>Your review</h3>
      {awaitingChair && <p>The reviewers disagree: the chair&apos;s decision is final.</p>}
      {openQuestion && (
        <p>A question awaits the holder&apos;s answer: the server refuses a decision until it is answered.</p>
      )}
      <fieldset>
        <legend>Outcome</legend>
        <label className="checkbox">
          <input type="radio" name="outcome" checked={outcome === "renew"} onChange={() => setOutcome("renew")} /> Renew
          (a new certificate, valid from the current expiry)
        </label>
        <label className="checkbox">
          <input type="radio" name="outcome" checked={outcome === "refuse"} onChange={() => setOutcome("refuse")} />{" "}
          Refuse
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="recert-reasons">Reasons (one per line; required to refuse)</label>
        <textarea id="recert-reasons" value={reasons} onChange={(e) => setReasons(e.target.value)} />
      </div>
      <button type="submit" disabled={action.busy}>
        Record my review…
      </button>
      <ConfirmDialog
        dialogRef={dialog}
        id="decide"
        title={`${outcome === "renew" ? "Renew" : "Refuse"} recertification ${appId}?`}
        yes="Yes, record it"
        onYes={() => void send()}
      >
        <p>A review is final: it cannot be changed afterwards.</p>
      </ConfirmDialog>
      <Feedback message={action.message} />
    </form>
  );
}

function BankTransferForm({ appId, app }: { appId: string; app: Recertification }) {
  const [reference, setReference] = useState("");
  const [amount, setAmount] = useState((app.fee.amountMinor / 100).toFixed(2));
  const [receivedOn, setReceivedOn] = useState(today());
  const action = useAction();
  async function record(e: FormEvent) {
    e.preventDefault();
    const amountMinor = Math.round(Number(amount) * 100);
    if (!reference.trim() || !Number.isFinite(amountMinor) || amountMinor <= 0 || !receivedOn) {
      action.setMessage({ text: "Give the transfer's reference, the amount received and the day.", error: true });
      return;
    }
    await action.run(
      () =>
        callFunction("recordRecertificationBankTransfer", {
          applicationId: appId,
          reference: reference.trim(),
          amountMinor,
          currency: app.fee.currency,
          receivedOn,
        }),
      "Bank transfer recorded: the application is open for the holder's documents.",
      "record this bank transfer",
      "only the certification team (admin) records bank transfers.",
    );
  }
  return (
    <form onSubmit={record} aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Record a bank transfer</h2>
      <div className="fields">
        <div className="field">
          <label htmlFor="transfer-reference">Transfer reference</label>
          <input id="transfer-reference" value={reference} onChange={(e) => setReference(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="transfer-amount">Amount received ({app.fee.currency.toUpperCase()})</label>
          <input
            id="transfer-amount"
            type="number"
            step="0.01"
            min="0"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="transfer-day">Received on</label>
          <input id="transfer-day" type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
        </div>
      </div>
      <button type="submit" disabled={action.busy}>
        Record the bank transfer
      </button>
      <Feedback message={action.message} />
    </form>
  );
}
