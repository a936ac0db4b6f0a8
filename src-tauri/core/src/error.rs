//! One error type for the core. Every message is written for the person using the app: it says what
//! went wrong and, where there is one, what to do about it, in English and in Dutch (see
//! `said.rs`). `Display` is the English message; `message` gives either.

use std::fmt;
use std::path::PathBuf;

use crate::said;
use crate::said::{Field, Lang, Record, Said};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug)]
pub enum Error {
    /// A field of an edit or an imported record breaks a rule of the model.
    Invalid {
        field: Field,
        reason: Said,
    },
    /// An edit or a command names a record that does not exist (in this journey).
    NotFound {
        kind: Record,
        id: String,
    },
    NoSuchJourney(String),
    AmbiguousJourney {
        name: String,
        count: usize,
    },
    NoSuchTemplate(String),
    /// The database file cannot be used; it has been left as it was.
    Database {
        path: PathBuf,
        problem: Said,
    },
    /// An import file that is not what it claims to be, with where it went wrong.
    Import {
        source_name: String,
        problem: Said,
    },
    /// What the rules of a workshop tool do not allow at this moment (a dot over someone's
    /// allowance, a dot in a closed vote): nothing is wrong, and the reason is said as it is.
    NotAllowed(Said),
    NothingToUndo,
    NothingToRedo,
    /// Undo or redo was asked for a step that is no longer the next one: another writer on the
    /// file (another window, the CLI) changed the journey's history meanwhile. Nothing was done.
    ChangedElsewhere {
        undo: bool,
    },
    /// Undo or redo of a step that another person has changed since (`by`, empty for the
    /// facilitator): their change stands, and the step is gone from the asker's history.
    Overtaken {
        undo: bool,
        by: String,
    },
    Write {
        path: PathBuf,
        problem: Said,
    },
    Sql(rusqlite::Error),
}

impl Error {
    pub fn invalid(field: Field, reason: Said) -> Self {
        Error::Invalid { field, reason }
    }

    pub fn not_found(kind: Record, id: impl ToString) -> Self {
        Error::NotFound { kind, id: id.to_string() }
    }

    /// The whole message in `lang`. In English it is exactly the `Display` text.
    pub fn message(&self, lang: Lang) -> String {
        self.said().get(lang).to_string()
    }

    /// The message in both languages: each error's words are written here, once.
    pub fn said(&self) -> Said {
        let (en, nl) = (Lang::En, Lang::Nl);
        match self {
            Error::Invalid { field, reason } => reason.after(field.name(en), field.name(nl)),
            Error::NotFound { kind, id } => said!(
                "no {k} with id {id} in this journey",
                "er is geen {l} met id {id} in deze klantreis",
                k = kind.name(en),
                l = kind.name(nl)
            ),
            Error::NoSuchJourney(name) => {
                said!("no journey called or with id '{name}'", "er is geen klantreis met de naam of het id '{name}'")
            }
            Error::AmbiguousJourney { name, count } => said!(
                "there are {count} journeys called '{name}'; use the id instead (see `journeywall list`)",
                "er zijn {count} klantreizen met de naam '{name}'; gebruik het id (zie `journeywall list`)"
            ),
            Error::NoSuchTemplate(name) => said!(
                "no template called '{name}' (see `journeywall templates`)",
                "er is geen sjabloon '{name}' (zie `journeywall templates`)"
            ),
            Error::Database { path, problem } => problem.after(path.display(), path.display()),
            Error::Import { source_name, problem } => problem.after(source_name, source_name),
            Error::NotAllowed(reason) => reason.clone(),
            Error::NothingToUndo => said!("nothing to undo", "er is niets om ongedaan te maken"),
            Error::NothingToRedo => said!("nothing to redo", "er is niets om opnieuw te doen"),
            Error::ChangedElsewhere { undo: true } => said!(
                "nothing was undone: this journey was just changed elsewhere (in another Journeywall window or on the \
                 command line). The board now shows it as it is; undo again to undo its latest step",
                "er is niets ongedaan gemaakt: deze klantreis is net ergens anders veranderd (in een ander \
                 Journeywall-venster of op de opdrachtregel). Het bord laat nu zien hoe hij is; maak opnieuw ongedaan \
                 om de laatste stap terug te draaien"
            ),
            Error::ChangedElsewhere { undo: false } => said!(
                "nothing was redone: this journey was just changed elsewhere (in another Journeywall window or on the \
                 command line). The board now shows it as it is; redo again if there is still something to redo",
                "er is niets opnieuw gedaan: deze klantreis is net ergens anders veranderd (in een ander \
                 Journeywall-venster of op de opdrachtregel). Het bord laat nu zien hoe hij is; doe opnieuw als er nog \
                 iets opnieuw te doen is"
            ),
            Error::Overtaken { undo, by } => {
                let (en, nl) = if by.is_empty() { ("the facilitator", "de begeleider") } else { (by.as_str(), by.as_str()) };
                let (did_en, did_nl) = if *undo { ("undone", "ongedaan gemaakt") } else { ("redone", "opnieuw gedaan") };
                said!(
                    "nothing was {did_en}: {en} has changed the same thing since, and their change stays. That step is \
                     gone from your history; press again for the one before it",
                    "er is niets {did_nl}: {nl} heeft hetzelfde sindsdien veranderd, en die wijziging blijft. Die stap is \
                     uit je geschiedenis gehaald; druk nog eens voor de stap daarvoor"
                )
            }
            Error::Write { path, problem } => {
                said!("could not write {p}: {e}", "kon {p} niet opslaan: {n}", p = path.display(), e = &problem.en, n = &problem.nl)
            }
            // SQLite's own words; the errors a person can act on are described before they get here.
            Error::Sql(e) => said!("database error: {e}", "databasefout: {e}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Sql(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Sql(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::{from_json, import_csv, to_json, Ids};
    use crate::poster::{PosterMode, PosterOptions, PosterSize};
    use crate::{model, templates, Store};

    /// The message in (English, Dutch); English must be the `Display` text, as the CLI shows it.
    fn both(e: &Error) -> (String, String) {
        assert_eq!(e.message(Lang::En), e.to_string());
        (e.message(Lang::En), e.message(Lang::Nl))
    }

    #[test]
    fn an_empty_card_title_is_refused_in_dutch_with_the_dutch_field_name() {
        let mut card = templates::instantiate("online-nl", None).unwrap().cards.remove(0);
        card.title = "  ".into();
        let (en, nl) = both(&card.validate().unwrap_err());
        assert_eq!(en, "card title: must not be empty");
        assert_eq!(nl, "kaarttitel: mag niet leeg zijn");
    }

    #[test]
    fn a_bad_poster_margin_is_refused_in_dutch() {
        let (en, nl) = both(&PosterOptions { margin_mm: -1.0, ..Default::default() }.check().unwrap_err());
        assert_eq!(en, "margin: must be zero or more");
        assert_eq!(nl, "marge: moet nul of meer zijn");
    }

    #[test]
    fn dutch_poster_messages_write_decimals_with_a_comma() {
        let options = PosterOptions {
            sheet: "A4".into(),
            mode: PosterMode::Tiled,
            size: PosterSize::Across { sheets: 3 },
            overlap_mm: 95.5,
            ..Default::default()
        };
        let (en, nl) = both(&options.check().unwrap_err());
        assert_eq!(en, "overlap: 95.5 mm is half a A4 sheet or more; use less than 95 mm");
        assert_eq!(nl, "overlap: 95,5 mm is een half vel A4 of meer; neem minder dan 95 mm");
    }

    #[test]
    fn a_bad_csv_value_names_line_and_column_in_dutch() {
        let csv = "phase,row,title,emotion\nA,B,Fine,1\nA,B,Not fine,happy\n";
        let (en, nl) = both(&import_csv(csv.as_bytes(), "x.csv", "W", "en").unwrap_err());
        assert_eq!(en, "x.csv: line 3, column 4 (emotion): expected a whole number from -2 to +2, found 'happy'");
        assert_eq!(nl, "x.csv: regel 3, kolom 4 (emotie): verwacht werd een geheel getal van -2 tot +2, niet 'happy'");
    }

    #[test]
    fn a_rule_broken_inside_a_csv_keeps_both_languages() {
        let (en, nl) = both(&import_csv(b"fase;rij;titel\nA;B;\n", "x.csv", "W", "nl").unwrap_err());
        assert_eq!(en, "x.csv: line 2, column 3 (title): must not be empty");
        assert_eq!(nl, "x.csv: regel 2, kolom 3 (titel): mag niet leeg zijn");
    }

    #[test]
    fn an_import_that_breaks_the_model_is_explained_in_dutch() {
        let mut v: serde_json::Value = serde_json::from_str(&to_json(&templates::instantiate("online-nl", None).unwrap())).unwrap();
        v["cards"][0]["phase"] = serde_json::json!(model::new_id());
        let (en, nl) = both(&from_json(&v.to_string(), "x.json", Ids::New).unwrap_err());
        assert!(en.starts_with("x.json: card phase: card '") && en.contains("is in unknown phase"), "{en}");
        assert!(nl.starts_with("x.json: fase van de kaart: kaart '") && nl.contains("staat in een onbekende fase"), "{nl}");
    }

    #[test]
    fn broken_json_is_explained_in_dutch_around_the_parsers_own_words() {
        let text = "{\n  \"format\": \"journeywall\",\n  \"version\": 1,\n  oops\n}";
        let (en, nl) = both(&from_json(text, "bad.json", Ids::New).unwrap_err());
        assert!(en.starts_with("bad.json: is not valid JSON: line 4, column 3: "), "{en}");
        assert!(nl.starts_with("bad.json: is geen geldige JSON: regel 4, kolom 3: "), "{nl}");
    }

    #[test]
    fn a_write_to_a_missing_folder_is_explained_in_dutch() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("missing/poster.pdf");
        let (en, nl) = both(&crate::files::write_atomically(&target, b"x").unwrap_err());
        assert_eq!(en, format!("could not write {}: the folder does not exist", target.display()));
        assert_eq!(nl, format!("kon {} niet opslaan: de map bestaat niet", target.display()));
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_in_dutch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(&path, "workshop notes").unwrap();
        let (en, nl) = both(&Store::open(&path).err().unwrap());
        assert!(en.contains("notes.db: is not a Journeywall database (it is not an SQLite file at all)"), "{en}");
        assert!(nl.contains("notes.db: is geen Journeywall-database (het is helemaal geen SQLite-bestand)"), "{nl}");
        assert!(nl.ends_with("kies een ander bestand met --db, of zet dit bestand ergens anders neer."), "{nl}");
    }

    #[test]
    fn store_errors_without_a_text_of_their_own_are_dutch_too() {
        let mut store = Store::in_memory().unwrap();
        let doc = templates::instantiate("blank-nl", None).unwrap();
        store.insert_doc(&doc).unwrap();
        let cases = [
            (store.undo(doc.journey.id, None).unwrap_err(), "er is niets om ongedaan te maken"),
            (store.redo(doc.journey.id, None).unwrap_err(), "er is niets om opnieuw te doen"),
            (store.resolve("Nergens").unwrap_err(), "er is geen klantreis met de naam of het id 'Nergens'"),
            (templates::instantiate("zeppelin", None).unwrap_err(), "er is geen sjabloon 'zeppelin' (zie `journeywall templates`)"),
            (Error::not_found(Record::Phase, "p1"), "er is geen fase met id p1 in deze klantreis"),
            (
                Error::AmbiguousJourney { name: "Winkel".into(), count: 2 },
                "er zijn 2 klantreizen met de naam 'Winkel'; gebruik het id (zie `journeywall list`)",
            ),
            (Error::Sql(rusqlite::Error::QueryReturnedNoRows), "databasefout: Query returned no rows"),
        ];
        for (e, dutch) in cases {
            let (en, nl) = both(&e);
            assert_eq!(nl, dutch, "English: {en}");
        }
    }
}
