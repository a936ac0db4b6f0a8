// Which side panel is open beside the board (or the card's details, or their rail), and where
// the keyboard goes when one opens or closes: into the panel, or back to the button that opened
// it — never left on the page's body.
import { useEffect, useRef, useState } from "react";
import type { Editor } from "../state/store";

export type Panel = "vote" | "rounds" | "personas" | "room";
const DETAILS_KEY = "journeywall.details";

/** `leaveRound`: called when a panel other than the rounds opens, or none. */
export function usePanels(editor: Editor, leaveRound: () => void) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const focusAfter = useRef<string | null>(null);
  const showPanel = (next: Panel | null) => {
    editor.view.set({ voter: null });
    if (next !== "rounds") leaveRound();
    focusAfter.current = next ? ".editor-body > aside h2" : panel ? `.journey-header [data-action="${panel}"]` : null;
    setPanel(next);
  };
  // Hidden by the user for more room on a small screen; remembered for the next journey.
  const [detailsShown, setDetailsShown] = useState(() => localStorage.getItem(DETAILS_KEY) !== "hidden");
  const toggleDetails = () => {
    const show = panel !== null || !detailsShown;
    if (panel !== null) showPanel(null);
    setDetailsShown(show);
    focusAfter.current = show ? ".editor-body > aside h2" : ".details-rail button";
    localStorage.setItem(DETAILS_KEY, show ? "shown" : "hidden");
  };
  useEffect(() => {
    const selector = focusAfter.current;
    focusAfter.current = null;
    // Without scrolling: WebKit brought the panel into view by scrolling the board under the pointer.
    if (selector) document.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
  }, [panel, detailsShown]);
  return { panel, showPanel, detailsShown, toggleDetails };
}
