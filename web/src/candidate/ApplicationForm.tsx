// Creating an application (route, supervisors, exam result, Level 2
// certification) or changing them while it is editable.
import { useEffect, useState, type FormEvent } from "react";
import { addDoc, collection, doc, getDoc, getDocs, query, updateDoc, where } from "firebase/firestore";
import { sdk } from "../firebase";
import { describeError } from "../errors";
import { ROUTES } from "../domain";
import { navigate } from "../router";
import type { ApplicationData } from "../logbook/use-application";

interface Option {
  id: string;
  label: string;
}

const ROUTE_LABELS: Record<string, string> = {
  level2: "Level 2",
  "level3-via-level2": "Level 3 (holding Level 2)",
  "level3-direct": "Level 3 (direct)",
};

export function ApplicationForm({
  existing,
  editable = true,
}: {
  existing: ApplicationData | null;
  editable?: boolean;
}) {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const [route, setRoute] = useState(existing?.route ?? "level2");
  const [supervisorIds, setSupervisorIds] = useState<string[]>(existing?.supervisorIds ?? []);
  const [examResultId, setExamResultId] = useState(existing?.examResultId ?? "");
  const [level2Id, setLevel2Id] = useState(existing?.level2CertificationId ?? "");
  // Supervisors cannot read the profile: the application carries the name they see.
  const [candidateName, setCandidateName] = useState(existing?.candidateName ?? "");
  const [supervisors, setSupervisors] = useState<Option[]>([]);
  const [exams, setExams] = useState<Option[]>([]);
  const [certs, setCerts] = useState<Option[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    const load = async () => {
      const [s, e, c, profile] = await Promise.all([
        getDocs(collection(db, "supervisors")),
        getDocs(query(collection(db, "examResults"), where("uid", "==", uid))),
        getDocs(query(collection(db, "certifications"), where("uid", "==", uid))),
        getDoc(doc(db, "users", uid)),
      ]);
      const profileName = profile.get("displayName");
      if (typeof profileName === "string") setCandidateName((name) => name || profileName);
      setSupervisors(s.docs.map((d) => ({ id: d.id, label: `${d.data().name} (${d.data().body})` })));
      setExams(
        e.docs.map((d) => ({
          id: d.id,
          label: `Sitting ${d.data().sittingDate}: ${d.data().passed ? "passed" : "not passed"}`,
        })),
      );
      setCerts(
        c.docs
          .filter((d) => d.data().level === 2)
          .map((d) => ({ id: d.id, label: `Level 2, valid until ${d.data().expiresOn}` })),
      );
    };
    load().catch((err) =>
      setMessage({ text: describeError(err, { doing: "load the supervisors and your exam results" }), error: true }),
    );
  }, [db, uid]);

  function toggle(id: string, on: boolean) {
    setSupervisorIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (supervisorIds.length > 5) {
      setMessage({ text: "Name at most 5 supervisors.", error: true });
      return;
    }
    const fields = {
      route,
      supervisorIds,
      // Each route names only what it rests on (firestore.rules: logbookAccess).
      examResultId: route === "level3-via-level2" ? null : examResultId || null,
      level2CertificationId: route === "level3-via-level2" ? level2Id || null : null,
      ...(candidateName.trim() ? { candidateName: candidateName.trim() } : {}),
    };
    try {
      if (existing) {
        await updateDoc(doc(db, "applications", existing.id), fields);
        setMessage({ text: "Saved.", error: false });
      } else {
        const ref = await addDoc(collection(db, "applications"), { ...fields, ownerUid: uid, status: "draft" });
        navigate(`/applications/${ref.id}`);
      }
    } catch (err) {
      setMessage({
        text: describeError(err, {
          doing: "save the application",
          denied:
            "an application can be changed only by its candidate while it is a draft or returned, with at most 5 supervisors; creating one needs your passed exam result (Level 2, direct Level 3) or your current Level 2 certification (Level 3 via Level 2).",
        }),
        error: true,
      });
    }
  }

  return (
    <form onSubmit={save} aria-labelledby="application-form-title">
      <h2 id="application-form-title">{existing ? "Route and supervisors" : "New application"}</h2>
      <fieldset disabled={!editable}>
        <div className="field">
          <label htmlFor="route">Route</label>
          <select id="route" value={route} onChange={(e) => setRoute(e.target.value)}>
            {ROUTES.map((r) => (
              <option key={r} value={r}>
                {ROUTE_LABELS[r] ?? r}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="candidate-name">Your name as your supervisors see it</label>
          <input
            id="candidate-name"
            value={candidateName}
            maxLength={120}
            onChange={(e) => setCandidateName(e.target.value)}
          />
        </div>
        <fieldset>
          <legend>Supervisors (verified Level 3, at most 5)</legend>
          {supervisors.length === 0 && <p>No verified supervisors are registered yet.</p>}
          {supervisors.map((s) => (
            <div key={s.id}>
              <input
                type="checkbox"
                id={`supervisor-${s.id}`}
                checked={supervisorIds.includes(s.id)}
                onChange={(e) => toggle(s.id, e.target.checked)}
              />{" "}
              <label htmlFor={`supervisor-${s.id}`}>{s.label}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="exam-result">Exam result</label>
          <select id="exam-result" value={examResultId} onChange={(e) => setExamResultId(e.target.value)}>
            <option value="">(none yet)</option>
            {exams.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </select>
        </div>
        {route === "level3-via-level2" && (
          <div className="field">
            <label htmlFor="level2-cert">Level 2 certification</label>
            <select id="level2-cert" value={level2Id} onChange={(e) => setLevel2Id(e.target.value)}>
              <option value="">(choose)</option>
              {certs.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit">{existing ? "Save" : "Create application"}</button>
      </fieldset>
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "message"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
