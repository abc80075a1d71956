// The exam board's screens (docs/exam.md, sections 8, 9 and 13): the
// sessions (created by admins with createExamSession; no callable edits or
// deletes one), and for each session the registrations and their export
// (admins: the rules let only them read registrations), the results
// processing (import with a preview and line-numbered errors, absences,
// scoring runs, item decisions, pass mark, verification; the board =
// admin, committee, chair) and the two-admin release (prepare, approve by
// another admin, release date; admins only). Each action is a callable;
// its refusal is shown in words.
import { useEffect, useState, type FormEvent } from "react";
import { collection, doc, orderBy, query, where } from "firebase/firestore";
import { callFunction } from "../callables";
import { describeError } from "../errors";
import { ErrorText, Feedback, useAction } from "../feedback";
import { sdk } from "../firebase";
import { useLiveDoc, useLiveQuery } from "../live";
import { Link } from "../router";
import { today } from "../today";
import { usePolicy } from "../policy";
import { describeIssue, type Policy } from "../domain";
import type { BoardRole } from "../boards/roles";
import {
  importAngoffRatings,
  importAnswerKey,
  importFlaggedItems,
  importResponses,
  itemDecisionSchema,
  planSession,
  readCsv,
  registrationState,
  type AnswerKey,
  type ItemDecision,
  type LineError,
} from "./domain";
import { ColumnHeads } from "../table";

interface Session {
  sittingDate: string;
  title: string;
  timeZone: string;
  registrationOpens: string;
  registrationCloses: string;
  startWindow: { from: string; to: string; opensAt: string; closesAt: string };
  resultsReleased?: boolean;
  releaseDate?: string | null;
  releasedOn?: string | null;
}

interface Registration {
  uid: string;
  sessionId: string;
  status: "registered" | "cancelled";
  familyName: string;
  givenNames: string;
  registeredOn: string;
  cancelledOn: string | null;
}

const BOARD_ONLY = "only the exam board (admin, committee or chair) may do this.";

function NotForBoard({ role }: { role: BoardRole | null }) {
  if (role) return null;
  return (
    <p role="alert" className="error">
      The exam board&apos;s screens are for the certification team (admin) and the exam board (committee, chair) only:
      your account has none of these roles.
    </p>
  );
}

export function ExamBoardPage({ role }: { role: BoardRole | null }) {
  const { db } = sdk();
  const sessions = useLiveQuery<Session>(
    role ? query(collection(db, "examSessions"), orderBy("sittingDate", "desc")) : null,
    role ?? "",
    { doing: "list the exam sessions", denied: "past sessions are read by the exam board and admins only." },
  );
  const day = today();
  return (
    <>
      <h1>Exam board</h1>
      <NotForBoard role={role} />
      {role && (
        <>
          <section aria-labelledby="board-sessions-heading">
            <h2 id="board-sessions-heading">Sessions</h2>
            <ErrorText text={sessions.error} />
            {sessions.value?.length === 0 && <p>No session yet.</p>}
            {!!sessions.value?.length && (
              <table className="grid" aria-label="All exam sessions">
                <ColumnHeads columns={["Session", "Sitting", "Registration", "Results"]} />
                <tbody>
                  {sessions.value.map(({ id, data }) => (
                    <tr key={id}>
                      <td>
                        <Link to={`/exam/board/${id}`}>{data.title}</Link>
                      </td>
                      <td>{data.sittingDate}</td>
                      <td>
                        {data.registrationOpens} to {data.registrationCloses} (
                        {registrationState(data, day).replace(/-/g, " ")})
                      </td>
                      <td>
                        {data.resultsReleased
                          ? `released on ${data.releasedOn ?? ""}`
                          : data.releaseDate
                            ? `to be released on ${data.releaseDate}`
                            : "not released"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <CreateSessionForm admin={role === "admin"} />
        </>
      )}
    </>
  );
}

function CreateSessionForm({ admin }: { admin: boolean }) {
  const policy = usePolicy();
  const [sittingDate, setSittingDate] = useState("");
  const [title, setTitle] = useState("");
  const action = useAction();
  const plan = sittingDate ? planSession(sittingDate, policy.exam) : null;

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!plan?.ok) {
      action.setMessage({
        text: plan ? `Check the sitting date: ${plan.errors.join("; ")}.` : "Give the sitting date.",
        error: true,
      });
      return;
    }
    if (sittingDate <= today()) {
      action.setMessage({ text: "The sitting date must be after today (Paris time).", error: true });
      return;
    }
    const ok = await action.run(
      () => callFunction("createExamSession", { sittingDate, ...(title.trim() ? { title: title.trim() } : {}) }),
      `Session cmr-${sittingDate} created: it is public, and registration opens on ${plan.value.registrationOpens}.`,
      "create this session",
      "only the certification team (admin) creates exam sessions.",
    );
    if (ok) setTitle("");
  }

  return (
    <section aria-labelledby="create-session-heading">
      <h2 id="create-session-heading">Create a session</h2>
      {!admin && <p>Only the certification team (admin) creates sessions; the server refuses anyone else.</p>}
      <p>
        A session is created once per sitting date and cannot be edited or deleted afterwards (no callable does it): its
        registration window and start window follow from the date and the policy.
      </p>
      <form onSubmit={create} aria-label="Create a session">
        <div className="fields">
          <div className="field">
            <label htmlFor="session-date">Sitting date</label>
            <input id="session-date" type="date" value={sittingDate} onChange={(e) => setSittingDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="session-title">Title (optional)</label>
            <input id="session-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </div>
        </div>
        {plan?.ok && (
          <p data-plan>
            Registration from {plan.value.registrationOpens} to {plan.value.registrationCloses}; start between{" "}
            {plan.value.startWindow.from} and {plan.value.startWindow.to} ({plan.value.timeZone} time).
          </p>
        )}
        <button type="submit" disabled={action.busy}>
          Create the session
        </button>
        <Feedback message={action.message} />
      </form>
    </section>
  );
}

/** What getExamReport returns (docs/exam.md, section 9). */
interface ExamReport {
  session: Session;
  state: {
    absent: string[];
    decisions: ItemDecision[];
    passMarkSetting: { method: string; percent?: number } | null;
    runCount: number;
    preparedBy: string | null;
    preparedRun: number | null;
    approvedBy: string | null;
    approvedRun: number | null;
    releaseDate: string | null;
    released: boolean;
    imports: Partial<Record<ImportKind, { rows: number; importedBy: string }>>;
    verification: { passed: boolean; runNumber: number; checks: Check[] } | null;
  };
  runs: {
    number: number;
    reason: string;
    summary: { candidates: number; passed: number; failed: number };
    passMark: { method: string; passScore: number };
    retainedItems: number;
    changes: { itemsRemoved: string[]; itemsRestored: string[]; keyChanges: { item: string }[] } | null;
  }[];
  latestRun: {
    analysis: {
      test: { kr20: number | null; sem: number | null; mean: number; sd: number };
      items: {
        item: string;
        key: string;
        difficulty: number;
        discrimination: number | null;
        recommendation: string;
        reasons: string[];
      }[];
    };
  } | null;
}
interface Check {
  code: string;
  passed: boolean;
  detail: string;
}

const IMPORT_KINDS = ["answer-key", "responses", "flagged", "angoff"] as const;
type ImportKind = (typeof IMPORT_KINDS)[number];
const KIND_TEXT: Record<ImportKind, string> = {
  "answer-key": "Answer key (item, key)",
  responses: "Platform export (candidate, item, response)",
  flagged: "Flagged items (item, reason)",
  angoff: "Angoff ratings (judge, item, rating)",
};

export function ExamSessionBoardPage({ sessionId, role }: { sessionId: string; role: BoardRole | null }) {
  const { db } = sdk();
  const session = useLiveDoc<Session>(role ? doc(db, "examSessions", sessionId) : null, sessionId, {
    doing: "read this session",
  });
  const [report, setReport] = useState<ExamReport | null>(null);
  const [reportError, setReportError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  useEffect(() => {
    if (!role) return;
    callFunction<ExamReport>("getExamReport", { sessionId })
      .then((r) => {
        setReport(r);
        setReportError(null);
      })
      .catch((err) => setReportError(describeError(err, { doing: "read the results processing", denied: BOARD_ONLY })));
  }, [role, sessionId, version]);
  const s = session.value?.data;
  return (
    <>
      <h1>Exam session {s?.title ?? sessionId}</h1>
      <p>
        <Link to="/exam/board">Back to the sessions</Link>
      </p>
      <NotForBoard role={role} />
      <ErrorText text={session.error} />
      {session.value === null && !session.error && <p>No session {sessionId}.</p>}
      {role && s && (
        <>
          <p>
            Sitting on {s.sittingDate}; registration from {s.registrationOpens} to {s.registrationCloses}; start between{" "}
            {s.startWindow.from} and {s.startWindow.to} ({s.timeZone} time).
          </p>
          <Registrations sessionId={sessionId} admin={role === "admin"} />
          <section aria-labelledby="processing-heading">
            <h2 id="processing-heading">Results processing</h2>
            <ErrorText text={reportError} />
            {report && <ProcessingState report={report} />}
            <ImportForm sessionId={sessionId} onDone={refresh} />
            {report && (
              <>
                <AbsencesForm sessionId={sessionId} current={report.state.absent} onDone={refresh} />
                <ScoringForms sessionId={sessionId} report={report} onDone={refresh} />
                <ReleaseForms sessionId={sessionId} report={report} admin={role === "admin"} onDone={refresh} />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

function Registrations({ sessionId, admin }: { sessionId: string; admin: boolean }) {
  const { db } = sdk();
  const registrations = useLiveQuery<Registration>(
    admin ? query(collection(db, "examRegistrations"), where("sessionId", "==", sessionId)) : null,
    `${sessionId}/${admin}`,
    { doing: "list the registrations", denied: "only the certification team (admin) reads registrations." },
  );
  const action = useAction();
  const [download, setDownload] = useState<{ url: string; fileName: string; count: number } | null>(null);

  async function exportCsv() {
    let out: { csv: string; count: number; fileName: string } | null = null;
    const ok = await action.run(
      async () => {
        out = await callFunction<{ csv: string; count: number; fileName: string }>("exportExamRegistrations", {
          sessionId,
        });
      },
      "Export ready.",
      "export the registrations",
      "only the certification team (admin) exports registrations.",
    );
    if (ok && out) {
      const { csv, count, fileName } = out;
      if (download) URL.revokeObjectURL(download.url);
      setDownload({ url: URL.createObjectURL(new Blob([csv], { type: "text/csv" })), fileName, count });
      action.setMessage({ text: `Export ready: ${count} active registration(s).`, error: false });
    }
  }
  const rows = [...(registrations.value ?? [])].sort((a, b) =>
    `${a.data.familyName} ${a.data.givenNames}`.localeCompare(`${b.data.familyName} ${b.data.givenNames}`),
  );
  return (
    <section aria-labelledby="registrations-heading">
      <h2 id="registrations-heading">Registrations</h2>
      {!admin ? (
        <p>Only the certification team (admin) reads and exports registrations (firestore.rules).</p>
      ) : (
        <>
          <ErrorText text={registrations.error} />
          {registrations.value?.length === 0 && <p>No registration.</p>}
          {rows.length > 0 && (
            <table className="grid" aria-label="Registrations">
              <ColumnHeads columns={["Family name", "Given names", "Candidate id", "Status"]} />
              <tbody>
                {rows.map(({ id, data }) => (
                  <tr key={id}>
                    <td>{data.familyName}</td>
                    <td>{data.givenNames}</td>
                    <td>{data.uid}</td>
                    <td>
                      {data.status === "registered"
                        ? `registered on ${data.registeredOn}`
                        : `cancelled on ${data.cancelledOn ?? ""}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>
            <button type="button" disabled={action.busy} onClick={() => void exportCsv()}>
              Export the registrations (CSV for the proctoring platform)
            </button>{" "}
            {download && (
              <a href={download.url} download={download.fileName}>
                Download {download.fileName}
              </a>
            )}
          </p>
          <Feedback message={action.message} />
        </>
      )}
    </section>
  );
}

function ProcessingState({ report }: { report: ExamReport }) {
  const { state, runs, latestRun } = report;
  const latest = runs[runs.length - 1];
  const flagged = latestRun?.analysis.items.filter((i) => i.recommendation !== "keep") ?? [];
  return (
    <div data-processing>
      <ul aria-label="Imported files">
        {IMPORT_KINDS.map((k) => (
          <li key={k}>
            {KIND_TEXT[k]}:{" "}
            {state.imports[k] ? `${state.imports[k].rows} row(s) imported by ${state.imports[k].importedBy}` : "none"}
          </li>
        ))}
        <li>Absent: {state.absent.length ? state.absent.join(", ") : "none recorded"}</li>
      </ul>
      {runs.length === 0 ? (
        <p>No scoring run yet.</p>
      ) : (
        <table className="grid" aria-label="Scoring runs">
          <ColumnHeads columns={["Run", "Why", "Retained items", "Pass score", "Passed / candidates", "Changes"]} />
          <tbody>
            {runs.map((r) => (
              <tr key={r.number}>
                <td>{r.number}</td>
                <td>{r.reason}</td>
                <td>{r.retainedItems}</td>
                <td>
                  {r.passMark.passScore} ({r.passMark.method})
                </td>
                <td>
                  {r.summary.passed} / {r.summary.candidates}
                </td>
                <td>
                  {r.changes
                    ? `removed ${r.changes.itemsRemoved.join(", ") || "none"}; restored ${
                        r.changes.itemsRestored.join(", ") || "none"
                      }; ${r.changes.keyChanges.length} key change(s)`
                    : "first run"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {latestRun && (
        <>
          <p>
            Run {latest?.number}: mean {latestRun.analysis.test.mean.toFixed(1)}, KR-20{" "}
            {latestRun.analysis.test.kr20 === null ? "undefined" : latestRun.analysis.test.kr20.toFixed(2)}, SEM{" "}
            {latestRun.analysis.test.sem === null ? "undefined" : latestRun.analysis.test.sem.toFixed(2)}.
          </p>
          <details>
            <summary>Items recommended for review or removal ({flagged.length})</summary>
            <table className="grid" aria-label="Items to review">
              <ColumnHeads columns={["Item", "Key", "Difficulty", "Discrimination", "Recommendation"]} />
              <tbody>
                {flagged.map((i) => (
                  <tr key={i.item}>
                    <td>{i.item}</td>
                    <td>{i.key}</td>
                    <td>{i.difficulty.toFixed(2)}</td>
                    <td>{i.discrimination === null ? "undefined" : i.discrimination.toFixed(2)}</td>
                    <td>
                      {i.recommendation} ({i.reasons.join(", ")})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      {state.verification && (
        <div data-verification={state.verification.passed}>
          <p>
            Checks of run {state.verification.runNumber}: {state.verification.passed ? "all passed" : "failed"}.
          </p>
          <ul aria-label="Checks">
            {state.verification.checks.map((c) => (
              <li key={c.code}>
                {c.passed ? "passed" : "FAILED"}: {c.code} ({c.detail})
              </li>
            ))}
          </ul>
        </div>
      )}
      <p data-release>
        Prepared: {state.preparedBy ? `by ${state.preparedBy} (run ${state.preparedRun})` : "no"}; approved:{" "}
        {state.approvedBy ? `by ${state.approvedBy} (run ${state.approvedRun})` : "no"}; release date:{" "}
        {state.releaseDate ?? "not set"}
        {state.released ? "; released" : ""}.
      </p>
    </div>
  );
}

/** The browser's check of a file, with the server's importers; null for a file it cannot fully check. */
function previewFile(kind: ImportKind, text: string, policy: Policy, key: AnswerKey | null) {
  if (kind === "answer-key") return importAnswerKey(text, policy.exam);
  if (!key) return null;
  if (kind === "responses") return importResponses(text, key, policy.exam);
  if (kind === "flagged") return importFlaggedItems(text, key);
  return importAngoffRatings(text, key);
}

function LineErrors({ errors, label }: { errors: LineError[]; label: string }) {
  return (
    <table className="grid" aria-label={label}>
      <ColumnHeads columns={["Line", "Problem"]} />
      <tbody>
        {errors.map((e, i) => (
          <tr key={i}>
            <td>{e.line}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportForm({ sessionId, onDone }: { sessionId: string; onDone: () => void }) {
  const policy = usePolicy();
  const [kind, setKind] = useState<ImportKind>("answer-key");
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  // The key imported in this visit: the other files are then checked in full before they are sent.
  const [key, setKey] = useState<AnswerKey | null>(null);
  const [serverErrors, setServerErrors] = useState<LineError[]>([]);
  const action = useAction();

  const csv = file ? readCsv(file.text) : null;
  const checked = file ? previewFile(kind, file.text, policy, key) : null;
  const errors: LineError[] = csv && !csv.ok ? [csv.error] : checked && !checked.ok ? checked.errors : [];
  const rows = csv?.ok ? csv.records.slice(1) : [];

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!file || errors.length) return;
    setServerErrors([]);
    const ok = await action.run(
      async () => {
        try {
          await callFunction("importExamFile", { sessionId, kind, csv: file.text });
        } catch (err) {
          // The server's line-numbered errors (details.errors), for a file the browser could not check in full.
          const details = (err as { details?: { errors?: unknown } }).details;
          if (Array.isArray(details?.errors)) setServerErrors(details.errors as LineError[]);
          throw err;
        }
      },
      `${KIND_TEXT[kind]}: ${file.name} imported (${rows.length} row(s)).`,
      `import ${file.name}`,
      BOARD_ONLY,
    );
    if (ok) {
      if (kind === "answer-key" && checked?.ok) setKey(checked.value as AnswerKey);
      setFile(null);
      onDone();
    }
  }

  async function choose(f: File | undefined) {
    setServerErrors([]);
    action.setMessage(null);
    setFile(f ? { name: f.name, text: await f.text() } : null);
  }

  return (
    <form onSubmit={send} aria-labelledby="import-heading">
      <h3 id="import-heading">Import a file</h3>
      <div className="fields">
        <div className="field">
          <label htmlFor="import-kind">File</label>
          <select id="import-kind" value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
            {IMPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_TEXT[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </div>
      </div>
      {file && (
        <div data-preview>
          <p role="status">
            {file.name}: {rows.length} data row(s).{" "}
            {errors.length
              ? `${errors.length} problem(s): fix the file and choose it again. Nothing is imported.`
              : checked
                ? "The file passes the server's checks."
                : "The file is valid CSV; the server checks it against the stored answer key when you import it."}
          </p>
          {errors.length > 0 && <LineErrors errors={errors} label="Problems in the file" />}
          {rows.length > 0 && csv?.ok && (
            <table className="grid" aria-label="Preview of the first rows">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  {csv.records[0].fields.map((h, i) => (
                    <th scope="col" key={i}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, 5).map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    {r.fields.map((f, i) => (
                      <td key={i}>{f}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <button type="submit" disabled={!file || errors.length > 0 || action.busy}>
        Import the file
      </button>
      <Feedback message={action.message} />
      {serverErrors.length > 0 && <LineErrors errors={serverErrors} label="Problems the server found" />}
    </form>
  );
}

function AbsencesForm({ sessionId, current, onDone }: { sessionId: string; current: string[]; onDone: () => void }) {
  const [text, setText] = useState(current.join("\n"));
  const action = useAction();
  async function save(e: FormEvent) {
    e.preventDefault();
    const absent = [
      ...new Set(
        text
          .split(/[\n,;]/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    if (
      await action.run(
        () => callFunction("recordExamAbsences", { sessionId, absent }),
        `${absent.length} absence(s) recorded.`,
        "record the absences",
        BOARD_ONLY,
      )
    )
      onDone();
  }
  return (
    <form onSubmit={save} aria-labelledby="absences-heading">
      <h3 id="absences-heading">Absences</h3>
      <div className="field">
        <label htmlFor="absences">Registered candidates who did not sit (candidate ids, one per line)</label>
        <textarea id="absences" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="submit" disabled={action.busy}>
        Record the absences
      </button>
      <Feedback message={action.message} />
    </form>
  );
}

function ScoringForms({ sessionId, report, onDone }: { sessionId: string; report: ExamReport; onDone: () => void }) {
  const action = useAction();
  const [decisions, setDecisions] = useState<ItemDecision[]>(report.state.decisions);
  const [item, setItem] = useState("");
  const [decisionAction, setDecisionAction] = useState<"remove" | "correct-key">("remove");
  const [newKey, setNewKey] = useState("");
  const [reason, setReason] = useState("");
  const [method, setMethod] = useState(report.state.passMarkSetting?.method ?? "policy");
  const [percent, setPercent] = useState(String(report.state.passMarkSetting?.percent ?? ""));

  const run = async (name: string, data: Record<string, unknown>, done: string, doing: string) => {
    if (await action.run(() => callFunction(name, { sessionId, ...data }), done, doing, BOARD_ONLY)) onDone();
  };

  function addDecision(e: FormEvent) {
    e.preventDefault();
    const parsed = itemDecisionSchema.safeParse(
      decisionAction === "remove"
        ? { item: item.trim(), action: "remove", reason: reason.trim() }
        : { item: item.trim(), action: "correct-key", key: newKey.trim(), reason: reason.trim() },
    );
    if (!parsed.success) {
      action.setMessage({
        text: `Check the decision: ${parsed.error.issues.map(describeIssue).join("; ")}.`,
        error: true,
      });
      return;
    }
    action.setMessage(null);
    setDecisions((d) => [...d.filter((x) => x.item !== parsed.data.item), parsed.data]);
    setItem("");
    setNewKey("");
    setReason("");
  }

  function savePassMark(e: FormEvent) {
    e.preventDefault();
    const setting =
      method === "policy"
        ? null
        : method === "fixed-percentage"
          ? { method, percent: Number(percent) }
          : { method: "modified-angoff" };
    if (setting?.method === "fixed-percentage" && !(Number(percent) > 0 && Number(percent) <= 100)) {
      action.setMessage({ text: "A fixed percentage is more than 0 and at most 100.", error: true });
      return;
    }
    void run(
      "setExamPassMark",
      { setting },
      "Pass mark method recorded; a new run scores with it.",
      "set the pass mark",
    );
  }

  return (
    <section aria-labelledby="scoring-heading">
      <h3 id="scoring-heading">Scoring</h3>
      <p>
        <button
          type="button"
          disabled={action.busy}
          onClick={() =>
            void run("rescoreExam", {}, "A new run scores the results with what is in force.", "score the results")
          }
        >
          Score the results (new run)
        </button>{" "}
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void run("verifyExamResults", {}, "Checks run on the latest run.", "verify the results")}
        >
          Run the checks
        </button>
      </p>
      <form onSubmit={addDecision} aria-labelledby="decisions-heading">
        <h4 id="decisions-heading">Item decisions</h4>
        {decisions.length === 0 ? (
          <p>No decision: every item is kept with its key.</p>
        ) : (
          <ul aria-label="Item decisions">
            {decisions.map((d) => (
              <li key={d.item}>
                {d.item}: {d.action === "remove" ? "remove" : `correct the key to ${d.key}`} ({d.reason}){" "}
                <button
                  type="button"
                  aria-label={`Drop the decision on ${d.item}`}
                  onClick={() => setDecisions((all) => all.filter((x) => x.item !== d.item))}
                >
                  Drop
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="fields">
          <div className="field">
            <label htmlFor="decision-item">Item</label>
            <input id="decision-item" value={item} onChange={(e) => setItem(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="decision-action">Decision</label>
            <select
              id="decision-action"
              value={decisionAction}
              onChange={(e) => setDecisionAction(e.target.value as "remove" | "correct-key")}
            >
              <option value="remove">remove</option>
              <option value="correct-key">correct the key</option>
            </select>
          </div>
          {decisionAction === "correct-key" && (
            <div className="field">
              <label htmlFor="decision-key">Correct key</label>
              <input id="decision-key" value={newKey} onChange={(e) => setNewKey(e.target.value)} />
            </div>
          )}
          <div className="field">
            <label htmlFor="decision-reason">Reason</label>
            <input id="decision-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
        </div>
        <button type="submit">Add the decision</button>{" "}
        <button
          type="button"
          disabled={action.busy}
          onClick={() =>
            void run(
              "recordExamItemDecisions",
              { decisions },
              `${decisions.length} decision(s) recorded; a new run applies them.`,
              "record the item decisions",
            )
          }
        >
          Record the decisions (new run)
        </button>
      </form>
      <form onSubmit={savePassMark} aria-labelledby="passmark-heading">
        <h4 id="passmark-heading">Pass mark</h4>
        <div className="fields">
          <div className="field">
            <label htmlFor="passmark-method">Method</label>
            <select id="passmark-method" value={method} onChange={(e) => setMethod(e.target.value)}>
              <option value="policy">the policy&apos;s method</option>
              <option value="modified-angoff">modified Angoff (judges&apos; ratings)</option>
              <option value="fixed-percentage">a fixed percentage of the retained items</option>
            </select>
          </div>
          {method === "fixed-percentage" && (
            <div className="field">
              <label htmlFor="passmark-percent">Percentage</label>
              <input
                id="passmark-percent"
                type="number"
                step="any"
                value={percent}
                onChange={(e) => setPercent(e.target.value)}
              />
            </div>
          )}
        </div>
        <button type="submit" disabled={action.busy}>
          Set the pass mark (new run)
        </button>
      </form>
      <Feedback message={action.message} />
    </section>
  );
}

function ReleaseForms({
  sessionId,
  report,
  admin,
  onDone,
}: {
  sessionId: string;
  report: ExamReport;
  admin: boolean;
  onDone: () => void;
}) {
  const { auth } = sdk();
  const action = useAction();
  const [releaseDate, setReleaseDate] = useState(report.state.releaseDate ?? "");
  const { state, runs } = report;
  const latest = runs[runs.length - 1]?.number ?? null;
  const iPrepared = state.preparedBy === auth.currentUser?.uid && state.preparedRun === latest;
  const run = async (name: string, data: Record<string, unknown>, done: string, doing: string, denied: string) => {
    if (await action.run(() => callFunction(name, { sessionId, ...data }), done, doing, denied)) onDone();
  };
  return (
    <section aria-labelledby="release-heading">
      <h3 id="release-heading">Release (two admins)</h3>
      <p>
        One admin prepares the latest run once every check passes; a different admin approves it; then either sets the
        release day, no later than 8 weeks after the sitting. Any later change withdraws the preparation.
      </p>
      {!admin && <p>Only the certification team (admin) prepares, approves and sets the release date.</p>}
      {iPrepared && !state.approvedBy && (
        <p>You prepared these results: another admin must approve them (the server refuses your approval).</p>
      )}
      <p>
        <button
          type="button"
          disabled={action.busy || state.released}
          onClick={() =>
            void run(
              "prepareExamResults",
              {},
              `Run ${latest} prepared: another admin approves it now.`,
              "prepare the results",
              "only the certification team (admin) prepares results.",
            )
          }
        >
          Prepare the results
        </button>{" "}
        <button
          type="button"
          disabled={action.busy || state.released}
          onClick={() =>
            void run(
              "approveExamResults",
              {},
              `Run ${state.preparedRun} approved: set the release date.`,
              "approve the results",
              "results are approved by an admin other than the one who prepared them.",
            )
          }
        >
          Approve the results
        </button>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!releaseDate) {
            action.setMessage({ text: "Choose the release date.", error: true });
            return;
          }
          void run(
            "setExamReleaseDate",
            { releaseDate },
            `Results to be released on ${releaseDate}.`,
            "set the release date",
            "only the certification team (admin) sets the release date.",
          );
        }}
        aria-label="Set the release"
      >
        <div className="field">
          <label htmlFor="release-date">Release date</label>
          <input id="release-date" type="date" value={releaseDate} onChange={(e) => setReleaseDate(e.target.value)} />
        </div>
        <button type="submit" disabled={action.busy || state.released}>
          Set the release date
        </button>
      </form>
      <Feedback message={action.message} />
    </section>
  );
}
