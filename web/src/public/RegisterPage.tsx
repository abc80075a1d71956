// The public register (signed out): search by name, country and level, and
// verify a certificate by its number or verification code with the
// verifyCertificate HTTP function (Hosting rewrites /verify-certificate to it).
import { useState, type FormEvent } from "react";
import { collection, getDocs, limit, query, where, type QueryConstraint } from "firebase/firestore";
import { sdk } from "../firebase";
import { describeError } from "../errors";

interface Entry {
  id: string;
  name: string;
  level: number;
  country: string;
  expiresOn: string;
  certificateNumber: string;
}

/** What verifyCertificate answers (functions/src/grading/domain/register.ts, verificationAnswer). */
export interface Verification {
  status: "current" | "expired-in-window" | "lapsed" | "revoked" | "unknown";
  certificateNumber?: string | null;
  level?: number;
  awardedOn?: string;
  expiresOn?: string;
  name?: string | null;
  country?: string | null;
}

/** The same pattern as the server's CERTIFICATE_NUMBER; anything else is tried as a verification code. */
const CERTIFICATE_NUMBER = /^CMR-L[23]-\d{4}-\d{5,}$/i;

/** The verification in words. */
export function describeVerification(asked: string, v: Verification): { text: string; valid: boolean } {
  const who = [v.name, v.level ? `Level ${v.level}` : null, v.country].filter(Boolean).join(", ");
  const number = v.certificateNumber ?? asked;
  switch (v.status) {
    case "current":
      return { text: `Certificate ${number} is valid: ${who}, until ${v.expiresOn}.`, valid: true };
    case "expired-in-window":
      return {
        text: `Certificate ${number} (${who}) expired on ${v.expiresOn}; it can still be renewed, so the holder stays on the register for now.`,
        valid: false,
      };
    case "lapsed":
      return {
        text: `Certificate ${number} (Level ${v.level}) lapsed: it expired on ${v.expiresOn} and was not renewed.`,
        valid: false,
      };
    case "revoked":
      return {
        text: `Certificate ${number} (Level ${v.level}) was revoked by the certification committee.`,
        valid: false,
      };
    default:
      return { text: `No certification has the number or code ${asked}. Check it for typing mistakes.`, valid: false };
  }
}

/** The register is read whole per level/country (equality filters need no composite index) and filtered by name here. */
const REGISTER_PAGE = 1000;

const normalise = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export function matchesName(entry: { name: string }, text: string): boolean {
  const words = normalise(text).split(/\s+/).filter(Boolean);
  const name = normalise(entry.name);
  return words.every((w) => name.includes(w));
}

const toEntry = (id: string, d: Record<string, unknown>): Entry => ({
  id,
  name: String(d.name ?? ""),
  level: Number(d.level),
  country: String(d.country ?? ""),
  expiresOn: String(d.expiresOn ?? ""),
  certificateNumber: String(d.certificateNumber ?? ""),
});

export function RegisterPage() {
  const [name, setName] = useState("");
  const [country, setCountry] = useState("");
  const [level, setLevel] = useState("");
  const [results, setResults] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [number, setNumber] = useState("");
  const [verdict, setVerdict] = useState<{ text: string; valid: boolean } | null>(null);

  async function search(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const constraints: QueryConstraint[] = [];
    if (level) constraints.push(where("level", "==", Number(level)));
    if (country.trim()) constraints.push(where("country", "==", country.trim().toUpperCase()));
    try {
      const snap = await getDocs(query(collection(sdk().db, "register"), ...constraints, limit(REGISTER_PAGE)));
      const found = snap.docs.map((d) => toEntry(d.id, d.data())).filter((entry) => matchesName(entry, name));
      setResults(found.sort((a, b) => a.name.localeCompare(b.name)));
    } catch (err) {
      setError(describeError(err, { doing: "search the register" }));
    }
  }

  async function verify(e: FormEvent) {
    e.preventDefault();
    const asked = number.trim().toUpperCase();
    if (!/^[A-Z0-9-]{4,40}$/.test(asked)) {
      setVerdict({
        text: "Type a certificate number (like CMR-L2-2026-00001) or a verification code (like ABCD-EFGH-JKMN).",
        valid: false,
      });
      return;
    }
    const param = CERTIFICATE_NUMBER.test(asked) ? "number" : "code";
    try {
      const response = await fetch(`/verify-certificate?${param}=${encodeURIComponent(asked)}`);
      if (response.status === 400) {
        setVerdict(describeVerification(asked, { status: "unknown" }));
        return;
      }
      if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { code: "unavailable" });
      setVerdict(describeVerification(asked, (await response.json()) as Verification));
    } catch (err) {
      setVerdict({
        text: describeError(err instanceof TypeError ? Object.assign(err, { code: "unavailable" }) : err, {
          doing: "verify the certificate",
        }),
        valid: false,
      });
    }
  }

  return (
    <>
      <h1>Register of certified CMR physicians</h1>
      <form onSubmit={search} aria-labelledby="search-title" className="search">
        <h2 id="search-title">Search the register</h2>
        <div className="fields">
          <div className="field">
            <label htmlFor="register-name">Name</label>
            <input id="register-name" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="register-country">Country code</label>
            <input id="register-country" value={country} maxLength={3} onChange={(e) => setCountry(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="register-level">Level</label>
            <select id="register-level" value={level} onChange={(e) => setLevel(e.target.value)}>
              <option value="">any</option>
              <option value="2">Level 2</option>
              <option value="3">Level 3</option>
            </select>
          </div>
        </div>
        <button type="submit">Search</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {results && (
        <section aria-labelledby="results-title">
          <h2 id="results-title">Results</h2>
          <p role="status">{results.length === 0 ? "Nobody found." : `${results.length} found.`}</p>
          {results.length > 0 && (
            <table className="grid" aria-labelledby="results-title">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Level</th>
                  <th scope="col">Country</th>
                  <th scope="col">Valid until</th>
                  <th scope="col">Certificate number</th>
                </tr>
              </thead>
              <tbody>
                {results.map((r) => (
                  <tr key={r.id}>
                    <td>{r.name}</td>
                    <td>{r.level}</td>
                    <td>{r.country}</td>
                    <td>{r.expiresOn}</td>
                    <td>{r.certificateNumber}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <form onSubmit={verify} aria-labelledby="verify-title" className="search">
        <h2 id="verify-title">Verify a certificate</h2>
        <div className="field">
          <label htmlFor="certificate-number">Certificate number or verification code</label>
          <input id="certificate-number" value={number} onChange={(e) => setNumber(e.target.value)} required />
        </div>
        <button type="submit">Verify</button>
      </form>
      {verdict && (
        <p role="status" className={verdict.valid ? "message" : "error"} data-valid={verdict.valid}>
          {verdict.text}
        </p>
      )}
    </>
  );
}
