// The candidate's profile: name, country, physician registration and ACLS
// (which the engine checks), and the membership tier (set by administrators).
import { useEffect, useState, type FormEvent } from "react";
import { doc, getDoc, setDoc } from "firebase/firestore";
import { sdk } from "../firebase";
import { describeError } from "../errors";

interface Profile {
  displayName?: string;
  email?: string;
  country?: string;
  membership?: string;
  physicianRegistration?: { validUntil: string } | null;
  acls?: { kind: string; validUntil: string | null; evidenceId: string | null } | null;
}

export function ProfilePage() {
  const { db, auth } = sdk();
  const user = auth.currentUser;
  const ref = doc(db, "users", user?.uid ?? "-");
  const [profile, setProfile] = useState<Profile | null>(null);
  const [form, setForm] = useState({
    displayName: "",
    country: "",
    registrationUntil: "",
    aclsKind: "",
    aclsUntil: "",
  });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    getDoc(ref)
      .then((snap) => {
        const p = (snap.data() ?? {}) as Profile;
        setProfile(p);
        setForm({
          displayName: p.displayName ?? user?.displayName ?? "",
          country: p.country ?? "",
          registrationUntil: p.physicianRegistration?.validUntil ?? "",
          aclsKind: p.acls?.kind ?? "",
          aclsUntil: p.acls?.validUntil ?? "",
        });
      })
      .catch((err) => setMessage({ text: describeError(err, { doing: "open your profile" }), error: true }));
    // The signed-in user does not change on this page.
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    const update: Profile = {
      displayName: form.displayName.trim() || undefined,
      country: form.country.trim() || undefined,
      physicianRegistration: form.registrationUntil ? { validUntil: form.registrationUntil } : null,
      acls: form.aclsKind
        ? { kind: form.aclsKind, validUntil: form.aclsUntil || null, evidenceId: profile?.acls?.evidenceId ?? null }
        : null,
    };
    if (user?.email && !profile?.email) update.email = user.email;
    try {
      await setDoc(ref, JSON.parse(JSON.stringify(update)), { merge: true });
      setMessage({ text: "Profile saved.", error: false });
    } catch (err) {
      setMessage({
        text: describeError(err, {
          doing: "save your profile",
          denied: "you may change only your own profile; dates must be real dates and the name at most 120 characters.",
        }),
        error: true,
      });
    }
  }

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <>
      <h1>Your profile</h1>
      {profile === null && !message && <p role="status">Loading…</p>}
      <form onSubmit={save}>
        <div className="field">
          <label htmlFor="displayName">Name</label>
          <input id="displayName" value={form.displayName} onChange={set("displayName")} autoComplete="name" />
        </div>
        <div className="field">
          <label htmlFor="country">Country</label>
          <input id="country" value={form.country} onChange={set("country")} autoComplete="country" />
        </div>
        <div className="field">
          <label htmlFor="registrationUntil">Physician registration valid until</label>
          <input
            id="registrationUntil"
            type="date"
            value={form.registrationUntil}
            onChange={set("registrationUntil")}
          />
        </div>
        <div className="field">
          <label htmlFor="aclsKind">ACLS</label>
          <select id="aclsKind" value={form.aclsKind} onChange={set("aclsKind")}>
            <option value="">(none)</option>
            <option value="certificate">certificate</option>
            <option value="routine-practice">routine practice</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="aclsUntil">ACLS certificate valid until</label>
          <input id="aclsUntil" type="date" value={form.aclsUntil} onChange={set("aclsUntil")} />
        </div>
        <p>
          Membership: <strong>{profile?.membership ?? "non-member"}</strong> (set by the certification team; it sets the
          recertification fee)
        </p>
        <p>E-mail: {user?.email}</p>
        <button type="submit">Save profile</button>
      </form>
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "message"}>
          {message.text}
        </p>
      )}
    </>
  );
}
