import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { firebaseReady } from "./firebase";
import { App } from "./App";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);
firebaseReady().then(
  () =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  (e: unknown) =>
    root.render(
      <main>
        <h1>The certification site cannot start</h1>
        <p role="alert">{e instanceof Error ? e.message : String(e)}</p>
      </main>,
    ),
);
