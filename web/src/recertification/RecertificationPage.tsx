// Recertification (docs/recertification.md): a holder opens the application
// for a certification in its window (openRecertification), sees the fee of
// their membership tier and pays by card through the "Run Payments with
// Stripe" extension (a checkout session document with exactly the fields the
// rules accept; the extension adds the Checkout URL), then follows the status
// and the live report (validation/current).
import { useEffect, useState } from "react";
import { addDoc, collection, doc, onSnapshot, query, where } from "firebase/firestore";
import { callFunction } from "../callables";
import { describeError } from "../errors";
import { ErrorText, Feedback, type Message } from "../feedback";
import { sdk } from "../firebase";
import { useLiveDoc, useLiveQuery, type LiveDoc } from "../live";
import { DEFAULT_POLICY, type Finding, type Requirement } from "../domain";
import { cycleOf } from "./domain";
import { RequirementBar } from "../logbook/ReportView";
import { HolderDocuments, HolderQuestions, WithdrawButton } from "./HolderPanels";

interface Certification {
  level: number;
  status: string;
  certificateNumber?: string;
  expiresOn: string;
  recertificationApplicationId?: string | null;
}

export interface Recertification {
  certificationId: string;
  status: "awaiting-payment" | "open" | "submitted" | "renewed" | "refused" | "withdrawn" | "lapsed";
  openedOn: string;
  window: { opensOn: string; closesOn: string };
  fee: { tier: string; amountMinor: number; currency: string };
  paid: { method: "stripe" | "bank-transfer"; amountMinor: number; currency: string; paidOn: string } | null;
  uid?: string;
  checklist?: unknown;
  letterEvidenceId?: unknown;
  submission?: number;
  submittedOn?: string;
  awaitingChair?: boolean;
  decision?: { outcome: "renew" | "refuse"; reasons: string[]; decidedOn: string };
  renewedCertificationId?: string | null;
}

export interface Report {
  eligible: boolean;
  asOf: string;
  cycle: { from: string; until: string };
  requirements: Requirement[];
  findings: Finding[];
}

const STATUS_TEXT: Record<Recertification["status"], string> = {
  "awaiting-payment": "awaiting payment of the fee",
  open: "paid: upload your documents and CME, then submit",
  submitted: "submitted: the certification committee is reviewing it",
  renewed: "renewed: your new certificate is issued",
  refused: "refused",
  withdrawn: "withdrawn",
  lapsed: "lapsed: the window closed before it was submitted",
};

/** The fee as a person reads it: "€75.00". */
export function formatFee({ amountMinor, currency }: { amountMinor: number; currency: string }): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: currency.toUpperCase() }).format(
    amountMinor / 100,
  );
}

/** The checkout session document, with exactly the fields firestore.rules accepts. */
export function checkoutSession(appId: string, fee: { amountMinor: number; currency: string }, origin: string) {
  const back = `${origin}/recertification?application=${encodeURIComponent(appId)}`;
  return {
    mode: "payment",
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: fee.currency,
          unit_amount: fee.amountMinor,
          product_data: { name: "EACVI CMR recertification" },
        },
      },
    ],
    success_url: `${back}&payment=done`,
    cancel_url: `${back}&payment=cancelled`,
    metadata: { recertificationId: appId },
    client: "web",
  };
}

const CHECKOUT_DENIED =
  "only the holder may pay, for their own application while it awaits payment, and for exactly its fee.";

export function RecertificationPage() {
  const { db, auth } = sdk();
  const uid = auth.currentUser?.uid ?? "";
  const certs = useLiveQuery<Certification>(query(collection(db, "certifications"), where("uid", "==", uid)), uid, {
    doing: "list your certifications",
  });
  const apps = useLiveQuery<Recertification>(query(collection(db, "recertifications"), where("uid", "==", uid)), uid, {
    doing: "list your recertification applications",
  });
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function open(certId: string, number: string) {
    setBusy(true);
    setMessage(null);
    try {
      const out = await callFunction<{ applicationId: string; fee: { amountMinor: number; currency: string } }>(
        "openRecertification",
        { certificationId: certId },
      );
      setMessage({
        text: `Recertification ${out.applicationId} opened: the fee is ${formatFee(out.fee)}.`,
        error: false,
      });
    } catch (err) {
      setMessage({ text: describeError(err, { doing: `open the recertification of ${number}` }), error: true });
    } finally {
      setBusy(false);
    }
  }

  const current = (certs.value ?? []).filter((c) => c.data.status === "active" || c.data.status === "expired");
  return (
    <>
      <h1>Recertification</h1>
      <section aria-labelledby="certs-heading">
        <h2 id="certs-heading">Your certifications</h2>
        <ErrorText text={certs.error} />
        {certs.value?.length === 0 && <p>You hold no certification.</p>}
        {current.length > 0 && (
          <table className="grid" aria-label="Your certifications">
            <thead>
              <tr>
                <th scope="col">Certificate</th>
                <th scope="col">Level</th>
                <th scope="col">Valid until</th>
                <th scope="col">Recertification</th>
              </tr>
            </thead>
            <tbody>
              {current.map(({ id, data }) => {
                const number = data.certificateNumber ?? id;
                return (
                  <tr key={id}>
                    <td>{number}</td>
                    <td>{data.level}</td>
                    <td>{data.expiresOn}</td>
                    <td>
                      {data.recertificationApplicationId ? (
                        `application ${data.recertificationApplicationId}`
                      ) : (
                        <button type="button" disabled={busy} onClick={() => void open(id, number)}>
                          Open the recertification of {number}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p>
          You may apply from six months before to six months after your certificate&apos;s expiry date; outside that
          window the server says why.
        </p>
        <Feedback message={message} />
      </section>
      <ErrorText text={apps.error} />
      {[...(apps.value ?? [])]
        .sort((a, b) => b.data.openedOn.localeCompare(a.data.openedOn))
        .map((a) => (
          <Application
            key={a.id}
            app={a}
            uid={uid}
            expiresOn={certs.value?.find((c) => c.id === a.data.certificationId)?.data.expiresOn ?? null}
          />
        ))}
    </>
  );
}

export function Decision({
  decision,
  renewed,
}: {
  decision: NonNullable<Recertification["decision"]>;
  renewed: string | null;
}) {
  return (
    <div data-decision={decision.outcome}>
      <p>
        Decided on {decision.decidedOn}:{" "}
        {decision.outcome === "renew" ? `renewed${renewed ? ` (certification ${renewed})` : ""}` : "refused"}.
      </p>
      {decision.reasons.length > 0 && (
        <ul aria-label="Reasons">
          {decision.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Application({
  app: { id, data },
  uid,
  expiresOn,
}: {
  app: LiveDoc<Recertification>;
  uid: string;
  /** The certification's expiry: the cycle's end, known before the server's first report. */
  expiresOn: string | null;
}) {
  const { db } = sdk();
  const report = useLiveDoc<Report>(doc(db, "recertifications", id, "validation", "current"), id, {
    doing: "read the report of your recertification",
  });
  const [checkout, setCheckout] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);

  // The extension adds the Checkout URL (or an error) to the session document: then the browser goes to Stripe.
  useEffect(() => {
    if (!checkout) return;
    return onSnapshot(doc(db, "customers", uid, "checkout_sessions", checkout), (snap) => {
      const url = snap.get("url");
      const error = snap.get("error");
      if (typeof url === "string") window.location.assign(url);
      else if (error)
        setMessage({ text: `The payment service refused the payment: ${error.message ?? error}`, error: true });
    });
  }, [checkout]);

  async function pay() {
    setMessage(null);
    try {
      const ref = await addDoc(
        collection(db, "customers", uid, "checkout_sessions"),
        checkoutSession(id, data.fee, window.location.origin),
      );
      setCheckout(ref.id);
      setMessage({ text: "Waiting for the payment page…", error: false });
    } catch (err) {
      setMessage({ text: describeError(err, { doing: "start the payment", denied: CHECKOUT_DENIED }), error: true });
    }
  }

  const r = report.value?.data;
  const headingId = `recert-${id}`;
  return (
    <section aria-labelledby={headingId} className="recertification" data-recertification-status={data.status}>
      <h2 id={headingId}>Recertification {id}</h2>
      <p>
        Status: {STATUS_TEXT[data.status]}. Opened on {data.openedOn}; the application window runs from{" "}
        {data.window.opensOn} to {data.window.closesOn}.
      </p>
      <p data-fee>
        Fee: {formatFee(data.fee)} excluding VAT ({data.fee.tier} tier)
        {data.paid
          ? `: ${formatFee(data.paid)} paid on ${data.paid.paidOn} (${data.paid.method === "stripe" ? "card" : "bank transfer"})`
          : ""}
        .
      </p>
      {data.status === "awaiting-payment" && (
        <p>
          <button type="button" onClick={() => void pay()} disabled={!!checkout}>
            Pay {formatFee(data.fee)} by card
          </button>{" "}
          A bank transfer is also possible: the certification team records it.
        </p>
      )}
      <Feedback message={message} />
      {data.decision && <Decision decision={data.decision} renewed={data.renewedCertificationId ?? null} />}
      {data.status === "open" && (
        <HolderDocuments
          id={id}
          uid={uid}
          app={data}
          eligible={r?.eligible === true}
          cycle={r?.cycle ?? (expiresOn ? cycleOf({ expiresOn }, DEFAULT_POLICY) : null)}
        />
      )}
      {(data.status === "awaiting-payment" || data.status === "open") && (
        <WithdrawButton id={id} label={`Withdraw recertification ${id}`} />
      )}
      {(data.status === "submitted" || data.status === "renewed" || data.status === "refused") && (
        <HolderQuestions id={id} uid={uid} />
      )}
      <h3>Report</h3>
      <ErrorText text={report.error} />
      {report.value === null && <p>No report yet: it is computed once the application changes.</p>}
      {r && <RecertReport report={r} id={id} />}
    </section>
  );
}

/** A recertification report (the live one or a snapshot's): eligibility, requirement bars, findings. */
export function RecertReport({ report: r, id }: { report: Report; id: string }) {
  return (
    <div className="report" data-eligible={r.eligible}>
      <p className="eligibility">
        {r.eligible ? "Eligible for submission" : "Not eligible yet"} (as of {r.asOf}; cycle {r.cycle.from} to{" "}
        {r.cycle.until})
      </p>
      <ul aria-label={`Requirements of ${id}`} className="requirements">
        {r.requirements.map((q) => (
          <RequirementBar key={q.id} requirement={q} />
        ))}
      </ul>
      {r.findings.length > 0 && (
        <ul aria-label={`Findings of ${id}`}>
          {r.findings.map((f, i) => (
            <li key={i} className={f.severity}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
