//! The columns of a table of cards, declared once: the importer reads a header by these names
//! (`csv_import`) and the spreadsheet export writes its header with them (`table_export`), in
//! this order, so a sheet written by one is read by the other.

use crate::said::Lang;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(super) enum Column {
    Phase,
    Row,
    Title,
    Notes,
    Channel,
    Emotion,
    Tags,
    Colour,
    Votes,
}

/// Each column's names a header may use: English first, then Dutch, then other words for it.
/// The order is the order the export writes them in.
pub(super) const NAMES: [(Column, &[&str]); 9] = [
    (Column::Phase, &["phase", "fase"]),
    (Column::Row, &["row", "rij", "lane"]),
    (Column::Title, &["title", "titel", "card", "kaart"]),
    (Column::Notes, &["notes", "notities", "note", "notitie"]),
    (Column::Channel, &["channel", "kanaal", "touchpoint"]),
    (Column::Emotion, &["emotion", "emotie"]),
    (Column::Tags, &["tags", "labels", "tag", "label"]),
    (Column::Colour, &["colour", "kleur", "color"]),
    (Column::Votes, &["votes", "stemmen"]),
];

/// What separates a card's tags in one cell. A tag is a title, so it may hold a comma; such a
/// tag comes back as two (docs/FILE-FORMAT.md says so).
pub(super) const TAG_SEPARATOR: &str = ", ";

impl Column {
    pub(super) fn parse(name: &str) -> Option<Column> {
        let name = name.trim().to_lowercase();
        NAMES.iter().find(|(_, names)| names.contains(&name.as_str())).map(|&(c, _)| c)
    }

    fn names(self) -> &'static [&'static str] {
        NAMES.iter().find(|&&(c, _)| c == self).map_or(&[], |&(_, names)| names)
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
        capitalised(match lang {
            Lang::En => self.name(),
            Lang::Nl => self.name_nl(),
        })
    }
}

/// "fase" → "Fase".
pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_the_export_writes_is_read_back_as_its_column() {
        for lang in [Lang::En, Lang::Nl] {
            for (column, _) in NAMES {
                assert_eq!(Column::parse(&column.header(lang)), Some(column), "{}", column.header(lang));
            }
        }
        assert_eq!(Column::Tags.header(Lang::Nl), "Labels");
    }
}
