//! Built-in journeys, in Dutch and English, written from the two articles our users work with
//! (the five website phases with their guiding questions, and the online journey with its
//! touchpoints), plus a blank one. They are ordinary Journeywall files, embedded at build time.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::interchange::{self, Ids};
use crate::model::{self, Id, JourneyDoc};
use crate::said::{Field, Lang};
use crate::store::Store;

const TEMPLATES: &[(&str, &str)] = &[
    ("online-en", include_str!("../templates/online-en.json")),
    ("online-nl", include_str!("../templates/online-nl.json")),
    ("website-en", include_str!("../templates/website-en.json")),
    ("website-nl", include_str!("../templates/website-nl.json")),
    ("blank-en", include_str!("../templates/blank-en.json")),
    ("blank-nl", include_str!("../templates/blank-nl.json")),
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TemplateInfo {
    pub id: String,
    pub language: Lang,
    pub title: String,
    pub description: String,
    pub phases: Vec<String>,
    pub cards: u32,
}

pub fn list() -> Vec<TemplateInfo> {
    TEMPLATES
        .iter()
        .filter_map(|(id, _)| {
            let doc = instantiate(id, None).ok()?;
            Some(TemplateInfo {
                id: (*id).into(),
                language: doc.journey.locale,
                title: doc.journey.name,
                description: doc.journey.description,
                phases: doc.phases.into_iter().map(|p| p.title).collect(),
                cards: doc.cards.len() as u32,
            })
        })
        .collect()
}

/// A new journey from a template, with fresh ids; `name` replaces the template's title.
pub fn instantiate(id: &str, name: Option<&str>) -> Result<JourneyDoc> {
    let (_, json) = TEMPLATES.iter().find(|(t, _)| *t == id).ok_or_else(|| Error::NoSuchTemplate(id.into()))?;
    let mut doc = interchange::from_json(json, id, Ids::New)?;
    if let Some(name) = name {
        model::check_title(Field::Name, name)?;
        doc.journey.name = name.into();
    }
    Ok(doc)
}

/// The template a new user sees first: the online journey in their language.
pub fn sample_for_locale(locale: &str) -> &'static str {
    if locale.starts_with("nl") {
        "online-nl"
    } else {
        "online-en"
    }
}

const SAMPLE_ADDED: &str = "sample_added";

/// On the very first start of the editor, puts a sample journey in an empty database so a new
/// user sees something real. Only once: a user who deletes it does not get it back.
pub fn add_sample_on_first_start(store: &mut Store, locale: &str) -> Result<Option<Id>> {
    if store.meta(SAMPLE_ADDED)?.is_some() {
        return Ok(None);
    }
    if !store.list()?.is_empty() {
        store.set_meta(SAMPLE_ADDED, "1")?;
        return Ok(None);
    }
    let doc = instantiate(sample_for_locale(locale), None)?;
    // The journey and the mark that it was added, together: never one without the other.
    store.insert_doc_with_meta(&doc, SAMPLE_ADDED, Some("1"))?;
    Ok(Some(doc.journey.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_a_valid_journey_in_both_languages() {
        let list = list();
        assert_eq!(list.len(), TEMPLATES.len(), "a template failed to load");
        for lang in [Lang::Nl, Lang::En] {
            assert!(list.iter().filter(|t| t.language == lang).count() >= 3);
        }
        let website = list.iter().find(|t| t.id == "website-nl").unwrap();
        assert_eq!(website.phases, ["Oriëntatie", "Overweging", "Aankoop", "Nazorg", "Herhaalaankoop"]);
        let online = list.iter().find(|t| t.id == "online-en").unwrap();
        assert_eq!(online.phases, ["Awareness", "Consideration", "Purchase", "Delivery", "Evaluation"]);
        assert!(online.cards >= 30);
    }

    #[test]
    fn every_template_has_the_six_rows_with_an_emotion_curve() {
        for (id, _) in TEMPLATES {
            let doc = instantiate(id, None).unwrap();
            assert_eq!(doc.rows.len(), 6, "{id}");
            assert_eq!(doc.rows[3].kind, model::RowKind::Emotion, "{id}");
        }
    }

    #[test]
    fn the_sample_is_added_once_in_the_users_language() {
        let mut store = Store::in_memory().unwrap();
        let id = add_sample_on_first_start(&mut store, "nl_NL.UTF-8").unwrap().unwrap();
        assert_eq!(store.load(id).unwrap().journey.locale, Lang::Nl);
        store.delete_journey(id).unwrap();
        assert_eq!(add_sample_on_first_start(&mut store, "nl").unwrap(), None);
        assert!(store.list().unwrap().is_empty());
    }

    #[test]
    fn two_journeys_from_one_template_share_no_ids() {
        let a = instantiate("website-en", Some("A")).unwrap();
        let b = instantiate("website-en", Some("B")).unwrap();
        assert_ne!(a.journey.id, b.journey.id);
        assert!(a.cards.iter().zip(&b.cards).all(|(x, y)| x.id != y.id));
        assert_eq!(a.journey.name, "A");
    }
}
