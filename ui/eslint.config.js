// The UI's lint: ESLint's and typescript-eslint's recommended rules and React's rules of hooks,
// run by `make lint`. A rule disabled in the code must be one that runs here, with its reason.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  // The app's code; the generated bindings are checked by tsc and by the test that writes them.
  { ignores: ["dist/", "node_modules/", "tests/", "bench/", "src/ipc/bindings.ts", "*.config.*"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
);
