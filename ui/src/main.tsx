import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { App } from "./App";
import { Projector } from "./present/Projector";
import { ErrorBoundary, logUncaughtErrors } from "./components/ErrorBoundary";
import "./styles.css";

/** The projector window (see `projector.rs`) runs this same page; its label tells it apart. */
function isProjector(): boolean {
  try {
    return getCurrentWindow().label === "projector";
  } catch {
    return false; // Not in Tauri: the UI alone in a browser.
  }
}

logUncaughtErrors();
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>{isProjector() ? <Projector /> : <App />}</ErrorBoundary>
    </StrictMode>,
  );
}
