/**
 * Card and phase colours: pale tints of the Okabe–Ito palette, which stays distinguishable with
 * the common forms of colour blindness, light enough for black text on a projector and in print.
 */
export const PALETTE = [
  { colour: "#daeefa", name: "sky" },
  { colour: "#c7eae0", name: "green" },
  { colour: "#faeac7", name: "orange" },
  { colour: "#f4e2ec", name: "purple" },
  { colour: "#fcf9d5", name: "yellow" },
  { colour: "#d3e2f2", name: "blue" },
  { colour: "#f6dccb", name: "vermilion" },
  { colour: "#ececec", name: "grey" },
] as const;
