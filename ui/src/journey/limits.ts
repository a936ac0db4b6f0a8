/** The core's limits the UI's fields stop at (docs/ARCHITECTURE.md, Limits). */
/** `fields::MAX_NOTES_CHARS`: notes, a phase's question, a journey's description, persona texts. */
export const MAX_NOTES_CHARS = 20_000;
