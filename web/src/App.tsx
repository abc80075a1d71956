// The shell: who is signed in, the navigation and the screen for the path.
import { lazy, Suspense, useEffect, useState } from "react";
import { onAuthStateChanged, signOut, type User } from "firebase/auth";
import { doc, getDoc } from "firebase/firestore";
import { sdk } from "./firebase";
import { Link, navigate, useLocation } from "./router";
import { RegisterPage } from "./public/RegisterPage";
import { SignInPage } from "./SignInPage";
// ---------- recertification review and exam board (web-rx) ----------
import { BoardLinks, boardScreen, useBoardRole } from "./boards/roles";
// ---------- end recertification review and exam board ----------

const ApplicationsPage = lazy(() =>
  import("./candidate/ApplicationsPage").then((m) => ({ default: m.ApplicationsPage })),
);
const LogbookPage = lazy(() => import("./candidate/LogbookPage").then((m) => ({ default: m.LogbookPage })));
const EvidencePage = lazy(() => import("./evidence/EvidencePage").then((m) => ({ default: m.EvidencePage })));
const ProfilePage = lazy(() => import("./candidate/ProfilePage").then((m) => ({ default: m.ProfilePage })));
const SupervisionListPage = lazy(() =>
  import("./supervisor/SupervisionPages").then((m) => ({ default: m.SupervisionListPage })),
);
const GradingQueuePage = lazy(() => import("./grading/GradingPages").then((m) => ({ default: m.GradingQueuePage })));
const GradingRoundPage = lazy(() => import("./grading/GradingPages").then((m) => ({ default: m.GradingRoundPage })));
const ExamPage = lazy(() => import("./exam/ExamPage").then((m) => ({ default: m.ExamPage })));
const RequestsPage = lazy(() => import("./requests/RequestsPage").then((m) => ({ default: m.RequestsPage })));
const RecertificationPage = lazy(() =>
  import("./recertification/RecertificationPage").then((m) => ({ default: m.RecertificationPage })),
);
const SupervisionPage = lazy(() =>
  import("./supervisor/SupervisionPages").then((m) => ({ default: m.SupervisionPage })),
);

/** The grading roles (Auth custom claims), which open the grading screens. */
const GRADING_ROLES = ["grader", "committee", "chair"] as const;
type GradingRole = (typeof GRADING_ROLES)[number];
const gradingRole = (role: unknown): GradingRole | null =>
  GRADING_ROLES.includes(role as GradingRole) ? (role as GradingRole) : null;

interface SignedIn {
  user: User | null | undefined;
  supervisor: boolean;
  role: GradingRole | null;
}

function useSignedIn(): SignedIn {
  const [state, setState] = useState<SignedIn>({ user: undefined, supervisor: false, role: null });
  useEffect(
    () =>
      onAuthStateChanged(sdk().auth, async (u) => {
        if (!u) {
          setState({ user: null, supervisor: false, role: null });
          return;
        }
        // Known before the first screen renders, so /home opens the right one.
        const [snap, token] = await Promise.all([
          getDoc(doc(sdk().db, "supervisors", u.uid)).catch(() => null),
          u.getIdTokenResult().catch(() => null),
        ]);
        setState({ user: u, supervisor: !!snap?.exists(), role: gradingRole(token?.claims.role) });
      }),
    [],
  );
  return state;
}

function Screen({
  path,
  user,
  supervisor,
  role,
}: {
  path: string;
  user: User | null;
  supervisor: boolean;
  role: GradingRole | null;
}) {
  const signedInOnly = (screen: React.ReactNode) => (user ? screen : <SignInPage />);
  if (path === "/" || path === "/register") return <RegisterPage />;
  if (path === "/sign-in") return <SignInPage />;
  if (path === "/exam") return <ExamPage />;
  if (path === "/home") {
    if (!user) return <SignInPage />;
    if (role) return <GradingQueuePage role={role} />;
    return supervisor ? <SupervisionListPage /> : <ApplicationsPage />;
  }
  if (path === "/grading") return signedInOnly(<GradingQueuePage role={role ?? "grader"} />);
  const graded = /^\/grading\/([A-Za-z0-9_-]+)$/.exec(path);
  if (graded) return signedInOnly(<GradingRoundPage key={graded[1]} appId={graded[1]} role={role ?? "grader"} />);
  if (path === "/applications") return signedInOnly(<ApplicationsPage />);
  if (path === "/requests") return signedInOnly(<RequestsPage deciding={role === "committee" || role === "chair"} />);
  if (path === "/recertification") return signedInOnly(<RecertificationPage />);
  if (path === "/profile") return signedInOnly(<ProfilePage />);
  if (path === "/evidence") return signedInOnly(<EvidencePage />);
  if (path === "/supervision") return signedInOnly(<SupervisionListPage />);
  const logbook = /^\/applications\/([A-Za-z0-9_-]+)$/.exec(path);
  if (logbook) return signedInOnly(<LogbookPage key={logbook[1]} appId={logbook[1]} />);
  const supervised = /^\/supervision\/([A-Za-z0-9_-]+)$/.exec(path);
  if (supervised) return signedInOnly(<SupervisionPage key={supervised[1]} appId={supervised[1]} />);
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to the register</Link>
      </p>
    </>
  );
}

export function App() {
  const { path } = useLocation();
  const { user, supervisor, role } = useSignedIn();
  // ---------- recertification review and exam board (web-rx) ----------
  const boardRole = useBoardRole(user);
  const board = boardScreen(path, boardRole ?? null);
  // ---------- end recertification review and exam board ----------
  useEffect(() => {
    // Move focus to the new screen's heading, so that screen readers announce it.
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header>
        <nav aria-label="Main">
          <Link to="/" aria-current={path === "/" ? "page" : undefined}>
            Register
          </Link>
          <Link to="/exam" aria-current={path === "/exam" ? "page" : undefined}>
            Exam
          </Link>
          {user && (
            <>
              <Link to="/applications" aria-current={path.startsWith("/applications") ? "page" : undefined}>
                Applications
              </Link>
              <Link to="/profile" aria-current={path === "/profile" ? "page" : undefined}>
                Profile
              </Link>
              <Link to="/evidence" aria-current={path === "/evidence" ? "page" : undefined}>
                Evidence
              </Link>
              <Link to="/requests" aria-current={path === "/requests" ? "page" : undefined}>
                Requests
              </Link>
              <Link to="/recertification" aria-current={path === "/recertification" ? "page" : undefined}>
                Recertification
              </Link>
              {role && (
                <Link to="/grading" aria-current={path.startsWith("/grading") ? "page" : undefined}>
                  Grading
                </Link>
              )}
              {supervisor && (
                <Link to="/supervision" aria-current={path.startsWith("/supervision") ? "page" : undefined}>
                  Supervision
                </Link>
              )}
              {/* recertification review and exam board (web-rx) */}
              <BoardLinks path={path} role={boardRole} />
            </>
          )}
        </nav>
        <div className="account">
          {user === undefined ? null : user ? (
            <>
              <span>Signed in as {user.email}</span>{" "}
              <button type="button" onClick={() => signOut(sdk().auth).then(() => navigate("/"))}>
                Sign out
              </button>
            </>
          ) : (
            <Link to="/sign-in">Sign in</Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {user === undefined ? (
          <p role="status">Loading…</p>
        ) : (
          <Suspense fallback={<p role="status">Loading…</p>}>
            {/* recertification review and exam board (web-rx): signed in, once the role is known */}
            {board && !user ? (
              <SignInPage />
            ) : board && boardRole === undefined ? (
              <p role="status">Loading…</p>
            ) : (
              (board ?? <Screen path={path} user={user} supervisor={supervisor} role={role} />)
            )}
          </Suspense>
        )}
      </main>
    </>
  );
}
