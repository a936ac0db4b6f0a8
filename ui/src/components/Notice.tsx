import type { ReactNode } from "react";
import { useT } from "../i18n/context";

/** A message that does not block: shown at the bottom until dismissed, with any actions of its own. */
export function Notice({ children, actions, onDismiss }: { children: ReactNode; actions?: ReactNode; onDismiss(): void }) {
  const { t } = useT();
  return (
    <div className="toast notice" role="status">
      <span>{children}</span>
      {actions}
      <button onClick={onDismiss}>{t.dismiss}</button>
    </div>
  );
}
