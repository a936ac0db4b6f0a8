// What a row's kind decides is decided by a switch over every kind, with assertNever as its
// default: a third kind of row fails to compile at each of those places until it is handled
// there, instead of falling silently into the cards row's case.
import type { Row } from "../ipc";

export type RowKind = Row["kind"];

/** The default of a switch that handles every case: the value left over has type never. */
export function assertNever(value: never): never {
  throw new Error(`not handled: ${JSON.stringify(value)}`);
}
