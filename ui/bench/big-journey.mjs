// The 1,000-card journey the UI benches open: the website template grown with cards in every
// cards row, as a journey file (what `import_journey` and `journeywall import` take).
import { template } from "../tests/harness.mjs";

export function bigJourney(cards) {
  const doc = template("website-en");
  const base = doc.cards[0];
  const cells = doc.phases.flatMap((p) => doc.rows.filter((r) => r.kind === "cards").map((r) => [p.id, r.id]));
  const len = new Map();
  for (const c of doc.cards) len.set(`${c.phase}:${c.row}`, (len.get(`${c.phase}:${c.row}`) ?? 0) + 1);
  for (let i = 0; doc.cards.length < cards; i++) {
    const [phase, row] = cells[i % cells.length];
    const key = `${phase}:${row}`;
    const position = len.get(key) ?? 0;
    len.set(key, position + 1);
    doc.cards.push({ ...base, id: crypto.randomUUID(), phase, row, position, title: `Touchpoint ${i}: compares delivery options`, emotion: null, channel: i % 3 ? "Web shop" : null, votes: i % 4 });
  }
  return doc;
}
