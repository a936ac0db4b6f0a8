// Safari's engine for the UI tests: WebKitGTK's MiniBrowser driven through WebKitWebDriver (Debian
// webkit2gtk-driver) inside its own Xvfb, with a minimal W3C WebDriver client. A test that needs
// it is skipped where `webkit` is false.
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";

const DRIVER = "/usr/bin/WebKitWebDriver";
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
export const webkit = existsSync(DRIVER) && existsSync(MINIBROWSER) && existsSync("/usr/bin/xvfb-run");

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** Starts WebKitWebDriver; `session()` opens MiniBrowser, `stop()` ends the driver and its Xvfb. */
export async function startWebKit() {
  const port = 5600 + Math.floor(Math.random() * 400);
  const proc = spawn("xvfb-run", ["-a", "-s", "-screen 0 1600x1000x24", DRIVER, `--port=${port}`], { stdio: "ignore", detached: true });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-proc.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/status`)).ok) break;
    } catch {
      if (i > 150) {
        await stop();
        throw new Error("WebKitWebDriver did not start");
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const send = async (method, path, body) => {
    const r = await fetch(base + path, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
    const json = await r.json();
    if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  };
  return {
    stop,
    async session() {
      const { sessionId } = await send("POST", "/session", {
        capabilities: { alwaysMatch: { browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } } },
      });
      const at = `/session/${sessionId}`;
      const s = {
        go: (url) => send("POST", `${at}/url`, { url }),
        size: (width, height) => send("POST", `${at}/window/rect`, { width, height }),
        find: (css) => send("POST", `${at}/element`, { using: "css selector", value: css }),
        findXPath: (xpath) => send("POST", `${at}/element`, { using: "xpath", value: xpath }),
        click: (el) => send("POST", `${at}/element/${el[ELEMENT]}/click`, {}),
        type: (el, text) => send("POST", `${at}/element/${el[ELEMENT]}/value`, { text }),
        run: (script, ...args) => send("POST", `${at}/execute/sync`, { script, args }),
        async waitFor(css) {
          await s.until(`!!document.querySelector(${JSON.stringify(css)})`);
          return s.find(css);
        },
        async until(expression, timeout = 10_000) {
          const end = Date.now() + timeout;
          while (!(await s.run(`return ${expression};`))) {
            if (Date.now() > end) throw new Error(`WebKit: not within ${timeout} ms: ${expression}`);
            await new Promise((r) => setTimeout(r, 50));
          }
        },
        async screenshot(path) {
          writeFileSync(path, Buffer.from(await send("GET", `${at}/screenshot`), "base64"));
        },
        close: () => send("DELETE", at),
      };
      return s;
    },
  };
}
