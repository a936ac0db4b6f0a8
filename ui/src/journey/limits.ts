/** The core's limits the UI's fields stop at, from the generated bindings (docs/ARCHITECTURE.md, Limits). */
export { LIMITS } from "../ipc/bindings";

/**
 * `text` cut to `max` characters as the core counts them (Unicode code points, Rust's `chars`),
 * never inside an emoji's surrogate pair. A field's `maxLength` counts UTF-16 units instead: it
 * stopped a title of emoji at half the length the core takes.
 */
export function clip(text: string, max: number): string {
  // Code points, counted without splitting the text into an array when it is short enough.
  if (text.length <= max) return text;
  let n = 0;
  let end = 0;
  for (const ch of text) {
    if (n === max) return text.slice(0, end);
    n += 1;
    end += ch.length;
  }
  return text;
}
