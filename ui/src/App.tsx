import { useCallback, useEffect, useState } from "react";
import { api, type AppInfo, type OpenedJourney } from "./ipc";
import { messages, toLocale, type Locale } from "./i18n";
import { LocaleContext, useT } from "./i18n/context";
import { Home } from "./components/Home";
import { JourneyEditor } from "./editor/JourneyEditor";
import { ConfirmHost } from "./components/Confirm";

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [locale, setLocale] = useState<Locale>(toLocale(navigator.language));
  const [opened, setOpened] = useState<OpenedJourney | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = messages(locale);

  useEffect(() => {
    api.appInfo().then((i) => {
      setInfo(i);
      setLocale(toLocale(i.locale));
    });
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    if (!opened) document.title = "Journeywall";
  }, [opened]);

  const open = useCallback((id: string) => {
    api.openJourney(id).then(setOpened, (e: Error) => setError(e.message));
  }, []);

  let body;
  if (!info) body = <p className="muted centre">{t.loading}</p>;
  else if (info.openError) body = <DatabaseError message={info.openError} path={info.dbPath} />;
  else if (opened) body = <JourneyEditor opened={opened} onClose={() => setOpened(null)} />;
  else body = <Home onOpen={open} onError={setError} />;

  return (
    <LocaleContext.Provider value={{ locale, t }}>
      <div className="app">
        {body}
        <ConfirmHost />
        {error ? (
          <div className="toast" role="alert">
            <span>
              {t.errorPrefix} {error}
            </span>
            <button onClick={() => setError(null)}>{t.dismiss}</button>
          </div>
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
