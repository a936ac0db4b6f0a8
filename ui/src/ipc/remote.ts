// A co-editor's browser (issue 26): the room's editor link `/e/TOKEN/` serves this same UI, and
// this module lets it run unchanged. Every command of the generated bindings goes to the room's
// `POST rpc` as the JSON line `journeywall rpc` reads; the shell commands (a file saved, the
// menu, the window) are answered in the page; the room's event stream becomes the app's own
// events (`room-changed`, `database-changed`), so the board follows others' edits by one path,
// the app's (editor/following.ts).
//
// The transport is Tauri's own `mockIPC` (with its in-page events) rather than a hand-made
// `window.__TAURI_INTERNALS__`: it is the one the UI tests already trust, and it gives `listen`
// and `emit` in the page for nothing.
import { mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { useSyncExternalStore } from "react";
import type { Changes_Serialize, EditorInfo_Serialize } from "./bindings";

export type EditorInfo = EditorInfo_Serialize;

export interface RemoteState {
  /** This editor as the room knows them (null before the first answer). */
  me: EditorInfo | null;
  /** The laptop cannot be reached: calls wait, and the page tries again by itself. */
  lost: boolean;
  /** The laptop answers, but not at this link: the facilitator closed the map to co-editors (calls wait too). */
  closed: boolean;
}

/** What an edit changed and whose it was (null: the facilitator, a phone). */
export interface RemoteChange {
  by: number | null;
  changes: Changes_Serialize;
}

/** Calls whose repeat must not be done twice: they carry an id the room remembers. */
const ONCE = new Set(["apply_edit", "undo", "redo"]);
/** The stream's heartbeat comes every 15 s: silence for longer is a connection gone quiet. */
const SILENCE_MS = 40_000;

let state: RemoteState = { me: null, lost: false, closed: false };
const watchers = new Set<() => void>();
const changeWatchers = new Set<(c: RemoteChange) => void>();
/** Who else is editing, as last heard: carried with every `room-changed` the page emits. */
let editors: EditorInfo[] = [];
/** The room's journey, once opened: `room-changed` names it. */
let journey = "";
/** Calls waiting for the laptop to be back. */
let backAgain: (() => void)[] = [];

function set(patch: Partial<RemoteState>): void {
  state = { ...state, ...patch };
  for (const w of watchers) w();
}

/** The path of the editor link this page was opened at ("/e/TOKEN"), or null (the app, a test). */
function linkBase(): string | null {
  if ("__TAURI_INTERNALS__" in window) return null;
  const m = /^\/e\/([^/]+)\//.exec(location.pathname);
  return m ? `/e/${m[1]}` : null;
}

/** Read once, as the page's modules load: every module may ask `onEditorLink` from the start. */
const base = linkBase();

/** Whether this page is a co-editor's, opened at the room's editor link. */
export const onEditorLink = (): boolean => base !== null;

export function useRemote(): RemoteState {
  return useSyncExternalStore(
    (w) => (watchers.add(w), () => watchers.delete(w)),
    () => state,
  );
}

export const remoteState = (): RemoteState => state;

/** Hears what every edit changed and whose it was, until the function returned is called. */
export function onRemoteChange(f: (c: RemoteChange) => void): () => void {
  changeWatchers.add(f);
  return () => changeWatchers.delete(f);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A call id the room can tell apart (crypto.randomUUID needs https, which the room is not). */
function callId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

function post(path: string, body: unknown, id?: string): Promise<Response> {
  const headers: Record<string, string> = { "X-Journeywall-Editor": "1", "Content-Type": "application/json" };
  if (id) headers["X-Journeywall-Request"] = id;
  return fetch(`${base}${path}`, { method: "POST", headers, body: JSON.stringify(body), credentials: "same-origin" });
}

/** A refusal as the bindings expect one: an object with the message, not an Error. */
async function refusal(res: Response): Promise<{ message: string }> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { message: body?.error?.message ?? `${res.status} ${res.statusText}` };
}

/** Resolves once the laptop answers again (at once when it does now). */
function whenBack(): Promise<void> {
  if (!state.lost) return Promise.resolve();
  return new Promise((r) => backAgain.push(r));
}

/**
 * One request of the list, as the room answers it. Lost on the way (the Wi-Fi, the laptop
 * restarting), it waits until the laptop is back and is sent again, once, with the same id: a
 * call the room did before the answer was lost is answered from that first answer.
 */
async function rpc(request: Record<string, unknown>): Promise<unknown> {
  const id = ONCE.has(request.cmd as string) ? callId() : undefined;
  for (;;) {
    await whenBack();
    let line: { ok?: unknown; error?: { message: string } };
    try {
      const res = await post("/rpc", request, id);
      if (res.status === 429) {
        await sleep(300);
        continue;
      }
      if (!res.ok) throw await refusal(res);
      line = (await res.json()) as typeof line;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e; // the room's refusal, not a lost connection
      lose();
      continue;
    }
    if (line.error) throw line.error;
    if (request.cmd === "reopen_journey" || request.cmd === "open_journey") {
      journey = (line.ok as { doc: { journey: { id: string } } } | null)?.doc.journey.id ?? journey;
    }
    return line.ok;
  }
}

/** Gives the editor's name (null: only asks how they stand). */
export async function askName(name: string | null): Promise<EditorInfo> {
  const res = await post("/name", { name });
  if (!res.ok) throw await refusal(res);
  const me = (await res.json()) as EditorInfo;
  set({ me });
  return me;
}

/** Tells the others what this editor has selected and is typing in (not kept: the latest counts). */
export function sendPresence(selected: string[], typing: string | null): void {
  if (base === null || state.lost) return;
  post("/rpc", { cmd: "editor_presence", selected, typing }).catch(() => undefined);
}

/** The file an answer carries, saved by the browser on this editor's own machine. */
function download({ fileName, base64 }: { fileName: string; base64: string }): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes]));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}

type Args = Record<string, unknown>;
type File = { fileName: string; base64: string };

/** The shell commands, as a browser page does them; anything else goes to the room. */
const inPage: Record<string, (a: Args) => unknown> = {
  save_poster: async ({ journey, options, format }) => download((await rpc({ cmd: "poster_download", journey, options, format })) as File),
  export_journey: async ({ journey, format, delimiter }) => download((await rpc({ cmd: "export_download", journey, format, delimiter })) as File),
  // The language is this page's own; the laptop keeps its own.
  set_language: () => null,
  // Which journey is open is the laptop's to keep, and the room's journey is the only one here.
  remember_open_journey: () => null,
  update_menu: () => null,
  "plugin:window|set_title": () => null,
  log_window_error: ({ what }) => (console.error(what), null),
};

/** Streams the room's events into the app's, until the stream ends or goes quiet; `opened` once it is open. */
async function follow(opened: () => void): Promise<void> {
  const quiet = new AbortController();
  stream = quiet;
  let timer = setTimeout(() => quiet.abort(), SILENCE_MS);
  const res = await fetch(`${base}/events`, { headers: { "X-Journeywall-Editor": "1" }, credentials: "same-origin", signal: quiet.signal });
  if (res.status === 401 && state.me) {
    // Refused or removed by the facilitator: the page says so (main.tsx), and stops trying.
    set({ me: { ...state.me, state: "refused" } });
    throw new Refused();
  }
  if (res.status === 404 && !state.closed) set({ closed: true });
  if (!res.ok || !res.body) throw new TypeError(`events: ${res.status}`);
  opened();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      clearTimeout(timer);
      timer = setTimeout(() => quiet.abort(), SILENCE_MS);
      pending += value;
      for (let end = pending.indexOf("\n\n"); end >= 0; end = pending.indexOf("\n\n")) {
        const block = pending.slice(0, end);
        pending = pending.slice(end + 2);
        const name = /^event: ?(.*)$/m.exec(block)?.[1];
        const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join("\n");
        if (name) hear(name, data);
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

function hear(name: string, data: string): void {
  if (name === "change") {
    const change = JSON.parse(data) as RemoteChange;
    // Told before the board merges it, so a listener can compare with what the board shows.
    for (const f of changeWatchers) f(change);
    void emit("room-changed", { journey, changes: change.changes, history: null, phones: 0, editors, asking: 0 });
  } else if (name === "editors") {
    editors = JSON.parse(data) as EditorInfo[];
    const me = editors.find((e) => e.number === state.me?.number);
    if (me) set({ me });
    void emit("room-changed", { journey, changes: null, history: null, phones: 0, editors, asking: 0 });
  } else if (name === "reload") {
    void emit("database-changed", null);
  }
}

let connecting = false;
/** The open event stream, cut when a call finds the laptop gone (the stream may not know yet). */
let stream: AbortController | null = null;

class Refused extends Error {}

/** The laptop cannot be reached: say so, and try again until it can. */
function lose(): void {
  if (!state.lost) set({ lost: true });
  stream?.abort();
  if (!connecting) void connect();
}

/**
 * Keeps the event stream open: when it ends, tries again after 1 s, then 2, 4, 8 and 10 s
 * between tries.
 */
async function connect(): Promise<void> {
  connecting = true;
  let wait = 1000;
  for (;;) {
    try {
      await follow(() => {
        wait = 1000;
        back();
      });
    } catch (e) {
      if (e instanceof Refused) return;
      // Not reached, or cut off: tried again below.
    }
    if (!state.lost) set({ lost: true });
    await sleep(wait);
    wait = Math.min(wait * 2, 10_000);
  }
}

/** The stream is open: the calls that waited are sent, and after a loss the journey is loaded again for what was missed. */
function back(): void {
  const wasLost = state.lost;
  set({ lost: false, closed: false });
  const waiting = backAgain;
  backAgain = [];
  for (const r of waiting) r();
  if (wasLost) void emit("database-changed", null);
}

/**
 * On the editor link, answers the UI's commands as described above and opens the event stream;
 * true when it did. Called before the UI renders. `mockIPC` keeps the handlers of `listen` in the
 * page (`shouldMockEvents`), which is where the room's events are emitted.
 */
export function installRemote(): boolean {
  if (base === null) return false;
  mockIPC(
    async (cmd, args) => {
      const a = (args ?? {}) as Args;
      const local = inPage[cmd];
      if (local) return local(a);
      if (cmd.startsWith("plugin:")) return null;
      return rpc({ cmd, ...a });
    },
    { shouldMockEvents: true },
  );
  return true;
}

/** Starts following the room once this editor is let in. */
export function startFollowing(): void {
  if (!connecting) void connect();
}
