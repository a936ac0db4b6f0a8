//! Paper sizes and the lengths people type ("3m", "76mm", "11in", "420x297mm").

use crate::fields::ensure;
use crate::said;
use crate::said::dutch_number;
use crate::said::Field;
use crate::{Error, Result};

/// The longest side a poster or a sheet may have: beyond this a typing slip ("300m") is far more
/// likely than a real wall.
pub const MAX_MM: f32 = 15_000.0;

/// Named sheets, portrait, in millimetres. The first name of each is the one shown.
const PAPERS: &[(&[&str], f32, f32)] = &[
    (&["A5"], 148.0, 210.0),
    (&["A4"], 210.0, 297.0),
    (&["A3"], 297.0, 420.0),
    (&["A2"], 420.0, 594.0),
    (&["A1"], 594.0, 841.0),
    (&["A0"], 841.0, 1189.0),
    (&["2A0"], 1189.0, 1682.0),
    (&["Letter", "ANSI A"], 215.9, 279.4),
    (&["Legal"], 215.9, 355.6),
    (&["Tabloid", "ANSI B", "Ledger"], 279.4, 431.8),
    (&["ANSI C"], 431.8, 558.8),
    (&["ANSI D"], 558.8, 863.6),
    (&["ANSI E"], 863.6, 1117.6),
    (&["Arch C"], 457.2, 609.6),
    (&["Arch D"], 609.6, 914.4),
    (&["Arch E"], 914.4, 1219.2),
];

/// The names shown in the dialog and in error messages, in a sensible order.
pub fn paper_names() -> Vec<&'static str> {
    PAPERS.iter().map(|(names, _, _)| names[0]).collect()
}

/// Where the office printer holds US Letter rather than A4: CLDR's `paperSize` data
/// (supplementalData.xml, `<paperSize type="US-Letter" territories="…"/>`; everywhere else A4).
const LETTER_REGIONS: &[&str] = &["BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"];

/// The paper a tiled poster starts on: what the office printer holds in the region of `locale`
/// ("en_US.UTF-8", "nl-NL", "es-419"; the system's, never the web view's, which says en-US
/// everywhere). Without a region it is A4, as in most of the world.
pub fn office_paper(locale: &str) -> &'static str {
    // POSIX "ll_RR.codeset@modifier" or BCP 47 "ll-Script-RR": the region is the first part
    // after the language of two letters or three digits.
    let tag = locale.split(['.', '@']).next().unwrap_or_default();
    let region = tag.split(['_', '-']).skip(1).find(|part| {
        (part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic())) || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()))
    });
    match region {
        Some(region) if LETTER_REGIONS.iter().any(|r| r.eq_ignore_ascii_case(region)) => "Letter",
        _ => "A4",
    }
}

/// A sheet of paper, portrait (width ≤ height), with the name it is shown by.
#[derive(Debug, Clone, PartialEq)]
pub struct Paper {
    pub name: String,
    pub width: f32,
    pub height: f32,
}

/// Parses a paper name ("A4", "arch d", "ansi-c") or a custom size ("420x297mm", "11x17in",
/// "60 x 90 cm"). `option` names the setting in the error message.
pub fn parse_paper(option: Field, text: &str) -> Result<Paper> {
    let wanted = normalise(text);
    if let Some((names, w, h)) = PAPERS.iter().find(|(names, _, _)| names.iter().any(|n| normalise(n) == wanted)) {
        return Ok(Paper { name: names[0].to_string(), width: *w, height: *h });
    }
    let lower = text.to_ascii_lowercase();
    if let Some((a, b)) = lower.split_once(['x', '×']).filter(|(a, _)| a.trim().starts_with(|c: char| c.is_ascii_digit())) {
        // "420x297mm": the unit written once, at the end, applies to both numbers.
        let unit = b.trim().trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',').trim().to_string();
        let a = if a.trim().ends_with(|c: char| c.is_ascii_digit()) { format!("{}{unit}", a.trim()) } else { a.to_string() };
        let (w, h) = (parse_length(option, &a)?, parse_length(option, b)?);
        let (w, h) = (w.min(h), w.max(h));
        return Ok(Paper { name: format!("{} × {} mm", round1(w), round1(h)), width: w, height: h });
    }
    Err(Error::invalid(
        option,
        said!(
            "unknown paper '{text}'; use {names}, or a size such as 420x297mm",
            "onbekend papierformaat '{text}'; gebruik {names}, of een formaat zoals 420x297mm",
            names = paper_names().join(", ")
        ),
    ))
}

/// Parses a length with a unit (mm, cm, m, in, ″); a bare number is millimetres.
pub fn parse_length(option: Field, text: &str) -> Result<f32> {
    let t = text.trim().to_ascii_lowercase().replace(',', ".");
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+')).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let factor = match unit.trim() {
        "" | "mm" => 1.0,
        "cm" => 10.0,
        "m" => 1000.0,
        "in" | "inch" | "\"" | "″" => 25.4,
        other => {
            return Err(Error::invalid(
                option,
                said!(
                    "unknown unit '{other}' in '{text}'; use mm, cm, m or in",
                    "onbekende eenheid '{other}' in '{text}'; gebruik mm, cm, m of in"
                ),
            ))
        }
    };
    let value: f32 = number.parse().map_err(|_| {
        Error::invalid(
            option,
            said!("'{text}' is not a length; write it like 10mm, 3m or 11in", "'{text}' is geen lengte; schrijf het als 10mm, 3m of 11in"),
        )
    })?;
    positive_length(option, value * factor)
}

/// Checks that a length in millimetres is a real size: above zero and at most 15 m.
pub fn positive_length(option: Field, mm: f32) -> Result<f32> {
    ensure(mm.is_finite() && mm > 0.0, option, || said!("must be more than zero", "moet groter zijn dan nul"))?;
    ensure(mm <= MAX_MM, option, || {
        said!(
            "{m} m is more than the 15 m a poster may be",
            "{m_nl} m is meer dan de 15 m die een poster mag zijn",
            m = round1(mm / 1000.0),
            m_nl = dutch_number(m)
        )
    })?;
    Ok(mm)
}

/// Parses a scale: "100%", "50 %" or "0.5".
pub fn parse_percent(option: Field, text: &str) -> Result<f32> {
    let t = text.trim();
    let value = match t.strip_suffix('%') {
        Some(p) => p.trim().parse::<f32>().ok(),
        None => t.parse::<f32>().ok().map(|f| f * 100.0),
    };
    match value {
        Some(v) if v.is_finite() && v > 0.0 => Ok(v),
        Some(_) => Err(Error::invalid(option, said!("must be more than zero", "moet groter zijn dan nul"))),
        None => Err(Error::invalid(
            option,
            said!("'{text}' is not a scale; write it like 100%", "'{text}' is geen schaal; schrijf het als 100%"),
        )),
    }
}

fn normalise(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_ascii_lowercase()
}

pub(crate) fn round1(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_papers_and_aliases() {
        assert_eq!(parse_paper(Field::Sheet, "a4").unwrap(), Paper { name: "A4".into(), width: 210.0, height: 297.0 });
        assert_eq!(parse_paper(Field::Sheet, "Arch-D").unwrap().width, 609.6);
        assert_eq!(parse_paper(Field::Sheet, "ansi b").unwrap().name, "Tabloid");
        assert_eq!(parse_paper(Field::Sheet, "2A0").unwrap().height, 1682.0);
    }

    #[test]
    fn custom_papers_take_the_unit_once() {
        let p = parse_paper(Field::Sheet, "420x297mm").unwrap();
        assert_eq!((p.width, p.height), (297.0, 420.0));
        let p = parse_paper(Field::Sheet, "11x17in").unwrap();
        assert!((p.width - 279.4).abs() < 0.01 && (p.height - 431.8).abs() < 0.01);
        let p = parse_paper(Field::Sheet, "60 x 90 cm").unwrap();
        assert_eq!((p.width, p.height), (600.0, 900.0));
    }

    #[test]
    fn bad_papers_name_the_option() {
        let e = parse_paper(Field::Sheet, "A7x").unwrap_err().to_string();
        assert!(e.starts_with("sheet: unknown paper 'A7x'"), "{e}");
        assert!(parse_paper(Field::Sheet, "0x297mm").unwrap_err().to_string().contains("more than zero"));
        assert!(parse_paper(Field::Sheet, "20000x297mm").unwrap_err().to_string().contains("15 m"));
    }

    #[test]
    fn lengths() {
        assert_eq!(parse_length(Field::Width, "3m").unwrap(), 3000.0);
        assert_eq!(parse_length(Field::Width, "76mm").unwrap(), 76.0);
        assert_eq!(parse_length(Field::Width, "7,5 cm").unwrap(), 75.0);
        assert_eq!(parse_length(Field::Width, "10").unwrap(), 10.0);
        assert!((parse_length(Field::Width, "2in").unwrap() - 50.8).abs() < 1e-4);
        assert!(parse_length(Field::Width, "-3m").unwrap_err().to_string().contains("more than zero"));
        assert!(parse_length(Field::Width, "16m").unwrap_err().to_string().contains("15 m"));
        assert!(parse_length(Field::Width, "3 furlongs").unwrap_err().to_string().contains("unknown unit"));
        assert!(parse_length(Field::Width, "m").is_err());
    }

    #[test]
    fn office_paper_is_letter_only_in_the_regions_that_print_on_it() {
        for locale in ["nl_NL.UTF-8", "nl-BE", "en_GB.UTF-8", "en-IE", "de-DE", "fr_CA@euro", "es-MX", "en-US", "en_PH", "es_CL", "es-419"]
        {
            let expected = if ["fr_CA@euro", "es-MX", "en-US", "en_PH", "es_CL"].contains(&locale) { "Letter" } else { "A4" };
            assert_eq!(office_paper(locale), expected, "{locale}");
        }
        // A script between language and region, and the region in lower case, still count.
        assert_eq!(office_paper("zh-Hans-CN"), "A4");
        assert_eq!(office_paper("es-Latn-co"), "Letter");
        // No region at all (a bare language, "C", POSIX or nothing): A4, as most of the world.
        for locale in ["en", "nl", "C", "POSIX", "C.UTF-8", ""] {
            assert_eq!(office_paper(locale), "A4", "{locale}");
        }
    }

    #[test]
    fn percentages() {
        assert_eq!(parse_percent(Field::Scale, "100%").unwrap(), 100.0);
        assert_eq!(parse_percent(Field::Scale, "0.5").unwrap(), 50.0);
        assert!(parse_percent(Field::Scale, "0%").is_err());
        assert!(parse_percent(Field::Scale, "big").is_err());
    }
}
