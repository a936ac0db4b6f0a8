import type { ReactNode } from "react";
import { useT } from "../i18n/context";

/**
 * A message that does not block: shown at the bottom until dismissed, with any actions of its own.
 * With `error` it says what failed, at once (an alert, on the dark toast); `dark` puts a plain
 * message on the dark toast too (a deletion that can be undone).
 */
export function Notice({ children, actions, error = false, dark = error, onDismiss }: { children: ReactNode; actions?: ReactNode; error?: boolean; dark?: boolean; onDismiss(): void }) {
  const { t } = useT();
  return (
    <div className={dark ? "toast" : "toast notice"} role={error ? "alert" : "status"}>
      <span>{children}</span>
      {actions}
      <button onClick={onDismiss}>{t.dismiss}</button>
    </div>
  );
}
