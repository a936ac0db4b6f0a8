//! The list of journeys as a whole: duplicating one, and deleting one so that the last delete
//! can be undone (the journey is kept as an interchange file in the database until the next
//! delete replaces it).

use crate::error::{Error, Result};
use crate::interchange::{self, Ids};
use crate::model::{check_title, Id};
use crate::said;
use crate::said::Field;
use crate::store::Store;

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
