import { defineConfig } from "vite";

// The engine (functions/src/logbook/domain) is imported from outside this
// workspace: the browser runs the same pure code as the server.
export default defineConfig({
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The first screen's budget is checked by `npm run bench:web`; this only silences Vite's generic warning.
    chunkSizeWarningLimit: 700,
  },
});
