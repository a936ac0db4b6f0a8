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
    open_journey: ({ journey }) => ({ doc: structuredClone(doc(journey)), history: historyState(journey) }),
    apply_edit: ({ journey, edit }) => {
      if (state.refuseTypes?.includes(edit.type)) fail(state.refuseMessage ?? "refused by the test");
      const d = doc(journey);
      const before = structuredClone(d);
      applyEdit(d, edit);
      const h = history(journey);
      h.undo.push({ label: labelOf(edit), doc: before });
      h.redo = [];
      return applied(journey, before);
    },
    undo: ({ journey }) => {
      const h = history(journey);
      const step = h.undo.pop() ?? fail("nothing to undo");
      const before = structuredClone(doc(journey));
      h.redo.push({ label: step.label, doc: before });
      fake.journeys.set(journey, step.doc);
      return applied(journey, before);
    },
    redo: ({ journey }) => {
      const h = history(journey);
      const step = h.redo.pop() ?? fail("nothing to redo");
      const before = structuredClone(doc(journey));
      h.undo.push({ label: step.label, doc: before });
      fake.journeys.set(journey, step.doc);
      return applied(journey, before);
    },
    choose_persona_picture: ({ journey, persona }) => {
      if (state.pictureRefusal) fail(state.pictureRefusal);
      const d = doc(journey);
      const before = structuredClone(d);
      d.personas.find((p) => p.id === persona).picture = state.picture ?? null;
      history(journey).undo.push({ label: "updatePersona", doc: before });
      return applied(journey, before);
    },
    open_projector: () => null,
    close_projector: () => null,
    // Rounds: snapshots kept beside the journeys, compared by card id as the core does.
    list_rounds: ({ journey }) => rounds(journey).map(info),
    save_round: ({ journey, name }) => {
      if (!name.trim()) fail("round name: must not be empty");
      const r = { id: crypto.randomUUID(), name: name.trim(), createdAt: Date.now(), doc: structuredClone(doc(journey)) };
      rounds(journey).push(r);
      return info(r);
    },
    open_round: ({ journey, round }) => findRound(journey, round),
    compare_rounds: ({ journey, from, to }) => {
      const version = (r) => (r ? findRound(journey, r).doc : doc(journey));
      const [a, b] = [version(from), version(to)];
      const before = new Map(a.cards.map((c) => [c.id, c]));
      const after = new Map(b.cards.map((c) => [c.id, c]));
      const kept = b.cards.filter((c) => before.has(c.id));
      return {
        added: b.cards.filter((c) => !before.has(c.id)).map((c) => c.id),
        removed: a.cards.filter((c) => !after.has(c.id)),
        moved: kept.filter((c) => before.get(c.id).phase !== c.phase || before.get(c.id).row !== c.row).map((c) => c.id),
        changed: kept.filter((c) => before.get(c.id).title !== c.title || before.get(c.id).notes !== c.notes).map((c) => c.id),
      };
    },
    rename_round: ({ journey, round, name }) => {
      findRound(journey, round).name = name;
      return null;
    },
    delete_round: ({ journey, round }) => {
      fake.rounds.set(journey, rounds(journey).filter((r) => r.id !== round));
      return null;
    },
    restore_round: ({ journey, round, name }) => {
      const copy = structuredClone(findRound(journey, round).doc);
      copy.journey.id = crypto.randomUUID();
      copy.journey.name = name;
      fake.journeys.set(copy.journey.id, copy);
      return copy.journey.id;
    },
    update_menu: ({ labels, enabled }) => {
      Object.assign((fake.menuLabels ??= {}), labels);
      Object.assign((fake.menuEnabled ??= {}), enabled);
      return null;
    },
    set_language: ({ locale }) => {
      fake.language = locale;
      return null;
    },
    duplicate_journey: ({ journey, name }) => {
      const copy = structuredClone(doc(journey));
      copy.journey.id = crypto.randomUUID();
      copy.journey.name = name;
      fake.journeys.set(copy.journey.id, copy);
      return copy.journey.id;
    },
    delete_journey: ({ journey }) => {
      fake.deleted = doc(journey);
      fake.journeys.delete(journey);
      return null;
    },
    restore_deleted_journey: () => {
      const d = fake.deleted ?? fail("there is no deleted journey to bring back");
      fake.journeys.set(d.journey.id, d);
      fake.deleted = null;
      return d.journey.id;
    },
    poster_papers: () => ["A4", "A3", "A2", "A1", "A0", "Letter"],
    // Enough of a poster to show: the real layout is the backend's, tested in Rust.
    poster_preview: ({ journey, options }) => {
      doc(journey);
      if (options.size.by === "width" && !(options.size.mm > 0)) fail("width: must be more than zero");
      if (options.size.by === "width" && options.size.mm > 15000) fail("width: makes a poster of 16 × 2 m, more than the 15 m a poster may be");
      const tiled = options.mode === "tiled";
      const across = tiled ? (options.size.by === "across" ? options.size.sheets : 4) : 1;
      return {
        info: {
          summary: tiled ? `${across} × 2 sheets of ${options.sheet} → 84 × 59 cm` : `${options.sheet} → 84 × 59 cm`,
          sheetName: options.sheet,
          sheetsAcross: across,
          sheetsDown: tiled ? 2 : 1,
          pages: tiled ? across * 2 + 1 : 1,
          widthMm: 840,
          heightMm: 590,
          scalePercent: 100,
        },
        svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 84 59"><rect width="84" height="59" fill="#daeefa"/></svg>',
      };
    },
    save_poster: ({ journey }) => (doc(journey), state.saveCancelled ? null : "/home/facilitator/Klantreis.pdf"),
    export_journey: ({ journey }) => (doc(journey), "/home/facilitator/journey.json"),
    import_journey: ({ fileName, content }) => {
      const text = new TextDecoder().decode(new Uint8Array(content));
      let d;
      try {
        d = JSON.parse(text);
      } catch {
        fail(`${fileName}: is not valid JSON: line 1, column 1`);
      }
      if (d.format !== "journeywall") fail(`${fileName}: is JSON but not a Journeywall file`);
      d.journey.id = crypto.randomUUID();
      fake.journeys.set(d.journey.id, d);
      return d.journey.id;
    },
    "plugin:window|set_title": ({ value }) => {
      fake.windowTitle = value;
      return null;
    },
  };

  // Undo by snapshots: the real inverse logic lives in the Rust core and is tested there.
  function history(id) {
    if (!fake.history.has(id)) fake.history.set(id, { undo: [], redo: [] });
    return fake.history.get(id);
  }
  function historyState(id) {
    const h = history(id);
    return { undo: h.undo.at(-1)?.label ?? null, redo: h.redo.at(-1)?.label ?? null };
  }
  function labelOf(edit) {
    return edit.type === "batch" ? (edit.label ?? labelOf(edit.edits[0])) : edit.type;
  }
  /**
   * Cards that changed (added, or any field different) and every cell's order, as the real
   * backend reports them, plus whole phase and row lists.
   */
  fake.rounds = new Map();
  const rounds = (journey) => fake.rounds.get(journey) ?? (fake.rounds.set(journey, []), fake.rounds.get(journey));
  const findRound = (journey, id) => rounds(journey).find((r) => r.id === id) ?? fail(`no round with id ${id} in this journey`);
  const info = (r) => ({ id: r.id, name: r.name, createdAt: r.createdAt, cards: r.doc.cards.length });
  function applied(id, before) {
    const d = doc(id);
    const old = new Map(before.cards.map((c) => [c.id, JSON.stringify(c)]));
    const cells = new Map();
    for (const c of d.cards) {
      const key = `${c.phase}:${c.row}`;
      if (!cells.has(key)) cells.set(key, { phase: c.phase, row: c.row, cards: [] });
    }
    for (const c of [...d.cards].sort((a, b) => a.position - b.position)) cells.get(`${c.phase}:${c.row}`).cards.push(c.id);
    return {
      changes: {
        journey: d.journey,
        phases: d.phases,
        rows: d.rows,
        personas: d.personas,
        cards: d.cards.filter((c) => old.get(c.id) !== JSON.stringify(c)),
        removedCards: before.cards.filter((c) => !d.cards.some((x) => x.id === c.id)).map((c) => c.id),
        cells: [...cells.values()],
        voteChanged: JSON.stringify(before.vote ?? null) !== JSON.stringify(d.vote ?? null),
        vote: d.vote ?? null,
      },
      history: historyState(id),
    };
  }
  const cellCards = (d, phase, row, except) =>
    d.cards.filter((c) => c.phase === phase && c.row === row && c.id !== except).sort((a, b) => a.position - b.position);
  const renumber = (list) => list.forEach((x, i) => (x.position = i));
  function place(d, card, phase, row, index) {
    const others = cellCards(d, phase, row, card.id);
    others.splice(Math.min(index ?? others.length, others.length), 0, card);
    card.phase = phase;
    card.row = row;
    renumber(others);
  }
  function applyEdit(d, e) {
    const card = (id) => d.cards.find((c) => c.id === id) ?? fail(`no card with id ${id} in this journey`);
    switch (e.type) {
      case "addCard": {
        const c = { id: e.id ?? crypto.randomUUID(), phase: e.phase, row: e.row, position: 0, title: e.title, notes: e.notes ?? "", colour: e.colour ?? null,
          channel: e.channel ?? null, emotion: e.emotion ?? null, votes: e.votes ?? 0, tags: e.tags ?? [], createdAt: Date.now(), updatedAt: Date.now() };
        if (!c.title.trim()) fail("card title: must not be empty");
        d.cards.push(c);
        place(d, c, e.phase, e.row, e.index);
        break;
      }
      case "updateCard": {
        const c = card(e.card);
        for (const k of ["title", "notes", "colour", "channel", "emotion", "votes", "tags"]) if (k in e && e[k] !== undefined) c[k] = e[k];
        break;
      }
      case "moveCard": {
        const c = card(e.card);
        const from = { phase: c.phase, row: c.row };
        place(d, c, e.phase, e.row, e.index);
        renumber(cellCards(d, from.phase, from.row));
        break;
      }
      case "deleteCard": {
        const c = card(e.card);
        d.cards = d.cards.filter((x) => x !== c);
        renumber(cellCards(d, c.phase, c.row));
        break;
      }
      case "duplicateCard": {
        const c = card(e.card);
        const copy = { ...structuredClone(c), id: crypto.randomUUID() };
        d.cards.push(copy);
        place(d, copy, c.phase, c.row, c.position + 1);
        break;
      }
      case "addPhase":
        d.phases.splice(e.index ?? d.phases.length, 0, { id: crypto.randomUUID(), position: 0, title: e.title, question: e.question ?? "", colour: e.colour ?? "#e8eef7", width: e.width ?? 100 });
        renumber(d.phases);
        break;
      case "updatePhase":
        Object.assign(d.phases.find((p) => p.id === e.phase) ?? fail("no phase"), Object.fromEntries(Object.entries(e).filter(([k]) => !["type", "phase"].includes(k))));
        break;
      case "movePhase": {
        const p = d.phases.find((x) => x.id === e.phase);
        d.phases = d.phases.filter((x) => x !== p);
        d.phases.splice(e.index, 0, p);
        renumber(d.phases);
        break;
      }
      case "deletePhase":
        d.phases = d.phases.filter((x) => x.id !== e.phase);
        d.cards = d.cards.filter((c) => c.phase !== e.phase);
        renumber(d.phases);
        break;
      case "addRow":
        d.rows.splice(e.index ?? d.rows.length, 0, { id: crypto.randomUUID(), position: 0, kind: e.kind ?? "cards", title: e.title, colour: e.colour ?? "#f4f5f7", hidden: !!e.hidden });
        renumber(d.rows);
        break;
      case "updateRow":
        Object.assign(d.rows.find((r) => r.id === e.row) ?? fail("no row"), Object.fromEntries(Object.entries(e).filter(([k]) => !["type", "row"].includes(k))));
        break;
      case "moveRow": {
        const r = d.rows.find((x) => x.id === e.row);
        d.rows = d.rows.filter((x) => x !== r);
        d.rows.splice(e.index, 0, r);
        renumber(d.rows);
        break;
      }
      case "deleteRow":
        d.rows = d.rows.filter((x) => x.id !== e.row);
        d.cards = d.cards.filter((c) => c.row !== e.row);
        renumber(d.rows);
        break;
      case "addPersona":
        d.personas.push({ id: e.id ?? crypto.randomUUID(), position: d.personas.length, name: e.name, role: e.role ?? "", quote: e.quote ?? "", goals: e.goals ?? "", frustrations: e.frustrations ?? "" });
        break;
      case "updatePersona": {
        const p = d.personas.find((x) => x.id === e.persona) ?? fail("no persona");
        for (const k of ["name", "role", "quote", "goals", "frustrations", "picture"]) if (k in e && e[k] !== undefined) p[k] = e[k];
        break;
      }
      case "movePersona": {
        const p = d.personas.find((x) => x.id === e.persona);
        d.personas = d.personas.filter((x) => x !== p);
        d.personas.splice(e.index, 0, p);
        renumber(d.personas);
        break;
      }
      case "deletePersona":
        d.personas = d.personas.filter((x) => x.id !== e.persona);
        renumber(d.personas);
        break;
      case "updateJourney":
        if (e.name !== undefined) d.journey.name = e.name;
        break;
      case "batch":
        e.edits.forEach((x) => applyEdit(d, x));
        break;
      // The vote, with the rules the core enforces that a UI test can meet.
      case "startVote":
        if (d.vote) fail("vote: there is a vote already; clear it before starting a new one");
        d.vote = { dotsPerParticipant: e.dotsPerParticipant ?? 3, stacking: !!e.stacking, closed: false, hidden: false, startedAt: Date.now(), participants: [] };
        break;
      case "addParticipant": {
        const colours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7"];
        d.vote.participants.push({ id: e.id ?? crypto.randomUUID(), name: e.name.trim(), colour: e.colour ?? colours[d.vote.participants.length % 4], dots: [] });
        break;
      }
      case "removeParticipant": {
        const p = d.vote.participants.find((x) => x.id === e.participant);
        p.dots.forEach((id) => d.cards.some((c) => c.id === id) && (card(id).votes -= 1));
        d.vote.participants = d.vote.participants.filter((x) => x !== p);
        break;
      }
      case "placeDot": {
        const p = d.vote.participants.find((x) => x.id === e.participant);
        if (d.vote.closed) fail("vote: is closed; reopen it to change the dots");
        if (p.dots.length >= d.vote.dotsPerParticipant) fail(`dots: ${p.name} has used all ${d.vote.dotsPerParticipant} dots; take one back first`);
        if (!d.vote.stacking && p.dots.includes(e.card)) fail(`dots: ${p.name} already has a dot on this card, and this vote allows one per card`);
        p.dots.push(e.card);
        card(e.card).votes += 1;
        break;
      }
      case "takeBackDot": {
        const p = d.vote.participants.find((x) => x.id === e.participant);
        p.dots.splice(p.dots.lastIndexOf(e.card), 1);
        card(e.card).votes -= 1;
        break;
      }
      case "updateVote":
        if (e.closed !== undefined) d.vote.closed = e.closed;
        if (e.hidden !== undefined) d.vote.hidden = e.hidden;
        break;
      case "clearVote":
        delete d.vote;
        d.cards.forEach((c) => (c.votes = 0));
        break;
      default:
        fail(`the fake backend cannot apply ${e.type}`);
    }
  }
  mockIPC((cmd, args) => {
    fake.calls.push({ cmd, args: structuredClone(args) });
    const handler = handlers[cmd];
    if (!handler) fail(`the fake backend does not know ${cmd}`);
    // A copy, as the real IPC's JSON would give: the page must never share objects with the fake.
    return structuredClone(handler(args ?? {}));
  });
}
