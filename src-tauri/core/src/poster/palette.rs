//! The poster's colours, which the deck's slides share, so the map looks the same on the wall
//! and on the screen.

use super::shapes::Colour;
use crate::model::{Card, Phase};

pub const INK: Colour = Colour::BLACK;
pub const MUTED: Colour = Colour::rgb(0x5b, 0x66, 0x78);
pub const RULE: Colour = Colour::rgb(0xc9, 0xcf, 0xd8);
pub const PAPER: Colour = Colour::WHITE;
pub const VOTE: Colour = Colour::rgb(0x1d, 0x25, 0x33);
/// The emotion curve.
pub const CURVE: Colour = Colour::rgb(0x3d, 0x4b, 0x63);
/// The faces' colours from very negative to very positive (ColorBrewer RdBu, safe for colour
/// blindness); the mouth and outline differ too, so they read in grey.
pub const EMOTION_COLOURS: [Colour; 5] = [
    Colour::rgb(0xb2, 0x18, 0x2b),
    Colour::rgb(0xef, 0x8a, 0x62),
    Colour::rgb(0x8c, 0x8c, 0x8c),
    Colour::rgb(0x67, 0xa9, 0xcf),
    Colour::rgb(0x21, 0x66, 0xac),
];
/// Fills for a phase and a row whose colour is not one.
pub const PHASE_FILL: Colour = Colour::rgb(0xda, 0xee, 0xfa);
pub const ROW_FILL: Colour = Colour::rgb(0xf4, 0xf5, 0xf7);

/// A card's fill: its own colour, else its phase's, else a pale yellow.
pub fn card_fill(card: &Card, phase: &Phase) -> Colour {
    Colour::hex(card.colour.as_deref().unwrap_or(&phase.colour), Colour::rgb(0xfc, 0xf9, 0xd5))
}
