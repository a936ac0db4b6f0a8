//! The join link as a QR code, drawn here as SVG (no network, no image files): one path of dark
//! modules with a quiet zone, black on white so every phone camera reads it on a projector too.

use qrcode::{Color, EcLevel, QrCode};

pub fn svg(text: &str) -> String {
    // M: still readable when a quarter of a projected code is washed out by the room's light.
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) else { return String::new() };
    let width = code.width();
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut path = String::new();
    for (i, colour) in code.to_colors().iter().enumerate() {
        if *colour == Color::Dark {
            let (x, y) = (i % width + quiet, i / width + quiet);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_link_makes_a_square_svg_with_a_quiet_zone() {
        let svg = super::svg("http://10.42.0.1:8765/r/abcdefghijklmnopqrstuv");
        assert!(svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 41 41\""), "{svg}");
        assert!(svg.matches("h1v1h-1z").count() > 200);
    }
}
