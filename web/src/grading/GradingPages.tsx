// Graders, the committee and the chair: the queue of grading rounds, and one
// round: the frozen snapshot, the random checks, questions to the candidate,
// the grade form, the chair's decision and the committee's reassignment.
// Every action is a callable of functions/src/grading; what the rules let a
// role read decides what each one sees.
import { useState, type FormEvent } from "react";
import { collection, doc, orderBy, query, where } from "firebase/firestore";
import { sdk } from "../firebase";
import { callFunction } from "../callables";
import { describeError } from "../errors";
import { useLiveDoc, useLiveQuery, type LiveDoc } from "../live";
import { Link, useLocation } from "../router";
import {
  AREA_VERDICTS,
  GRADE_AREAS,
  areaApplies,
  compareHistory,
  gradeProblems,
  type AreaVerdict,
  type GradeArea,
} from "./domain";
import { SnapshotView } from "./SnapshotView";
import { Feedback, type Message } from "../feedback";
import {
  AREA_LABELS,
  ROUND_STATUS_TEXT,
  VERDICT_TEXT,
  describeEvent,
  type CheckData,
  type GradeData,
  type HistoryData,
  type QuestionData,
  type RoundData,
} from "./model";

export type GradingRole = "grader" | "committee" | "chair";

const ROUND_DENIED = "only the graders assigned to an application and the committee can see its grading.";
const STATUS_ORDER = ["awaiting-chair", "unassigned", "grading", "decided", "closed"];

/** Runs a callable and turns the outcome into a message a person can act on. */
async function act(
  setMessage: (m: Message) => void,
  name: string,
  data: Record<string, unknown>,
  doing: string,
  done: string,
): Promise<boolean> {
  setMessage(null);
  try {
    await callFunction(name, data);
    setMessage({ text: done, error: false });
    return true;
  } catch (err) {
    setMessage({ text: describeError(err, { doing, denied: ROUND_DENIED }), error: true });
    return false;
  }
}

export function GradingQueuePage({ role }: { role: GradingRole }) {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const rounds = useLiveQuery<RoundData>(
    role === "grader"
      ? query(collection(db, "gradings"), where("graderUids", "array-contains", uid))
      : collection(db, "gradings"),
    `${role}/${uid}`,
    { doing: "list the applications to grade", denied: ROUND_DENIED },
  );
  const rows = [...(rounds.value ?? [])].sort(
    (a, b) => STATUS_ORDER.indexOf(a.data.status) - STATUS_ORDER.indexOf(b.data.status) || a.id.localeCompare(b.id),
  );
  const mine = (r: RoundData) => (r.gradedBy ?? []).includes(uid);
  return (
    <>
      <h1 tabIndex={-1}>{role === "grader" ? "Applications assigned to you" : "Grading rounds"}</h1>
      {role === "chair" && <p>Rounds where the graders disagree wait for your decision; they are listed first.</p>}
      {rounds.error && (
        <p role="alert" className="error">
          {rounds.error}
        </p>
      )}
      {rounds.value === undefined && <p role="status">Loading…</p>}
      {rounds.value?.length === 0 && <p>Nothing to grade.</p>}
      {rows.length > 0 && (
        <table className="grid" aria-label="Grading queue">
          <thead>
            <tr>
              <th scope="col">Application</th>
              <th scope="col">Route</th>
              <th scope="col">Submission</th>
              <th scope="col">Status</th>
              <th scope="col">Grades in</th>
              <th scope="col">Open questions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ id, data }) => (
              <tr key={id} data-round-status={data.status}>
                <td>
                  <Link to={`/grading/${id}`}>Open application {id}</Link>
                </td>
                <td>{data.route}</td>
                <td>{data.submission}</td>
                <td>
                  {ROUND_STATUS_TEXT[data.status] ?? data.status}
                  {role === "grader" && data.status === "grading"
                    ? mine(data)
                      ? " (you graded)"
                      : " (your grade is due)"
                    : ""}
                </td>
                <td>
                  {(data.gradedBy ?? []).length} / {data.graderUids.length || 2}
                </td>
                <td>{data.openQuestions ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function HistoryList({ events }: { events: LiveDoc<HistoryData>[] }) {
  if (!events.length) return <p>No events yet.</p>;
  // One transaction writes several events with one commit time (submitted and
  // assigned; decided and awarded): compareHistory puts them in their real order.
  const ordered = [...events].sort((a, b) =>
    compareHistory({ id: a.id, event: a.data.event, at: a.data.at }, { id: b.id, event: b.data.event, at: b.data.at }),
  );
  return (
    <ol className="history">
      {ordered.map(({ id, data }) => (
        <li key={id} data-event={data.event}>
          {data.at ? `${data.at.toDate().toLocaleString()}: ` : ""}
          {describeEvent(data)} (submission {data.submission})
        </li>
      ))}
    </ol>
  );
}

export function GradeSummary({ grade, label }: { grade: GradeData; label: string }) {
  return (
    <article className="grade" aria-label={label}>
      <h4>
        {label}: <span data-overall={grade.overall}>{grade.overall === "pass" ? "pass" : "fail"}</span> (
        {grade.gradedOn})
      </h4>
      <ul>
        {GRADE_AREAS.map((a) => (
          <li key={a}>
            {AREA_LABELS[a]}: {VERDICT_TEXT[grade.areas[a]]}
          </li>
        ))}
      </ul>
      <p>{grade.comment}</p>
    </article>
  );
}

function GradeForm({ appId, round }: { appId: string; round: RoundData }) {
  const route = round.route as Parameters<typeof areaApplies>[1];
  const [areas, setAreas] = useState<Record<GradeArea, AreaVerdict | "">>(
    () =>
      Object.fromEntries(GRADE_AREAS.map((a) => [a, areaApplies(a, route) ? "" : "not-applicable"])) as Record<
        GradeArea,
        AreaVerdict | ""
      >,
  );
  const [overall, setOverall] = useState<"" | "pass" | "fail">("");
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing = GRADE_AREAS.filter((a) => !areas[a]).map((a) => AREA_LABELS[a]);
    if (missing.length || !overall || !comment.trim()) {
      setMessage({
        text: `Complete the grade: ${[...missing, ...(overall ? [] : ["overall"]), ...(comment.trim() ? [] : ["comment"])].join(", ")}.`,
        error: true,
      });
      return;
    }
    const grade = { areas: areas as Record<GradeArea, AreaVerdict>, overall, comment: comment.trim() };
    const problems = gradeProblems(grade, route);
    if (problems.length) {
      setMessage({ text: `Check the grade: ${problems.join("; ")}.`, error: true });
      return;
    }
    if (!window.confirm("Record this grade? A grade is final once recorded.")) return;
    setBusy(true);
    await act(
      setMessage,
      "gradeApplication",
      { applicationId: appId, ...grade },
      "record your grade",
      "Grade recorded.",
    );
    setBusy(false);
  }

  return (
    <form onSubmit={submit} aria-labelledby="grade-form-title" className="grade-form">
      <h3 id="grade-form-title">Your grade</h3>
      <p>
        Grade from the submitted logbook above. A grade is final once recorded; the other grader's grade is shown once
        both are in.
      </p>
      {GRADE_AREAS.map((a) => (
        <div className="field" key={a}>
          <label htmlFor={`area-${a}`}>{AREA_LABELS[a]}</label>
          <select
            id={`area-${a}`}
            value={areas[a]}
            disabled={!areaApplies(a, route)}
            onChange={(e) => setAreas({ ...areas, [a]: e.target.value as AreaVerdict })}
          >
            <option value="">choose…</option>
            {AREA_VERDICTS.filter((v) => (areaApplies(a, route) ? v !== "not-applicable" : v === "not-applicable")).map(
              (v) => (
                <option key={v} value={v}>
                  {VERDICT_TEXT[v]}
                </option>
              ),
            )}
          </select>
        </div>
      ))}
      <div className="field">
        <label htmlFor="grade-overall">Overall</label>
        <select id="grade-overall" value={overall} onChange={(e) => setOverall(e.target.value as "pass" | "fail")}>
          <option value="">choose…</option>
          <option value="pass">pass</option>
          <option value="fail">fail</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="grade-comment">Comment (the candidate reads it after the decision)</label>
        <textarea id="grade-comment" value={comment} maxLength={5000} onChange={(e) => setComment(e.target.value)} />
      </div>
      <button type="submit" disabled={busy}>
        Record grade
      </button>
      <Feedback message={message} />
    </form>
  );
}

function QuestionsSection({
  appId,
  questions,
  canAsk,
}: {
  appId: string;
  questions: LiveDoc<QuestionData>[];
  canAsk: boolean;
}) {
  const [text, setText] = useState("");
  const [message, setMessage] = useState<Message>(null);
  async function ask(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setMessage({ text: "Write the question first.", error: true });
      return;
    }
    if (
      await act(
        setMessage,
        "askQuestion",
        { applicationId: appId, text: text.trim() },
        "ask the candidate",
        "Question sent to the candidate.",
      )
    )
      setText("");
  }
  return (
    <section aria-labelledby="questions-title">
      <h3 id="questions-title">Questions to the candidate</h3>
      <QuestionList questions={questions} />
      {canAsk && (
        <form onSubmit={ask}>
          <div className="field">
            <label htmlFor="question-text">Ask the candidate for more information</label>
            <textarea id="question-text" value={text} maxLength={5000} onChange={(e) => setText(e.target.value)} />
          </div>
          <p>You cannot record your grade while your question is open.</p>
          <button type="submit">Send the question</button>
        </form>
      )}
      <Feedback message={message} />
    </section>
  );
}

export function QuestionList({ questions }: { questions: LiveDoc<QuestionData>[] }) {
  if (!questions.length) return <p>No questions.</p>;
  return (
    <ul className="questions">
      {questions.map(({ id, data }) => (
        <li key={id} data-question-status={data.status}>
          <p>
            <strong>Question ({data.askedOn}):</strong> {data.text}
          </p>
          {data.answer ? (
            <p>
              <strong>Answer ({data.answer.answeredOn}):</strong> {data.answer.text}
              {data.answer.evidenceIds.length ? ` Evidence: ${data.answer.evidenceIds.join(", ")}.` : ""}
            </p>
          ) : (
            <p>Not answered yet.</p>
          )}
        </li>
      ))}
    </ul>
  );
}

function ChecksSection({ checks }: { checks: LiveDoc<CheckData>[] }) {
  return (
    <section aria-labelledby="checks-title">
      <h3 id="checks-title">Random checks with the supervisors</h3>
      {checks.length === 0 ? (
        <p>No random checks.</p>
      ) : (
        <table className="grid" aria-labelledby="checks-title">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Study date</th>
              <th scope="col">Supervisor</th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {checks.map(({ id, data }) => (
              <tr key={id} data-check-status={data.status}>
                <td>{data.patientRef}</td>
                <td>{data.studyDate}</td>
                <td>{data.supervisorUid}</td>
                <td>
                  {data.status === "pending" ? "not answered yet" : data.status}
                  {data.comment ? `: ${data.comment}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChairForm({ appId }: { appId: string }) {
  const [outcome, setOutcome] = useState<"" | "passed" | "failed">("");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<Message>(null);
  async function decide(e: FormEvent) {
    e.preventDefault();
    if (!outcome || !reason.trim()) {
      setMessage({ text: "Choose the outcome and give the reason.", error: true });
      return;
    }
    if (!window.confirm(`Decide "${outcome}"? The decision is final.`)) return;
    await act(
      setMessage,
      "decideAsChair",
      { applicationId: appId, outcome, reason: reason.trim() },
      "record the decision",
      "Decision recorded.",
    );
  }
  return (
    <form onSubmit={decide} aria-labelledby="chair-title">
      <h3 id="chair-title">The chair's decision</h3>
      <p>The graders disagree. Your decision is final and is sent to the candidate with the graders' comments.</p>
      <div className="field">
        <label htmlFor="chair-outcome">Outcome</label>
        <select id="chair-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as "passed" | "failed")}>
          <option value="">choose…</option>
          <option value="passed">passed: award the certification</option>
          <option value="failed">failed</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="chair-reason">Reason</label>
        <textarea id="chair-reason" value={reason} maxLength={5000} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit">Record the decision</button>
      <Feedback message={message} />
    </form>
  );
}

function ReassignForm({ appId, round }: { appId: string; round: RoundData }) {
  const [replace, setReplace] = useState(round.graderUids[0] ?? "");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<Message>(null);
  async function reassign(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) {
      setMessage({ text: "Give the reason for the change.", error: true });
      return;
    }
    await act(
      setMessage,
      "reassignGrader",
      { applicationId: appId, replaceGraderUid: replace || null, reason: reason.trim() },
      "change the graders",
      "Graders changed.",
    );
  }
  return (
    <form onSubmit={reassign} aria-labelledby="reassign-title">
      <h3 id="reassign-title">Change the graders</h3>
      <div className="field">
        <label htmlFor="reassign-grader">Grader to replace</label>
        <select id="reassign-grader" value={replace} onChange={(e) => setReplace(e.target.value)}>
          {round.graderUids.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
          <option value="">none: fill the missing places</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="reassign-reason">Reason</label>
        <textarea id="reassign-reason" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit">Choose another grader</button>
      <Feedback message={message} />
    </form>
  );
}

export function GradingRoundPage({ appId, role }: { appId: string; role: GradingRole }) {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const { path, query: params } = useLocation();
  const committee = role !== "grader";
  const round = useLiveDoc<RoundData>(doc(db, "gradings", appId), appId, {
    doing: "open this grading round",
    denied: ROUND_DENIED,
  });
  const part = (name: string) => collection(db, "gradings", appId, name);
  const context = { doing: "read the grading", denied: ROUND_DENIED };
  const ready = !!round.value;
  const questions = useLiveQuery<QuestionData>(
    ready ? query(part("questions"), orderBy("askedOn")) : null,
    `${appId}/${ready}`,
    context,
  );
  const checks = useLiveQuery<CheckData>(ready ? part("checks") : null, `${appId}/${ready}`, context);
  const history = useLiveQuery<HistoryData>(
    ready ? query(part("history"), orderBy("at")) : null,
    `${appId}/${ready}`,
    context,
  );
  // A grader reads their own grade, and the other one once both are in; the committee reads all.
  const ownGrades = useLiveQuery<GradeData>(
    ready ? (committee ? part("grades") : query(part("grades"), where("graderUid", "==", uid))) : null,
    `${appId}/${ready}/${committee}`,
    context,
  );
  const sharedGrades = useLiveQuery<GradeData>(
    ready && !committee ? query(part("grades"), where("visibleToGraders", "==", true)) : null,
    `${appId}/${ready}/shared`,
    context,
  );

  if (round.error)
    return (
      <>
        <h1 tabIndex={-1}>Grading</h1>
        <p role="alert" className="error">
          {round.error}
        </p>
      </>
    );
  if (round.value === undefined) return <p role="status">Loading…</p>;
  if (round.value === null)
    return (
      <>
        <h1 tabIndex={-1}>Grading</h1>
        <p>Application {appId} is not being graded.</p>
      </>
    );
  const r = round.value.data;
  const submission = r.submission;
  const gradesById = new Map([...(ownGrades.value ?? []), ...(sharedGrades.value ?? [])].map((g) => [g.id, g]));
  const grades = [...gradesById.values()].filter((g) => g.data.submission === submission);
  const graded = (r.gradedBy ?? []).includes(uid);
  const assigned = r.graderUids.includes(uid);
  const myOpenQuestion = (questions.value ?? []).some(
    (q) => q.data.askedBy === uid && q.data.status === "open" && q.data.submission === submission,
  );
  const error = questions.error ?? checks.error ?? history.error ?? ownGrades.error ?? sharedGrades.error;

  return (
    <>
      <h1 tabIndex={-1}>
        Grading of {appId}{" "}
        <span className="subtitle">
          ({r.route}, submission {submission})
        </span>
      </h1>
      <p>
        Status: <strong data-round-status={r.status}>{ROUND_STATUS_TEXT[r.status] ?? r.status}</strong>
        {r.decision
          ? ` — ${r.decision.outcome} on ${r.decision.decidedOn}${r.decision.reason ? `: ${r.decision.reason}` : ""}`
          : ""}
      </p>
      {committee && <p>Graders: {r.graderUids.length ? r.graderUids.join(", ") : "none yet"}.</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <nav aria-label="Grading sections" className="tabs">
        <a href="#grades-title">Grades</a> <a href="#questions-title">Questions</a>{" "}
        <a href="#checks-title">Random checks</a> <a href="#snapshot-title">Submitted logbook</a>{" "}
        <a href="#history-title">History</a>
      </nav>
      <section aria-labelledby="grades-title">
        <h2 id="grades-title">Grades</h2>
        {grades.length === 0 ? (
          <p>No grade is visible yet.</p>
        ) : (
          grades.map((g) => (
            <GradeSummary
              key={g.id}
              grade={g.data}
              label={g.data.graderUid === uid ? "Your grade" : `Grade by ${g.data.graderUid}`}
            />
          ))
        )}
        {!committee && assigned && r.status === "grading" && !graded && !myOpenQuestion && (
          <GradeForm appId={appId} round={r} />
        )}
        {!committee && myOpenQuestion && <p>Your question is open: you can grade once the candidate has answered.</p>}
        {/* The form goes once the grade is in; this says so (the form's own message goes with it). */}
        {!committee && graded && (
          <p role="status" className="message">
            Your grade is recorded; grades are final.
          </p>
        )}
        {role === "chair" && r.status === "awaiting-chair" && !assigned && <ChairForm appId={appId} />}
      </section>
      <QuestionsSection
        appId={appId}
        questions={(questions.value ?? []).filter((q) => q.data.submission === submission)}
        canAsk={!committee && assigned && r.status === "grading" && !graded}
      />
      <ChecksSection checks={(checks.value ?? []).filter((c) => c.data.submission === submission)} />
      {committee && (r.status === "grading" || r.status === "unassigned") && <ReassignForm appId={appId} round={r} />}
      <SnapshotView appId={appId} submission={submission} appPath={path} focusId={params.get("focus")} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <HistoryList events={history.value ?? []} />
      </section>
    </>
  );
}
