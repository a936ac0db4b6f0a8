// A face for a score from −2 to +2. The mouth and the outline differ per score, so the emotion
// reads without colour (colour-blind users, grayscale prints) as well as with it.
const colours = ["#b2182b", "#ef8a62", "#8c8c8c", "#67a9cf", "#2166ac"];
const mouths = [
  "M7 17 Q12 11 17 17", // deep frown
  "M7.5 16 Q12 13 16.5 16",
  "M7.5 15 L16.5 15", // flat
  "M7.5 14 Q12 17 16.5 14",
  "M7 13 Q12 20 17 13", // broad smile
];

export function EmotionFace({ score, size = 20, title }: { score: number; size?: number; title?: string }) {
  const i = Math.max(0, Math.min(4, Math.round(score) + 2));
  const colour = colours[i];
  return (
    // Without a title the face repeats what a label beside it says, and is left out for screen readers.
    <svg className="emotion-face" width={size} height={size} viewBox="0 0 24 24" role={title ? "img" : undefined} aria-label={title} aria-hidden={title ? undefined : true}>
      {title ? <title>{title}</title> : null}
      {i === 0 || i === 4 ? (
        <circle cx="12" cy="12" r="10.5" fill="none" stroke={colour} strokeWidth="1.5" strokeDasharray={i === 0 ? "3 2" : undefined} />
      ) : null}
      <circle cx="12" cy="12" r="8.5" fill={colour} />
      <circle cx="9" cy="10" r="1.3" fill="#fff" />
      <circle cx="15" cy="10" r="1.3" fill="#fff" />
      <path d={mouths[i]} fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
