import { createContext, useContext } from "react";
import { messages, type Locale, type Messages } from "./index";

export const LocaleContext = createContext<{ locale: Locale; t: Messages }>({ locale: "en", t: messages("en") });

/** The current language and its messages. */
export function useT(): { locale: Locale; t: Messages } {
  return useContext(LocaleContext);
}
