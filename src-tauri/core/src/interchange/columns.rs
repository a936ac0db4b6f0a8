//! The columns of a table of cards: the card's phase and row (by title), then every field of a
//! card that its declaration puts in a table (`Card::TABLE_COLUMNS`), in that order. The importer
//! reads a header by these names (`csv_import`) and the spreadsheet export writes its header
//! with them (`table_export`), so a sheet written by one is read by the other.

use crate::kinds;
use crate::model::Card;
use crate::said::Lang;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(super) enum Column {
    /// The title of the card's phase.
    Phase,
    /// The title of the card's row.
    Row,
    /// The card's field in `Card::TABLE_COLUMNS` at this index.
    Card(usize),
}

impl Column {
    /// Every column, in the order the export writes them.
    pub(super) fn all() -> impl Iterator<Item = Column> {
        [Column::Phase, Column::Row].into_iter().chain((0..Card::TABLE_COLUMNS.len()).map(Column::Card))
    }

    pub(super) fn parse(name: &str) -> Option<Column> {
        let name = name.trim().to_lowercase();
        Column::all().find(|c| c.names().contains(&name.as_str()))
    }

    /// The card's field this column holds, if it is one of the card's own.
    pub(super) fn field(self) -> Option<&'static kinds::Column<Card>> {
        match self {
            Column::Card(i) => Card::TABLE_COLUMNS.get(i),
            Column::Phase | Column::Row => None,
        }
    }

    /// The names a header may use: English first, then Dutch, then other words for it.
    fn names(self) -> &'static [&'static str] {
        match self {
            Column::Phase => &["phase", "fase"],
            Column::Row => &["row", "rij", "lane"],
            Column::Card(_) => self.field().map_or(&[], |f| f.names),
        }
    }

    pub(super) fn name(self) -> &'static str {
        self.names()[0]
    }

    /// The Dutch name, which a header may also use.
    pub(super) fn name_nl(self) -> &'static str {
        self.names()[1]
    }

    /// The column's name as a header in `lang` shows it: "Phase", "Fase".
    pub(super) fn header(self, lang: Lang) -> String {
        header(self.names(), lang)
    }

    /// Its width in a workbook, in characters.
    pub(super) fn width(self) -> f64 {
        self.field().map_or(20.0, |f| f.width)
    }
}

/// A column named by `names` (English, Dutch, …) as a header in `lang` shows it: "Fase".
pub(super) fn header(names: &[&str], lang: Lang) -> String {
    let word = match lang {
        Lang::En => names[0],
        Lang::Nl => names[1],
    };
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_the_export_writes_is_read_back_as_its_column() {
        for lang in [Lang::En, Lang::Nl] {
            for column in Column::all() {
                assert_eq!(Column::parse(&column.header(lang)), Some(column), "{}", column.header(lang));
            }
        }
        assert_eq!(Column::parse("Labels").map(|c| c.header(Lang::En)).as_deref(), Some("Tags"));
    }
}
