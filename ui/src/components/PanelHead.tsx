import { useT } from "../i18n/context";
import { Icon } from "./Icon";

/** A side panel's title and its close button, alike in every panel. */
export function PanelHead({ title, onClose, closeLabel }: { title: string; onClose(): void; closeLabel?: string }) {
  const { t } = useT();
  return (
    <div className="panel-head">
      {/* Focusable by the editor, which takes the keyboard into a panel the user opens. */}
      <h2 tabIndex={-1}>{title}</h2>
      <button onClick={onClose} aria-label={closeLabel ?? t.close} title={closeLabel ?? t.close}>
        <Icon name="close" />
      </button>
    </div>
  );
}
