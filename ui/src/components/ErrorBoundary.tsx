// A window that hits an error of its own does not go blank without a word: what was drawn is
// replaced by a line saying so and a Reload, and the error goes to the log a facilitator can send
// (`logs::log_window_error`). Every change is saved as it is made, so a reload loses nothing.
import { Component, type ReactNode } from "react";
import { api } from "../ipc";
import { messages, toLocale } from "../i18n";

/** Sends an error to the app's log: its name, message and where (no journey text is in these). */
export function logWindowError(error: unknown): void {
  const e = error instanceof Error ? error : new Error(String(error));
  const where = (e.stack ?? "").split("\n").slice(0, 4).join(" | ");
  void api.logWindowError(`${e.name}: ${e.message} @ ${where}`).catch(() => undefined);
}

/** Errors no screen caught: logged, so that a window that misbehaves leaves a trace. */
export function logUncaughtErrors(): void {
  window.addEventListener("error", (e) => logWindowError(e.error ?? e.message));
  window.addEventListener("unhandledrejection", (e) => logWindowError(e.reason));
}

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: unknown): void {
    logWindowError(error);
  }

  render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    // The UI's language is not known here for sure: the system's, as at the first start.
    const t = messages(toLocale(navigator.language));
    return (
      <div className="window-error" role="alert">
        <p>{t.windowError}</p>
        <button className="primary" onClick={() => location.reload()}>
          {t.reload}
        </button>
      </div>
    );
  }
}
