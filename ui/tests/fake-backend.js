// An in-page stand-in for the Rust backend, for UI tests only. It answers the app's commands from
// plain journey documents and records every call, so a test can check what the UI sent.
// eslint-disable-next-line no-unused-vars
function installFakeBackend(state, mockIPC) {
  const fake = {
    calls: [],
    journeys: new Map((state.journeys ?? []).map((d) => [d.journey.id, structuredClone(d)])),
    templates: state.templates ?? [],
    history: new Map(),
  };
  window.__fake = fake;
  const summary = (d) => ({
    id: d.journey.id,
    name: d.journey.name,
    locale: d.journey.locale,
    phases: d.phases.length,
    cards: d.cards.length,
    updatedAt: d.journey.updatedAt || Date.now(),
  });
  const fail = (message) => {
    throw { message };
  };
  const doc = (id) => fake.journeys.get(id) ?? fail(`no journey called or with id '${id}'`);
  const handlers = {
    app_info: () => ({ version: "test", dbPath: "/tmp/test.db", openError: state.openError ?? null, locale: state.locale ?? "en" }),
    list_journeys: () => [...fake.journeys.values()].map(summary).sort((a, b) => b.updatedAt - a.updatedAt),
    list_templates: () =>
      fake.templates.map((t) => ({
        id: t.id,
        language: t.journey.locale,
        title: t.journey.name,
        description: t.journey.description,
        phases: t.phases.map((p) => p.title),
        cards: t.cards.length,
      })),
    create_journey: ({ template, name }) => {
      const t = fake.templates.find((x) => x.id === template) ?? fail(`no template called '${template}'`);
      const copy = structuredClone(t);
      copy.journey.id = crypto.randomUUID();
      if (name) copy.journey.name = name;
      fake.journeys.set(copy.journey.id, copy);
      return copy.journey.id;
    },
    open_journey: ({ journey }) => ({ doc: structuredClone(doc(journey)), history: { undo: null, redo: null } }),
  };
  mockIPC((cmd, args) => {
    fake.calls.push({ cmd, args: structuredClone(args) });
    const handler = handlers[cmd];
    if (!handler) fail(`the fake backend does not know ${cmd}`);
    return handler(args ?? {});
  });
}
