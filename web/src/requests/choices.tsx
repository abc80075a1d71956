// What a request form offers to choose from: the candidate's own exam results,
// certifications, applications and accepted evidence, and the supervisors'
// registry. Loaded once per form; a refused read is said in words.
import { useEffect, useId, useState } from "react";
import { collection, getDocs, query, where } from "firebase/firestore";
import { describeError } from "../errors";
import { sdk } from "../firebase";
import { today } from "../today";
import { holdsLevel3 } from "./forms";

export interface Option {
  id: string;
  label: string;
}

export interface Choices {
  results: Option[];
  certifications: Option[];
  evidence: Option[];
  /** Every registered supervisor (the signatory of an extension letter). */
  supervisors: Option[];
  /** Supervisors holding Level 3 today, other than the candidate: who may supervise remotely. */
  level3Supervisors: Option[];
  applications: (Option & { status: string })[];
}

export function useChoices(): { choices: Choices | null; error: string | null } {
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
      getDocs(query(collection(db, "applications"), where("ownerUid", "==", uid))),
    ])
      .then(([results, certs, evidence, supervisors, applications]) => {
        const day = today();
        const supervisorLabel = (d: (typeof supervisors.docs)[number]) =>
          `${d.get("name") ?? d.id}${d.get("institution") ? ` (${d.get("institution")})` : ""}`;
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
          level3Supervisors: supervisors.docs
            .filter((d) => d.id !== uid && holdsLevel3(d.get("level3From"), d.get("level3Until"), day))
            .map((d) => ({ id: d.id, label: supervisorLabel(d) })),
          applications: applications.docs.map((d) => ({
            id: d.id,
            status: String(d.get("status")),
            label: `${d.id} (${d.get("route")}, ${d.get("status")})`,
          })),
        });
      })
      .catch((err) =>
        setError(describeError(err, { doing: "load your results, certifications, applications and evidence" })),
      );
  }, [uid]);
  return { choices, error };
}

export function Select({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: Option[];
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
