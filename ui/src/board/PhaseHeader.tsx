import type { Phase } from "../ipc";
import { useT } from "../i18n/context";
import type { Editor } from "../state/store";
import { PHASE_WIDTHS, addPhase, deleteBand, moveBandBy, resizePhaseBy } from "../journey/actions";
import { askConfirm } from "../components/Confirm";
import { InlineInput, MenuButton } from "../components/Menu";
import { PALETTE } from "../journey/palette";
import { followPointer } from "./drag";
import { reorderByDrag } from "./reorder";
import { PHASE_WIDTH, boardColumns } from "./layout";
import { useEditInPlace } from "./rename";

export function PhaseHeader({ editor, phase, index, count }: { editor: Editor; phase: Phase; index: number; count: number }) {
  const { t } = useT();
  const { editing, setEditing, self, stop: stopEditing } = useEditInPlace<"title" | "question">(editor, phase.id, "title");

  const update = (patch: { title?: string; question?: string; colour?: string; width?: number }) =>
    editor.send({ type: "updatePhase", phase: phase.id, ...patch });

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || editing || (e.target as HTMLElement).closest("button, input, textarea, .resize-handle")) return;
    e.stopPropagation();
    reorderByDrag(e, {
      selector: ".phase-header",
      axis: "x",
      onDrop: (to) => {
        if (to !== index) void editor.send({ type: "movePhase", phase: phase.id, index: to });
      },
    });
  };

  const onResize = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    const board = e.currentTarget.closest<HTMLElement>(".board");
    const startX = e.clientX;
    const zoom = editor.view.get().zoom;
    let width = phase.width;
    const columns = () => boardColumns(editor.journey.get().doc.phases.map((p) => (p.id === phase.id ? width : p.width)));
    followPointer(e, {
      start() {},
      move(ev) {
        const px = (phase.width / 100) * PHASE_WIDTH + (ev.clientX - startX) / zoom;
        width = Math.max(PHASE_WIDTHS.min, Math.min(PHASE_WIDTHS.max, Math.round((px / PHASE_WIDTH) * 100)));
        if (board) board.style.gridTemplateColumns = columns();
      },
      drop() {
        if (width !== phase.width) void update({ width });
      },
      cancel() {
        width = phase.width;
        if (board) board.style.gridTemplateColumns = columns();
      },
    });
  };

  const remove = () => deleteBand(editor, "phase", phase.id, (n) => askConfirm({ title: t.deletePhaseTitle(phase.title), body: t.deletePhaseBody(n), confirm: t.delete }));

  return (
    <div
      ref={self}
      className="phase-header"
      style={{ background: phase.colour }}
      // Reached by the arrow keys from the cards below it (the board is one Tab stop, walk.ts);
      // Alt+arrows move it, Alt+Shift+arrows resize it, Shift+F10 opens its menu (registry.ts).
      role="group"
      tabIndex={-1}
      aria-label={t.board.phase(index + 1, count, phase.title)}
      data-phase-id={phase.id}
      onPointerDown={onPointerDown}
    >
      <div className="phase-top">
        {editing === "title" ? (
          <InlineInput
            initial={phase.title}
            label={t.phaseTitle}
            onClose={stopEditing}
            onCommit={(title) => update({ title })}
          />
        ) : (
          <div className="phase-title" onDoubleClick={() => setEditing("title")} title={t.renameHint}>
            {phase.title}
          </div>
        )}
        <MenuButton
          tabIndex={-1}
          label={t.phaseMenu}
          items={[
            { label: t.rename, run: () => setEditing("title") },
            { label: t.editQuestion, run: () => setEditing("question") },
            { label: t.board.moveLeft, disabled: index === 0, run: () => moveBandBy(editor, "phase", phase.id, -1) },
            { label: t.board.moveRight, disabled: index === count - 1, run: () => moveBandBy(editor, "phase", phase.id, 1) },
            { label: t.board.narrower, disabled: phase.width <= PHASE_WIDTHS.min, run: () => resizePhaseBy(editor, phase.id, -1) },
            { label: t.board.wider, disabled: phase.width >= PHASE_WIDTHS.max, run: () => resizePhaseBy(editor, phase.id, 1) },
            { label: t.addPhaseBefore, run: () => addPhase(editor, index, t.newPhaseTitle) },
            { label: t.addPhaseAfter, run: () => addPhase(editor, index + 1, t.newPhaseTitle) },
            (close) => (
              <div className="swatches" role="group" aria-label={t.colour}>
                {PALETTE.map((p) => (
                  <button
                    key={p.colour}
                    role="menuitemradio"
                    aria-checked={p.colour === phase.colour}
                    className={`swatch${p.colour === phase.colour ? " on" : ""}`}
                    style={{ background: p.colour }}
                    aria-label={`${t.colour} ${t.colourNames[p.name]}`}
                    onClick={() => (close(), void update({ colour: p.colour }))}
                  />
                ))}
              </div>
            ),
            { label: t.deletePhase, danger: true, run: remove },
          ]}
        />
      </div>
      {editing === "question" ? (
        <InlineInput
          initial={phase.question}
          label={t.phaseQuestion}
          multiline
          allowBlank
          onClose={stopEditing}
          onCommit={(question) => update({ question })}
        />
      ) : phase.question ? (
        <div className="phase-question" onDoubleClick={() => setEditing("question")}>
          {phase.question}
        </div>
      ) : null}
      <div className="resize-handle" onPointerDown={onResize} title={t.resizeHint} aria-hidden="true" />
    </div>
  );
}
