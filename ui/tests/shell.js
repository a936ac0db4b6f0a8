// The in-page half of the UI tests' backend. Every core request goes to the real core (a
// `journeywall rpc` process, reached through `window.__rpc`); only what needs a window or a native
// dialog (the shell commands) is answered here, as the app would after the user's choice. Every
// call is recorded, so a test can check what the UI sent.
// eslint-disable-next-line no-unused-vars
function installBackend(options, mockIPC) {
  const shell = { calls: [], menuLabels: {}, menuEnabled: {}, windowTitle: null };
  window.__shell = shell;
  const fail = (message) => {
    throw { message };
  };
  const core = async (request) => {
    const answer = await window.__rpc(request);
    if (answer.error) throw answer.error;
    return answer.ok;
  };
  const handlers = {
    save_poster: async ({ journey, options: poster }) => {
      await core({ cmd: "poster_preview", journey, options: poster }); // refused as the app would before its dialog
      return options.saveCancelled ? null : "/home/facilitator/Klantreis.pdf";
    },
    export_journey: async ({ journey, format }) => (await core({ cmd: "open_journey", journey }), `/home/facilitator/journey.${format}`),
    // The file the user picks in the Import dialog, read and imported as the app does in Rust.
    choose_import: () => (options.importFile ? core({ cmd: "import_journey", fileName: options.importFile.name, content: options.importFile.content }) : null),
    choose_persona_picture: ({ journey, persona }) => {
      if (options.pictureRefusal) fail(options.pictureRefusal);
      return core({ cmd: "apply_edit", journey, edit: { type: "updatePersona", persona, picture: options.picture ?? null } });
    },
    // The app would end here; the test reads that it was asked to, after what it saved.
    quit_app: () => null,
    update_menu: ({ labels, enabled }) => {
      Object.assign(shell.menuLabels, labels);
      Object.assign(shell.menuEnabled, enabled);
      return null;
    },
    open_projector: () => null,
    open_log_folder: () => null,
    log_window_error: () => null,
    close_projector: () => null,
    projector_ready: () => null,
    "plugin:window|set_title": ({ value }) => {
      shell.windowTitle = value;
      return null;
    },
  };
  // What the app sends the window by itself (a change made elsewhere, a phone's note).
  shell.emit = (event, payload = null) => window.__TAURI_INTERNALS__.invoke("plugin:event|emit", { event, payload });
  mockIPC(async (cmd, args) => {
    shell.calls.push({ cmd, args: structuredClone(args ?? {}) });
    const handler = handlers[cmd];
    if (handler) return handler(args ?? {});
    if (cmd.startsWith("plugin:")) fail(`the UI tests do not answer ${cmd}`);
    return core({ cmd, ...args });
  }, { shouldMockEvents: true });
}
