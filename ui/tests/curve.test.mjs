// The editor's emotion curve against the poster's: both are checked against one fixture, which
// the core's test writes from `poster::curve::smooth`. curve.ts is compiled here with the
// TypeScript the build uses; it needs no browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import ts from "typescript";

const source = await readFile(new URL("../src/board/curve.ts", import.meta.url), "utf8");
const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
const { smooth } = await import(`data:text/javascript,${encodeURIComponent(js)}`);
const cases = JSON.parse(await readFile(new URL("./emotion-curve.json", import.meta.url), "utf8"));

test("the board draws the emotion curve through the same points as the poster", () => {
  assert.ok(cases.length >= 5, "the fixture holds the core's cases");
  for (const { points, segments } of cases) {
    const drawn = smooth(points.map(([x, y]) => ({ x, y })));
    assert.equal(drawn.length, segments.length, `segments through ${JSON.stringify(points)}`);
    drawn.forEach((segment, i) =>
      segment.forEach((v, k) => assert.ok(Math.abs(v - segments[i][k]) <= 0.01, `segment ${i}, value ${k}: board ${v}, poster ${segments[i][k]} (points ${JSON.stringify(points)})`)),
    );
  }
});
