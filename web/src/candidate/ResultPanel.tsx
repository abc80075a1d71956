// After submission, for the candidate: the status, the committee's questions
// (answered here), the grades and the decision once made, the certificate
// when awarded, the grading history and the frozen snapshot.
import { useState, type FormEvent } from "react";
import { collection, orderBy, query, where } from "firebase/firestore";
import { sdk } from "../firebase";
import { callFunction } from "../callables";
import { describeError } from "../errors";
import { Feedback, type Message } from "../feedback";
import { useLiveQuery, type LiveDoc } from "../live";
import { Link, useLocation } from "../router";
import { Attachments } from "../evidence/Attachments";
import type { ApplicationData } from "../logbook/use-application";
import { GradeSummary, HistoryList, QuestionList } from "../grading/GradingPages";
import { SnapshotView } from "../grading/SnapshotView";
import type { GradeData, HistoryData, QuestionData } from "../grading/model";

const STATUS_TEXT: Record<string, string> = {
  draft: "a draft: not submitted",
  submitted: "submitted: the certification committee is grading it",
  returned: "returned to you for modification",
  passed: "passed: you are certified",
  failed: "not passed",
  withdrawn: "withdrawn",
};

interface CertificationData {
  level: number;
  certificateNumber: string;
  verificationCode?: string;
  awardedOn: string;
  expiresOn: string;
  status: string;
  applicationId: string;
}

export interface EvidenceData {
  fileName: string;
  status: string;
}

/** An answer to a question, with accepted evidence files; `send` defaults to grading's answerQuestion. */
export function AnswerForm({
  appId,
  questionId,
  evidence,
  onSent,
  send = (text, evidenceIds) => callFunction("answerQuestion", { applicationId: appId, questionId, text, evidenceIds }),
}: {
  appId: string;
  questionId: string;
  evidence: LiveDoc<EvidenceData>[];
  /** Called once the answer is recorded (this form then disappears with the open question). */
  onSent: () => void;
  send?: (text: string, evidenceIds: string[]) => Promise<unknown>;
}) {
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  async function answer(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setMessage({ text: "Write your answer first.", error: true });
      return;
    }
    setBusy(true);
    try {
      await send(text.trim(), chosen);
      onSent();
    } catch (err) {
      // Nothing the candidate wrote is lost: the text stays in the form.
      setMessage({
        text: describeError(err, {
          doing: "send your answer",
          denied: "only the candidate or holder of the application can answer its questions.",
        }),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={answer} aria-label={`Answer question ${questionId}`}>
      <div className="field">
        <label htmlFor={`answer-${questionId}`}>Your answer</label>
        <textarea
          id={`answer-${questionId}`}
          value={text}
          maxLength={10000}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <Attachments
        legend="Attach accepted evidence files (optional)"
        options={evidence.map((ev) => ({ id: ev.id, label: ev.data.fileName }))}
        chosen={chosen}
        onChange={setChosen}
      />
      <button type="submit" disabled={busy}>
        Send the answer
      </button>
      <Feedback message={message} />
    </form>
  );
}

export function ResultPanel({ application }: { application: ApplicationData }) {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const { path, query: params } = useLocation();
  const appId = application.id;
  const grading = (name: string) => collection(db, "gradings", appId, name);
  const quiet = { doing: "read the grading" };
  const questions = useLiveQuery<QuestionData>(
    query(grading("questions"), where("candidateUid", "==", uid)),
    `${appId}/q`,
    quiet,
  );
  const grades = useLiveQuery<GradeData>(
    query(grading("grades"), where("candidateUid", "==", uid), where("visibleToCandidate", "==", true)),
    `${appId}/g/${application.status}`,
    quiet,
  );
  // Readable once a grading round exists (the rules read the round's candidate).
  const history = useLiveQuery<HistoryData>(
    query(grading("history"), orderBy("at")),
    `${appId}/h/${application.status}/${application.submissionCount}`,
    quiet,
  );
  const certifications = useLiveQuery<CertificationData>(
    query(collection(db, "certifications"), where("uid", "==", uid), where("applicationId", "==", appId)),
    `${appId}/c/${application.status}`,
    { doing: "read your certification" },
  );
  const evidence = useLiveQuery<EvidenceData>(
    query(collection(db, "users", uid, "evidence"), where("status", "==", "accepted")),
    `${uid}/evidence`,
    { doing: "list your evidence" },
  );
  const open = (questions.value ?? []).filter((q) => q.data.status === "open");
  const [sent, setSent] = useState(false);

  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">Grading and result</h2>
      <p>
        This application is{" "}
        <strong data-application-status={application.status}>
          {STATUS_TEXT[application.status] ?? application.status}
        </strong>
        {application.decidedOn ? ` (decided on ${application.decidedOn})` : ""}.
      </p>
      {application.status === "returned" && application.returnReasons.length > 0 && (
        <ul aria-label="Why it was returned">
          {application.returnReasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {application.status === "failed" && (
        <p>
          The e-mail with the decision gives the graders' reasons and the deadline for an appeal.{" "}
          <Link to="/requests?new=logbook-appeal">Appeal the decision</Link>
        </p>
      )}
      {(certifications.value ?? []).map(({ id, data }) => (
        <section key={id} aria-labelledby={`cert-${id}`} className="certificate">
          <h3 id={`cert-${id}`}>Your certificate</h3>
          <p data-certificate-number={data.certificateNumber}>
            Certificate {data.certificateNumber}: Level {data.level}, awarded on {data.awardedOn}, valid until{" "}
            {data.expiresOn} ({data.status}).
            {data.verificationCode ? ` Verification code: ${data.verificationCode}.` : ""}
          </p>
        </section>
      ))}
      <h3>Questions from the graders</h3>
      {questions.error ? (
        <p role="alert" className="error">
          {questions.error}
        </p>
      ) : (
        <QuestionList questions={questions.value ?? []} />
      )}
      {open.map((q) => (
        <AnswerForm
          key={q.id}
          appId={appId}
          questionId={q.id}
          evidence={evidence.value ?? []}
          onSent={() => setSent(true)}
        />
      ))}
      {sent && (
        <p role="status" className="message">
          Answer sent to the grader.
        </p>
      )}
      <h3>Grades</h3>
      {(grades.value ?? []).length === 0 ? (
        <p>The graders' grades are shown here once the decision is made.</p>
      ) : (
        (grades.value ?? []).map((g, i) => <GradeSummary key={g.id} grade={g.data} label={`Grader ${i + 1}`} />)
      )}
      <h3>History</h3>
      {history.error ? <p>No grading events yet.</p> : <HistoryList events={history.value ?? []} />}
      {application.submissionCount > 0 && (
        <SnapshotView
          appId={appId}
          submission={application.submissionCount}
          appPath={path}
          focusId={params.get("focus")}
        />
      )}
    </section>
  );
}
