//! The records a journey keeps in an order of their own: phases, rows and personas. Each is
//! inserted at a position, changed by a patch, moved and deleted in the same way, so that is
//! written once here; what differs (the table, the id's field name, what the board redraws) is
//! the `Ordered` impl.

use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::model::{Card, Id, Persona, Phase, Row};
use crate::records as db;
use crate::said::{Field, Record};
use crate::schema::Stored;

use super::{Applier, Touched};

pub(super) trait Ordered: Stored {
    const RECORD: Record;
    /// The field a duplicate id is reported on.
    const ID_FIELD: Field;
    fn id(&self) -> Id;
    fn position(&mut self) -> &mut u32;
    fn check(&self) -> Result<()>;
    /// Marks the whole list changed, for the board.
    fn touch(touched: &mut Touched);
}

macro_rules! ordered {
    ($ty:ident, $id_field:ident, $touched:ident) => {
        impl Ordered for $ty {
            const RECORD: Record = Record::$ty;
            const ID_FIELD: Field = Field::$id_field;
            fn id(&self) -> Id {
                self.id
            }
            fn position(&mut self) -> &mut u32 {
                &mut self.position
            }
            fn check(&self) -> Result<()> {
                self.validate()
            }
            fn touch(touched: &mut Touched) {
                touched.$touched = true;
            }
        }
    };
}

ordered!(Phase, PhaseId, phases);
ordered!(Row, RowId, rows);
ordered!(Persona, PersonaId, personas);

impl Applier<'_> {
    /// Inserts `item` at its position (the end when past it) and renumbers the rest; returns its id.
    pub(super) fn insert_ordered<T: Ordered>(&mut self, mut item: T) -> Result<Id> {
        item.check()?;
        let id = item.id();
        let mut list = db::ordered::<T>(self.c, self.journey)?;
        let at = (*item.position() as usize).min(list.len());
        *item.position() = at as u32;
        db::insert_ordered(self.c, self.journey, id, *item.position(), &item).map_err(|e| db::in_use(T::ID_FIELD, id, e))?;
        list.insert(at, item);
        self.renumber(&mut list)?;
        Ok(id)
    }

    /// Puts back a phase or row that was deleted, then the cards that went with it; returns its id.
    pub(super) fn restore_ordered<T: Ordered>(&mut self, item: T, cards: Vec<Card>) -> Result<Id> {
        let id = self.insert_ordered(item)?;
        self.apply(Edit::RestoreCards { cards })?;
        Ok(id)
    }

    /// Changes record `id` by `swap` (a patch's), which returns the patch that undoes it.
    pub(super) fn update_ordered<T: Ordered, P>(&mut self, id: Id, swap: impl FnOnce(&mut T) -> P) -> Result<P> {
        let mut item =
            db::ordered::<T>(self.c, self.journey)?.into_iter().find(|x| x.id() == id).ok_or_else(|| Error::not_found(T::RECORD, id))?;
        let inverse = swap(&mut item);
        item.check()?;
        db::update_ordered(self.c, item.id(), *item.position(), &item)?;
        T::touch(&mut self.touched);
        Ok(inverse)
    }

    /// Moves record `id` to `index` (clamped); returns where it was.
    pub(super) fn move_ordered<T: Ordered>(&mut self, id: Id, index: u32) -> Result<u32> {
        let mut list = db::ordered::<T>(self.c, self.journey)?;
        let from = list.iter().position(|x| x.id() == id).ok_or_else(|| Error::not_found(T::RECORD, id))?;
        let item = list.remove(from);
        list.insert((index as usize).min(list.len()), item);
        self.renumber(&mut list)?;
        Ok(from as u32)
    }

    /// Deletes record `id` and closes the gap it leaves; returns it as it was.
    pub(super) fn delete_ordered<T: Ordered>(&mut self, id: Id) -> Result<T> {
        let mut list = db::ordered::<T>(self.c, self.journey)?;
        let at = list.iter().position(|x| x.id() == id).ok_or_else(|| Error::not_found(T::RECORD, id))?;
        let removed = list.remove(at);
        db::delete(self.c, T::TABLE, id)?;
        self.renumber(&mut list)?;
        Ok(removed)
    }

    /// Gives every item its index as position, writing only those that changed.
    fn renumber<T: Ordered>(&mut self, list: &mut [T]) -> Result<()> {
        T::touch(&mut self.touched);
        for (i, item) in list.iter_mut().enumerate() {
            if *item.position() != i as u32 {
                *item.position() = i as u32;
                db::update_ordered(self.c, item.id(), *item.position(), item)?;
            }
        }
        Ok(())
    }
}
