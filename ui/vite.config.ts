import { defineConfig } from "vite";

// The app is served from the Tauri binary (custom protocol) with a strict CSP: no inline scripts,
// no remote origins. Relative asset paths keep the build working from any origin.
export default defineConfig({
  base: "./",
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true, sourcemap: false },
});
