// A dialog's Save that writes a file (the poster, an export): busy while the core writes it, then
// where the file went or why it could not be written, said beside the dialog's buttons.
import { useState } from "react";
import { useT } from "../i18n/context";

export function useSave() {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ saved: string } | { error: string } | null>(null);
  /** `file` writes it and resolves to where it went, or to null when nothing was written (a dialog cancelled). */
  const write = async (file: () => Promise<string | null>) => {
    setBusy(true);
    setSaid(null);
    try {
      const path = await file();
      if (path) setSaid({ saved: path });
    } catch (e) {
      setSaid({ error: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const shown = !said ? null : "saved" in said ? (
    <span className="poster-saved" role="status">
      {t.poster.saved(said.saved)}
    </span>
  ) : (
    <span className="poster-error" role="alert">
      {said.error}
    </span>
  );
  /** `said`: what the last Save did, for the dialog to show once it is no longer busy. */
  return { busy, said: shown, write, forget: () => setSaid(null) };
}
