//! Where records are kept: the tables of the database, by name.

/// A table that holds records of journeys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Journeys,
    Phases,
    Rows,
    Cards,
    Personas,
    Rounds,
}

impl Table {
    /// Its name in SQL.
    pub fn as_str(self) -> &'static str {
        match self {
            Table::Journeys => "journeys",
            Table::Phases => "phases",
            Table::Rows => "journey_rows",
            Table::Cards => "cards",
            Table::Personas => "personas",
            Table::Rounds => "rounds",
        }
    }
}
