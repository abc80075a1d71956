// The holder's side of a paid recertification (docs/recertification.md,
// "Upload" to "Withdraw"): the checklist (CMR studies per year of the cycle
// and the institutions), the formal letter (an accepted evidence file), the
// CME of the cycle, submission with a confirmation of what will be frozen,
// withdrawal, and the committee's questions answered in place.
import { useRef, useState, type FormEvent } from "react";
import { collection, doc, orderBy, query, updateDoc, where } from "firebase/firestore";
import { callFunction } from "../callables";
import { describeError } from "../errors";
import { ConfirmDialog, ErrorText, Feedback, useAction, type Message } from "../feedback";
import { sdk } from "../firebase";
import { useLiveQuery, type LiveDoc } from "../live";
import { describeIssue, type Doc } from "../domain";
import { ItemsPanel } from "../logbook/ItemForms";
import { AnswerForm, type EvidenceData } from "../candidate/ResultPanel";
import { checklistSchema, cycleYear, type Checklist } from "./domain";
import type { Recertification } from "./RecertificationPage";
import { ColumnHeads } from "../table";

/** What firestore.rules require for the holder's writes, in words. */
export const RECERT_DENIED =
  "only the holder may change their recertification's checklist, letter and CME, and only once the fee is paid and until it is submitted.";

export interface QuestionData {
  text: string;
  askedOn: string;
  submission: number;
  answer: string | null;
  evidenceIds: string[];
  answeredAt: unknown;
}

/** The years of the cycle (from its first day to the day before `until`), with their dates. */
export function cycleYears(cycle: { from: string; until: string }) {
  const years: { n: number; from: string; until: string }[] = [];
  for (let n = 1; n <= 20; n++) {
    const y = cycleYear({ cycle: { ...cycle, years: 0 } }, n);
    if (y.from > cycle.until) break;
    years.push({ n, ...y });
  }
  return years;
}

type YearText = { studies: string; reported: string; institutions: string };

/** The form's text as the checklist document; years left empty are left out (the report names them). */
export function checklistFrom(rows: Record<number, YearText>): ReturnType<typeof checklistSchema.safeParse> {
  const years = Object.entries(rows)
    .filter(([, r]) => r.studies.trim() || r.reported.trim() || r.institutions.trim())
    .map(([n, r]) => ({
      year: Number(n),
      studies: r.studies.trim() === "" ? NaN : Number(r.studies),
      reported: r.reported.trim() === "" ? 0 : Number(r.reported),
      institutions: r.institutions
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean),
    }));
  return checklistSchema.safeParse({ years });
}

function ChecklistForm({
  id,
  checklist,
  cycle,
  editable,
}: {
  id: string;
  checklist: Checklist | null;
  cycle: { from: string; until: string };
  editable: boolean;
}) {
  const years = cycleYears(cycle);
  const [rows, setRows] = useState<Record<number, YearText>>(() =>
    Object.fromEntries(
      years.map(({ n }) => {
        const y = checklist?.years.find((c) => c.year === n);
        return [
          n,
          {
            studies: y ? String(y.studies) : "",
            reported: y ? String(y.reported) : "",
            institutions: y?.institutions.join("; ") ?? "",
          },
        ];
      }),
    ),
  );
  const action = useAction();
  const set = (n: number, key: keyof YearText, value: string) =>
    setRows((r) => ({ ...r, [n]: { ...r[n], [key]: value } }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const parsed = checklistFrom(rows);
    if (!parsed.success) {
      action.setMessage({
        text: `Check the checklist: ${parsed.error.issues.map(describeIssue).join("; ")}.`,
        error: true,
      });
      return;
    }
    action.setMessage(null);
    try {
      await updateDoc(doc(sdk().db, "recertifications", id), { checklist: parsed.data });
      action.setMessage({ text: "Checklist saved.", error: false });
    } catch (err) {
      action.setMessage({
        text: describeError(err, { doing: "save the checklist", denied: RECERT_DENIED }),
        error: true,
      });
    }
  }

  return (
    <form onSubmit={save} aria-labelledby={`checklist-${id}`}>
      <h3 id={`checklist-${id}`}>Recertification checklist</h3>
      <p>
        For each complete year of the cycle: the CMR studies you performed or reported (each study once), how many of
        them you reported yourself, and the institutions where you practised (separated by semicolons).
      </p>
      <table className="grid" aria-label="Checklist by year of the cycle">
        <ColumnHeads columns={["Year", "Studies performed or reported", "Of which reported", "Institutions"]} />
        <tbody>
          {years.map(({ n, from, until }) => (
            <tr key={n}>
              <th scope="row">
                Year {n} ({from} to {until})
              </th>
              <td>
                <input
                  type="number"
                  min={0}
                  aria-label={`Year ${n}: studies performed or reported`}
                  value={rows[n]?.studies ?? ""}
                  disabled={!editable}
                  onChange={(e) => set(n, "studies", e.target.value)}
                />
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  aria-label={`Year ${n}: of which reported`}
                  value={rows[n]?.reported ?? ""}
                  disabled={!editable}
                  onChange={(e) => set(n, "reported", e.target.value)}
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`Year ${n}: institutions`}
                  value={rows[n]?.institutions ?? ""}
                  disabled={!editable}
                  onChange={(e) => set(n, "institutions", e.target.value)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable && <button type="submit">Save the checklist</button>}
      <Feedback message={action.message} />
    </form>
  );
}

function LetterForm({
  id,
  current,
  evidence,
  editable,
}: {
  id: string;
  current: string | null;
  evidence: LiveDoc<EvidenceData>[];
  editable: boolean;
}) {
  const [chosen, setChosen] = useState(current ?? "");
  const [message, setMessage] = useState<Message>(null);
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await updateDoc(doc(sdk().db, "recertifications", id), { letterEvidenceId: chosen || null });
      setMessage({ text: chosen ? `Formal letter set to ${chosen}.` : "Formal letter removed.", error: false });
    } catch (err) {
      setMessage({ text: describeError(err, { doing: "set the formal letter", denied: RECERT_DENIED }), error: true });
    }
  }
  return (
    <form onSubmit={save} aria-labelledby={`letter-${id}`}>
      <h3 id={`letter-${id}`}>Formal letter</h3>
      <p>
        The formal letter (from your employer or head of department, confirming your continuing CMR practice) is one of
        your uploaded files that the upload check accepted. Upload it on the Evidence page first.
      </p>
      <div className="field">
        <label htmlFor={`letter-select-${id}`}>Formal letter (an accepted evidence file)</label>
        <select
          id={`letter-select-${id}`}
          value={chosen}
          disabled={!editable}
          onChange={(e) => setChosen(e.target.value)}
        >
          <option value="">(none)</option>
          {evidence.map((ev) => (
            <option key={ev.id} value={ev.id}>
              {ev.data.fileName} ({ev.id})
            </option>
          ))}
          {current && !evidence.some((ev) => ev.id === current) && <option value={current}>{current}</option>}
        </select>
      </div>
      {editable && <button type="submit">Save the letter</button>}
      <Feedback message={message} />
    </form>
  );
}

function SubmitRecertification({
  id,
  app,
  cmeCount,
  eligible,
}: {
  id: string;
  app: Recertification;
  cmeCount: number;
  eligible: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const action = useAction();
  const years = Array.isArray((app.checklist as Checklist | null)?.years)
    ? (app.checklist as Checklist).years.length
    : 0;
  const frozen = [
    `the checklist (${years} year${years === 1 ? "" : "s"})`,
    `the formal letter (${app.letterEvidenceId ?? "none chosen"})`,
    `${cmeCount} CME entr${cmeCount === 1 ? "y" : "ies"} and their attendance certificates`,
    "the report as the server judges it at submission, and the certificate being renewed",
  ];
  async function submit() {
    await action.run(
      () => callFunction("submitRecertification", { applicationId: id }),
      "Submitted: the certification committee reviews it now. Your documents are frozen.",
      "submit this recertification",
      "only the holder submits their recertification.",
    );
  }
  return (
    <section aria-labelledby={`submit-${id}`}>
      <h3 id={`submit-${id}`}>Submission</h3>
      {!eligible && <p>You can submit once the server&apos;s report says the application is eligible.</p>}
      <button type="button" disabled={!eligible || action.busy} onClick={() => dialog.current?.showModal()}>
        Submit the recertification…
      </button>
      <ConfirmDialog
        dialogRef={dialog}
        id={`confirm-${id}`}
        title="Submit this recertification?"
        yes="Yes, submit"
        onYes={() => void submit()}
      >
        <p>The following will be frozen and sent to the certification committee:</p>
        <ul>
          {frozen.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
        <p>You cannot change them afterwards.</p>
      </ConfirmDialog>
      <Feedback message={action.message} />
    </section>
  );
}

/** Withdraw (before submission): confirmed first; reminders and the lapse resume. */
export function WithdrawButton({ id, label }: { id: string; label: string }) {
  const action = useAction();
  async function withdraw() {
    if (!window.confirm(`Withdraw recertification ${id}? Reminders and the lapse of the certification resume.`)) return;
    await action.run(
      () => callFunction("withdrawRecertification", { applicationId: id }),
      `Recertification ${id} withdrawn.`,
      `withdraw recertification ${id}`,
      "only the holder, or the certification team (admin), withdraws an application, and only before it is submitted.",
    );
  }
  return (
    <p>
      <button type="button" disabled={action.busy} onClick={() => void withdraw()}>
        {label}
      </button>
      <Feedback message={action.message} />
    </p>
  );
}

/** The holder's documents while the application is open, then submission and withdrawal. */
export function HolderDocuments({
  id,
  uid,
  app,
  eligible,
  cycle,
}: {
  id: string;
  uid: string;
  app: Recertification;
  eligible: boolean;
  cycle: { from: string; until: string } | null;
}) {
  const { db } = sdk();
  const editable = app.status === "open";
  const cme = useLiveQuery<Record<string, unknown>>(collection(db, "recertifications", id, "cme"), `${id}/cme`, {
    doing: "list the CME of your recertification",
  });
  const evidence = useLiveQuery<EvidenceData>(
    query(collection(db, "users", uid, "evidence"), where("status", "==", "accepted")),
    `${uid}/evidence`,
    { doing: "list your evidence" },
  );
  const items: Doc[] = (cme.value ?? []).map((c) => ({ id: c.id, data: c.data }) as Doc);
  const checklist = checklistSchema.safeParse(app.checklist);
  return (
    <>
      <ErrorText text={evidence.error} />
      {cycle ? (
        <ChecklistForm
          key={`${id}-${cycle.from}`}
          id={id}
          checklist={checklist.success ? checklist.data : null}
          cycle={cycle}
          editable={editable}
        />
      ) : (
        <p>The checklist form appears once your certification is loaded (it gives the cycle&apos;s dates).</p>
      )}
      <LetterForm
        id={id}
        current={typeof app.letterEvidenceId === "string" ? app.letterEvidenceId : null}
        evidence={evidence.value ?? []}
        editable={editable}
      />
      <ErrorText text={cme.error} />
      <ItemsPanel
        kind="cme"
        appId={id}
        parent={["recertifications", id]}
        denied={RECERT_DENIED}
        items={items}
        editable={editable}
        supervisors={[]}
        focusId={null}
      />
      {editable && <SubmitRecertification id={id} app={app} cmeCount={items.length} eligible={eligible} />}
    </>
  );
}

/** The committee's questions on a submitted application, answered in place by the holder. */
export function HolderQuestions({ id, uid }: { id: string; uid: string }) {
  const { db } = sdk();
  const questions = useLiveQuery<QuestionData>(
    query(collection(db, "recertifications", id, "questions"), orderBy("askedOn")),
    `${id}/questions`,
    { doing: "read the committee's questions" },
  );
  const evidence = useLiveQuery<EvidenceData>(
    query(collection(db, "users", uid, "evidence"), where("status", "==", "accepted")),
    `${uid}/evidence`,
    { doing: "list your evidence" },
  );
  const [sent, setSent] = useState(false);
  return (
    <section aria-labelledby={`questions-${id}`}>
      <h3 id={`questions-${id}`}>Questions from the committee</h3>
      <ErrorText text={questions.error} />
      <QuestionItems questions={questions.value ?? []} />
      {(questions.value ?? [])
        .filter((q) => q.data.answeredAt === null)
        .map((q) => (
          <AnswerForm
            key={q.id}
            appId={id}
            questionId={q.id}
            evidence={evidence.value ?? []}
            onSent={() => setSent(true)}
            send={(answer, evidenceIds) =>
              callFunction("answerRecertificationQuestion", {
                applicationId: id,
                questionId: q.id,
                answer,
                evidenceIds,
              })
            }
          />
        ))}
      {sent && (
        <p role="status" className="message">
          Answer sent to the committee.
        </p>
      )}
    </section>
  );
}

/** Questions and their answers, as the holder and the committee read them. */
export function QuestionItems({ questions }: { questions: LiveDoc<QuestionData>[] }) {
  if (questions.length === 0) return <p>No questions.</p>;
  return (
    <ul aria-label="Questions" className="items">
      {questions.map(({ id, data }) => (
        <li key={id} data-question={id}>
          Asked on {data.askedOn}: {data.text}
          <br />
          {data.answeredAt === null
            ? "Awaiting the holder's answer."
            : `Answer: ${data.answer}${data.evidenceIds.length ? ` (evidence: ${data.evidenceIds.join(", ")})` : ""}`}
        </li>
      ))}
    </ul>
  );
}
