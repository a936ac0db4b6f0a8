//! The list of journeys as a whole: importing one beside the others under a name of its own,
//! duplicating one, and deleting one so that the last delete can be undone (the journey is kept
//! as an interchange file in the database until the next delete replaces it).

use crate::error::{Error, Result};
use crate::fields::MAX_TITLE_CHARS;
use crate::interchange::{self, Ids, Imported};
use crate::model::{check_title, Id};
use crate::said;
use crate::said::{Field, Said};
use crate::store::Store;

/// A journey added from a file, and what to tell the person who added it: how the file was read,
/// and the name it was given when its own was taken.
#[derive(Debug)]
pub struct Added {
    pub journey: Id,
    pub remarks: Vec<Said>,
}

/// Stores an imported journey. When another journey already has its name (a journey exported and
/// imported back, a workbook imported twice), it is called "… (2)", "… (3)", …, so the two can be
/// told apart in the list, and a remark says so.
pub fn import(store: &mut Store, imported: Imported) -> Result<Added> {
    let Imported { mut doc, mut remarks } = imported;
    let taken: Vec<String> = store.list()?.into_iter().map(|j| j.name).collect();
    let name = free_name(&doc.journey.name, &taken);
    if name != doc.journey.name {
        let old = &doc.journey.name;
        remarks.push(said!(
            "A journey called “{old}” is already here, so this one is called “{name}”.",
            "Er is al een klantreis met de naam “{old}”, dus deze heet “{name}”."
        ));
        doc.journey.name = name;
    }
    store.insert_doc(&doc)?;
    Ok(Added { journey: doc.journey.id, remarks })
}

/// `name`, or when it is taken, the first of "name (2)", "name (3)", … that is not ("Trip (2)"
/// taken goes on as "Trip (3)", not "Trip (2) (2)"), shortened to stay a valid title.
fn free_name(name: &str, taken: &[String]) -> String {
    let is_taken = |n: &str| taken.iter().any(|t| t.trim() == n.trim());
    if !is_taken(name) {
        return name.into();
    }
    // "Trip (2)" counts on from 2; "Trip" from 1.
    let (stem, from) = name
        .trim_end()
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once(" ("))
        .and_then(|(stem, n)| n.parse::<u32>().ok().map(|n| (stem, n)))
        .unwrap_or((name.trim_end(), 1));
    (from + 1..)
        .map(|n| {
            let suffix = format!(" ({n})");
            let room = MAX_TITLE_CHARS.saturating_sub(suffix.chars().count());
            format!("{}{suffix}", stem.chars().take(room).collect::<String>().trim_end())
        })
        .find(|candidate| !is_taken(candidate))
        .expect("finitely many names are taken")
}

const LAST_DELETED: &str = "last_deleted_journey";

/// A copy of a journey under a new name, with new ids; its undo history starts empty.
pub fn duplicate(store: &mut Store, journey: Id, name: &str) -> Result<Id> {
    check_title(Field::Name, name)?;
    let json = interchange::to_json(&store.load_with_rounds(journey)?);
    let mut copy = interchange::from_json(&json, "copy", Ids::New)?;
    copy.journey.name = name.into();
    store.insert_doc(&copy)?;
    Ok(copy.journey.id)
}

/// Deletes a journey, keeping it aside so `restore_last_deleted` can bring it back.
pub fn delete(store: &mut Store, journey: Id) -> Result<()> {
    let json = interchange::to_json(&store.load_with_rounds(journey)?);
    store.delete_journey_keeping(journey, LAST_DELETED, &json)
}

/// Brings back the journey deleted last, with its ids (its undo history is not kept).
pub fn restore_last_deleted(store: &mut Store) -> Result<Id> {
    let json = store.meta(LAST_DELETED)?.ok_or_else(|| {
        Error::invalid(
            Field::Undo,
            said!("there is no deleted journey to bring back", "er is geen verwijderde klantreis om terug te halen"),
        )
    })?;
    let doc = interchange::from_json(&json, "deleted journey", Ids::Keep)?;
    store.insert_doc_with_meta(&doc, LAST_DELETED, None)?;
    Ok(doc.journey.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;

    #[test]
    fn the_last_deleted_journey_comes_back_whole_and_only_once() {
        let mut store = Store::in_memory().unwrap();
        let doc = templates::instantiate("online-en", None).unwrap();
        store.insert_doc(&doc).unwrap();
        delete(&mut store, doc.journey.id).unwrap();
        assert!(store.list().unwrap().is_empty());
        let id = restore_last_deleted(&mut store).unwrap();
        assert_eq!(id, doc.journey.id);
        assert_eq!(store.load(id).unwrap().cards.len(), doc.cards.len());
        assert!(restore_last_deleted(&mut store).is_err());
    }

    /// A journey exported and imported back stood twice in the list under one name, and nobody
    /// could tell which was which: the second is "… (2)", the next "… (3)", and the import says so.
    #[test]
    fn a_journey_imported_beside_one_of_its_name_is_numbered_and_says_so() {
        use crate::said::Lang;
        let mut store = Store::in_memory().unwrap();
        let doc = templates::instantiate("online-nl", Some("Fietsenwinkel")).unwrap();
        store.insert_doc(&doc).unwrap();
        let file = interchange::to_json(&doc);
        let again = || interchange::import_file(file.as_bytes(), "fietsenwinkel.json", None, Ids::New, "nl").unwrap();
        let second = import(&mut store, again()).unwrap();
        let third = import(&mut store, again()).unwrap();
        let name = |store: &Store, id| store.load(id).unwrap().journey.name;
        assert_eq!(
            (name(&store, second.journey), name(&store, third.journey)),
            ("Fietsenwinkel (2)".to_string(), "Fietsenwinkel (3)".to_string())
        );
        assert_eq!(
            second.remarks[0].get(Lang::Nl),
            "Er is al een klantreis met de naam “Fietsenwinkel”, dus deze heet “Fietsenwinkel (2)”."
        );
        assert_eq!(
            third.remarks[0].get(Lang::En),
            "A journey called “Fietsenwinkel” is already here, so this one is called “Fietsenwinkel (3)”."
        );
        // The numbered one imported back counts on; a free name is kept, and nothing is said.
        let taken: Vec<String> = store.list().unwrap().into_iter().map(|j| j.name).collect();
        assert_eq!(free_name("Fietsenwinkel (2)", &taken), "Fietsenwinkel (4)");
        let other = templates::instantiate("online-nl", Some("Bakkerij")).unwrap();
        let added = import(&mut store, interchange::Imported { doc: other, remarks: vec![] }).unwrap();
        assert_eq!((name(&store, added.journey), added.remarks.len()), ("Bakkerij".to_string(), 0));
        // A name at the length limit stays within it.
        let long = "x".repeat(MAX_TITLE_CHARS);
        assert_eq!(free_name(&long, std::slice::from_ref(&long)).chars().count(), MAX_TITLE_CHARS);
    }

    #[test]
    fn a_duplicate_is_a_separate_journey() {
        let mut store = Store::in_memory().unwrap();
        let doc = templates::instantiate("website-nl", None).unwrap();
        store.insert_doc(&doc).unwrap();
        let copy = duplicate(&mut store, doc.journey.id, "Kopie").unwrap();
        assert_ne!(copy, doc.journey.id);
        let loaded = store.load(copy).unwrap();
        assert_eq!((loaded.journey.name.as_str(), loaded.cards.len()), ("Kopie", doc.cards.len()));
    }
}
