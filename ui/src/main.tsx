import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { App } from "./App";
import { Projector } from "./present/Projector";
import { ErrorBoundary, logUncaughtErrors } from "./components/ErrorBoundary";
import { EditorGate } from "./components/EditorGate";
import { installRemote } from "./ipc/remote";
import "./styles.css";

/** The projector window (see `projector.rs`) runs this same page; its label tells it apart. */
function isProjector(): boolean {
  try {
    return getCurrentWindow().label === "projector";
  } catch {
    return false; // Not in Tauri: the UI alone in a browser.
  }
}

// At the room's editor link (a co-editor's browser), the UI's commands go to the room.
const coEditor = installRemote();
logUncaughtErrors();
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        {coEditor ? (
          <EditorGate>
            <App />
          </EditorGate>
        ) : isProjector() ? (
          <Projector />
        ) : (
          <App />
        )}
      </ErrorBoundary>
    </StrictMode>,
  );
}
