import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api, type AppInfo, type OpenedJourney } from "./ipc";
import { messages, toLocale, type Locale } from "./i18n";
import { LocaleContext, useT } from "./i18n/context";
import { Home } from "./components/Home";
import { JourneyEditor } from "./editor/JourneyEditor";
import { ConfirmHost } from "./components/Confirm";
import { Notice } from "./components/Notice";
import { AboutDialog, ShortcutsDialog, onMenuChoice, useMenuEvents, useMenuLabels } from "./components/Menus";
import { APP_ACTIONS, actionForKey, appAction, available, type AppContext } from "./actions/registry";
import { ConnectionBanner } from "./components/EditorGate";
import { settleAll } from "./state/settle";

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [locale, setLocale] = useState<Locale>(toLocale(navigator.language));
  const [opened, setOpened] = useState<OpenedJourney | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dialog, setDialog] = useState<"shortcuts" | "about" | "new" | null>(null);
  // The journey the database keeps as open (null: the home screen), so unchanged is not written.
  const remembered = useRef<string | null>(null);
  const t = messages(locale);

  useEffect(() => {
    void (async () => {
      const i = await api.appInfo();
      // The journey that was open when the app closed opens again (the core says none when it
      // has been deleted since: then the home screen, as after a first start).
      const last = i.openError ? null : await api.reopenJourney().catch((e: Error) => (setError(e.message), null));
      remembered.current = last?.doc.journey.id ?? null;
      setOpened(last);
      setInfo(i);
      setLocale(i.locale);
      setNotice(i.notice);
    })();
  }, []);
  // Which journey is open (or the home screen) is kept for the next start, once the start has
  // decided what to show.
  const openId = opened?.doc.journey.id ?? null;
  const started = info !== null && !info.openError;
  useEffect(() => {
    if (!started || remembered.current === openId) return;
    remembered.current = openId;
    // Not worth a message: at worst the next start shows the home screen.
    api.rememberOpenJourney(openId).catch(() => undefined);
  }, [started, openId]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    if (!opened) document.title = "Journeywall";
  }, [opened]);

  const open = useCallback((id: string) => {
    api.openJourney(id).then(setOpened, (e: Error) => setError(e.message));
  }, []);

  // Back home; `message` says why when the editor did not close by itself (deleted elsewhere).
  const closeEditor = useCallback((message?: string) => {
    setOpened(null);
    if (message) setNotice(message);
  }, []);

  const chooseLanguage = useCallback((l: Locale) => {
    setLocale(l);
    api.setLanguage(l).catch((e: Error) => setError(e.message));
  }, []);

  useMenuEvents();
  // The app's own actions (registry.ts), from the native menu and from their keys.
  const app: AppContext = useMemo(
    () => ({
      newJourney: () => {
        setOpened(null);
        setDialog("new");
      },
      home: () => setOpened(null),
      language: chooseLanguage,
      dialog: setDialog,
      openLogFolder: () => void api.openLogFolder().catch((e: Error) => setError(e.message)),
      quit: () => void settleAll().finally(() => api.quitApp()),
    }),
    [chooseLanguage],
  );
  useEffect(
    () =>
      onMenuChoice((id) => {
        const action = appAction(id);
        if (action && available(action)) action.run(app);
      }),
    [app],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = actionForKey(APP_ACTIONS, e, true, app);
      if (!action) return;
      e.preventDefault();
      action.run(app);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [app]);

  let body;
  if (!info) body = <p className="muted centre">{t.loading}</p>;
  else if (info.openError) body = <DatabaseError message={info.openError} path={info.dbPath} />;
  else if (opened) body = <JourneyEditor key={opened.doc.journey.id} opened={opened} onClose={closeEditor} onOpen={open} />;
  else
    body = (
      <Home
        onOpen={open}
        onError={setError}
        onNotice={setNotice}
        picking={dialog === "new"}
        setPicking={(on) => setDialog(on ? "new" : null)}
        onLanguage={chooseLanguage}
      />
    );

  return (
    <LocaleContext.Provider value={{ locale, t }}>
      <div className="app">
        {body}
        <MenuLabels editorOpen={opened !== null} />
        <ConnectionBanner />
        <ConfirmHost />
        {dialog === "shortcuts" ? <ShortcutsDialog onClose={() => setDialog(null)} /> : null}
        {dialog === "about" && info ? <AboutDialog version={info.version} dbPath={info.dbPath} onClose={() => setDialog(null)} /> : null}
        {notice ? (
          <Notice onDismiss={() => setNotice(null)}>{notice}</Notice>
        ) : null}
        {error ? (
          <Notice error onDismiss={() => setError(null)}>
            {t.errorPrefix} {error}
          </Notice>
        ) : null}
      </div>
    </LocaleContext.Provider>
  );
}

function DatabaseError({ message, path }: { message: string; path: string }) {
  const { t } = useT();
  return (
    <main className="db-error" role="alert">
      <h1>{t.dbErrorTitle}</h1>
      <p className="mono">{message}</p>
      <p>{t.dbErrorHelp}</p>
      <p className="muted">{t.databaseAt(path)}</p>
    </main>
  );
}

/** Keeps the native menu's labels in the chosen language (needs the locale context). */
function MenuLabels({ editorOpen }: { editorOpen: boolean }) {
  useMenuLabels(editorOpen);
  return null;
}
