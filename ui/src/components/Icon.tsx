// The toolbar's icons, drawn as SVG so they look the same everywhere: symbol characters (⏱, ↶)
// depend on the system's fonts, and a Linux without an emoji font showed the Timer's as a box.
// Decorative: the button's text or label names it.

const PATHS = {
  back: ["M19 12H5", "M12 19l-7-7 7-7"],
  undo: ["M9 14 4 9l5-5", "M4 9h10.5a5.5 5.5 0 0 1 0 11H11"],
  redo: ["m15 14 5-5-5-5", "M20 9H9.5a5.5 5.5 0 0 0 0 11H13"],
  minus: ["M5 12h14"],
  plus: ["M12 5v14", "M5 12h14"],
  capture: ["M12 20h9", "M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z"],
  room: ["M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z", "M11 18h2"],
  vote: ["M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z"],
  rounds: ["M12 2 2 7l10 5 10-5-10-5Z", "m2 17 10 5 10-5", "m2 12 10 5 10-5"],
  timer: ["M12 5a8 8 0 1 0 0 16 8 8 0 0 0 0-16Z", "M12 9v4l2 2", "M10 2h4"],
  present: ["M7 4v16l13-8Z"],
  more: ["M5 12h.01", "M12 12h.01", "M19 12h.01"],
  prev: ["m15 18-6-6 6-6"],
  next: ["m9 18 6-6-6-6"],
  close: ["M6 6l12 12", "M18 6 6 18"],
  pause: ["M9 5v14", "M15 5v14"],
  stop: ["M6 6h12v12H6Z"],
  print: ["M6 9V3h12v6", "M6 18H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h16a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-2", "M6 14h12v7H6Z"],
  panel: ["M4 4h16v16H4Z", "M15 4v16"],
  download: ["M12 3v12", "m7 10 5 5 5-5", "M5 21h14"],
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  const filled = name === "vote" || name === "present";
  // The three dots are strokes of no length: round caps draw them, as wide as the stroke.
  const stroke = name === "more" ? 3.5 : 2;
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? "currentColor" : "none"}
      stroke="currentColor"
      strokeWidth={stroke}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
