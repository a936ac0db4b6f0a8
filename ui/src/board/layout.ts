/** Width of a phase column at 100 %, in CSS pixels (zoom scales the whole board). */
export const PHASE_WIDTH = 260;

/** A phase's column in CSS pixels, from its width in % of the standard one. */
export const phasePx = (width: number) => Math.round((width / 100) * PHASE_WIDTH);

/** The board grid's columns: the row labels, a phase of each width (in %), the add-phase column. */
export const boardColumns = (widths: number[]) => `var(--row-label-width) ${widths.map((w) => `${phasePx(w)}px`).join(" ")} var(--add-column-width)`;

export const cellKey = (phase: string, row: string) => `${phase}:${row}`;
