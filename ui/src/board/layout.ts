/** Width of a phase column at 100 %, in CSS pixels (zoom scales the whole board). */
export const PHASE_WIDTH = 260;

export const cellKey = (phase: string, row: string) => `${phase}:${row}`;
