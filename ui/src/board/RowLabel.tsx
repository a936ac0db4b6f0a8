import type { Row } from "../ipc";
import { useT } from "../i18n/context";
import type { Editor } from "../state/store";
import { deleteBand, moveBandBy } from "../journey/actions";
import { askConfirm } from "../components/Confirm";
import { InlineInput, MenuButton } from "../components/Menu";
import { reorderByDrag } from "./reorder";
import { useEditInPlace } from "./rename";
import { assertNever, type RowKind } from "../journey/rowKinds";

/** What the row menu offers to turn a row of this kind into. */
function turnedInto(kind: RowKind): { kind: RowKind; label: "makeCardsRow" | "makeEmotionRow" } {
  switch (kind) {
    case "cards":
      return { kind: "emotion", label: "makeEmotionRow" };
    case "emotion":
      return { kind: "cards", label: "makeCardsRow" };
    default:
      return assertNever(kind);
  }
}

/** A row's label on the left (sticky while scrolling); `collapsed` draws a hidden row as a thin strip. */
export function RowLabel({ editor, row, index, count, collapsed = false }: { editor: Editor; row: Row; index: number; count: number; collapsed?: boolean }) {
  const { t } = useT();
  const { editing, setEditing, self, stop } = useEditInPlace(editor, row.id, "title");
  const update = (patch: { title?: string; kind?: RowKind; hidden?: boolean }) => editor.send({ type: "updateRow", row: row.id, ...patch });
  const turnInto = turnedInto(row.kind);
  const addRow = (at: number) => editor.send({ type: "addRow", index: at, title: t.newRowTitle, kind: "cards", hidden: false });

  const remove = () => deleteBand(editor, "row", row.id, (n) => askConfirm({ title: t.deleteRowTitle(row.title), body: t.deleteRowBody(n), confirm: t.delete }));

  if (collapsed) {
    return (
      <div className="row-collapsed" style={{ gridColumn: "1 / -1" }} data-row-id={row.id}>
        {/* The label and its button stay together in view while the board scrolls sideways. */}
        <span className="row-collapsed-label">
          <span>
            {row.title} · {t.hiddenRow}
          </span>
          <button onClick={() => void update({ hidden: false })}>{t.showRow}</button>
        </span>
      </div>
    );
  }

  return (
    <div
      ref={self}
      className={`row-label ${row.kind}`}
      style={{ background: row.colour }}
      // Reached by the arrow keys from the cards beside it (the board is one Tab stop, walk.ts);
      // Alt+↑ and Alt+↓ move it, Shift+F10 opens its menu (registry.ts).
      role="group"
      tabIndex={-1}
      aria-label={t.board.row(index + 1, count, row.title)}
      data-row-id={row.id}
      onPointerDown={(e) => {
        if (e.button !== 0 || editing || (e.target as HTMLElement).closest("button, input")) return;
        e.stopPropagation();
        reorderByDrag(e, {
          selector: ".row-label",
          axis: "y",
          onDrop: (to) => {
            // Hidden rows are strips, not labels: count them back in to get the row's index.
            const visible = editor.journey.get().doc.rows.filter((r) => !r.hidden && r.id !== row.id);
            const before = visible[to];
            const rows = editor.journey.get().doc.rows.filter((r) => r.id !== row.id);
            const at = before ? rows.indexOf(before) : rows.length;
            if (at !== index) void editor.send({ type: "moveRow", row: row.id, index: at });
          },
        });
      }}
    >
      {editing ? (
        <InlineInput
          initial={row.title}
          label={t.rowTitle}
          onClose={stop}
          onCommit={(title) => update({ title })}
        />
      ) : (
        <span className="row-title" onDoubleClick={() => setEditing("title")} title={t.renameHint}>
          {row.title}
        </span>
      )}
      <MenuButton
        tabIndex={-1}
        label={t.rowMenu}
        items={[
          { label: t.rename, run: () => setEditing("title") },
          { label: t.board.moveUp, disabled: index === 0, run: () => moveBandBy(editor, "row", row.id, -1) },
          { label: t.board.moveDown, disabled: index === count - 1, run: () => moveBandBy(editor, "row", row.id, 1) },
          { label: t.addRowAbove, run: () => addRow(index) },
          { label: t.addRowBelow, run: () => addRow(index + 1) },
          { label: t[turnInto.label], run: () => update({ kind: turnInto.kind }) },
          { label: t.hideRow, run: () => update({ hidden: true }) },
          { label: t.deleteRow, danger: true, run: remove },
        ]}
      />
    </div>
  );
}
