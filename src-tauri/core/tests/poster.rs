//! Posters from the templates and from big and odd journeys, checked the way a person would:
//! poppler's pdfinfo for pages and sizes, pdftotext for the words, an XML parser for the SVG.
//! The files are kept under target/posters/ to look at (`pdftoppm -r 20 -png`).

use std::path::{Path, PathBuf};
use std::process::Command;

use journeywall_core::fixtures::{crowded_emotions, grown_journey};
use journeywall_core::model::JourneyDoc;
use journeywall_core::poster::{Orientation, Poster, PosterMode, PosterOptions, PosterSize};
use journeywall_core::templates;

const NOW: i64 = 1_795_392_000_000; // 23 November 2026

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/posters");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed for this test (Debian: poppler-utils, python3): {e}"));
    assert!(out.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

struct Info {
    pages: usize,
    /// Every page's size in mm, rounded.
    sizes: Vec<(u32, u32)>,
}

fn pdfinfo(path: &Path) -> Info {
    let text = tool("pdfinfo", &["-f", "1", "-l", "100000", path.to_str().unwrap()]);
    let pages = text.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    let sizes = text
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let nums: Vec<f32> = l.split("size:").nth(1).unwrap().split_whitespace().filter_map(|w| w.parse().ok()).collect();
            ((nums[0] * 25.4 / 72.0).round() as u32, (nums[1] * 25.4 / 72.0).round() as u32)
        })
        .collect();
    Info { pages, sizes }
}

/// The PDF's text in drawing order, without whitespace (lines wrap where the layout chose).
fn pdf_text(path: &Path) -> String {
    tool("pdftotext", &["-raw", "-enc", "UTF-8", path.to_str().unwrap(), "-"]).split_whitespace().collect()
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

fn write(doc: &JourneyDoc, options: &PosterOptions, file: &str) -> (Poster, PathBuf) {
    let poster = Poster::new(doc, options, NOW).unwrap_or_else(|e| panic!("{file}: {e}"));
    let path = out_dir().join(file);
    poster.write(&path).unwrap();
    (poster, path)
}

fn assert_all_titles(doc: &JourneyDoc, text: &str) {
    let hidden: Vec<_> = doc.rows.iter().filter(|r| r.hidden).map(|r| r.id).collect();
    for c in doc.cards.iter().filter(|c| !hidden.contains(&c.row)) {
        assert!(text.contains(&squeeze(&c.title)), "'{}' is missing from the PDF text", c.title);
    }
}

fn tiled(sheet: &str, size: PosterSize) -> PosterOptions {
    PosterOptions { sheet: sheet.into(), mode: PosterMode::Tiled, size, ..Default::default() }
}

#[test]
fn every_template_prints_on_one_a0_with_every_title() {
    for t in templates::list() {
        let doc = templates::instantiate(&t.id, None).unwrap();
        let (poster, path) = write(&doc, &PosterOptions { notes: true, ..Default::default() }, &format!("{}-A0.pdf", t.id));
        let info = pdfinfo(&path);
        assert_eq!(info.pages, 1);
        let (w, h) = info.sizes[0];
        assert!((w, h) == (841, 1189) || (w, h) == (1189, 841), "{}: {w}×{h}", t.id);
        assert_eq!(poster.info(journeywall_core::Lang::En).pages, 1);
        let text = pdf_text(&path);
        assert_all_titles(&doc, &text);
        for p in &doc.phases {
            assert!(text.contains(&squeeze(&p.title)), "phase '{}' missing", p.title);
        }
        assert!(text.contains(&squeeze(&doc.journey.name)));
        // Dutch diacritics and the euro sign come back as text.
        if squeeze(&doc.journey.description).contains('ë') {
            assert!(text.contains('ë'), "{}: no ë", t.id);
        }
    }
}

/// Two or three emotion points in a phase, as a workshop leaves them: on A0 each point's title is
/// printed once, under or over its face, not again as a card under the curve. (A tiled poster's
/// sheets each show the one drawing, so its text repeats where sheets overlap.)
#[test]
fn each_emotion_point_prints_once_on_a0() {
    let doc = crowded_emotions();
    let emotion = doc.rows.iter().find(|r| r.kind == journeywall_core::model::RowKind::Emotion).unwrap().id;
    let (_, path) = write(&doc, &PosterOptions::default(), "crowded-emotions-A0.pdf");
    let text = pdf_text(&path);
    for c in doc.cards.iter().filter(|c| c.row == emotion) {
        assert_eq!(text.matches(&squeeze(&c.title)).count(), 1, "'{}'", c.title);
    }
}

#[test]
fn tiled_over_a4_has_the_assembly_page_and_a4_pages() {
    let doc = templates::instantiate("website-nl", None).unwrap();
    let (poster, path) = write(&doc, &tiled("A4", PosterSize::Width { mm: 1500.0 }), "website-nl-tiled-A4.pdf");
    let info = pdfinfo(&path);
    let p = poster.info(journeywall_core::Lang::En);
    assert_eq!(info.pages as u32, p.sheets_across * p.sheets_down + 1);
    assert!(p.sheets_across >= 5, "{p:?}");
    for (w, h) in &info.sizes {
        assert!((*w, *h) == (210, 297) || (*w, *h) == (297, 210), "{w}×{h}");
    }
    // As wide as asked, less the blank margin a last column of sheets would hold alone, or the
    // few percent that spare a row of sheets holding only a sliver of the poster.
    assert!(p.width_mm <= 1500.5 && p.width_mm > 1500.0 * 0.85, "{}", p.width_mm);
    let text = pdf_text(&path);
    // The dialog speaks its own language; the poster speaks the journey's.
    assert!(p.summary.contains("sheets of A4"), "{}", p.summary);
    let dutch = poster.info(journeywall_core::Lang::Nl).summary;
    let size_line = squeeze(&dutch.replace("→", "· eindformaat"));
    assert!(text.contains(&size_line), "'{size_line}' not on the assembly page");
    assert!(text.contains("A1·Vel1van"), "sheet label missing");
    assert_all_titles(&doc, &text);
}

#[test]
fn across_makes_that_many_sheets_and_orientation_is_kept() {
    let doc = templates::instantiate("online-en", None).unwrap();
    for across in [1, 2, 4, 7] {
        let o = PosterOptions { orientation: Orientation::Landscape, ..tiled("A3", PosterSize::Across { sheets: across }) };
        let p = Poster::new(&doc, &o, NOW).unwrap().info(journeywall_core::Lang::En);
        assert_eq!(p.sheets_across, across, "{p:?}");
    }
    let (_, path) = write(
        &doc,
        &PosterOptions { orientation: Orientation::Landscape, ..tiled("A3", PosterSize::Across { sheets: 3 }) },
        "online-en-3-across-A3.pdf",
    );
    assert!(pdfinfo(&path).sizes.iter().all(|s| *s == (420, 297)));
}

#[test]
fn real_size_cards_and_custom_sheets() {
    let doc = templates::instantiate("website-en", None).unwrap();
    let (poster, path) = write(&doc, &tiled("Letter", PosterSize::CardSize { mm: 76.0 }), "website-en-76mm-cards.pdf");
    assert!(poster.info(journeywall_core::Lang::En).scale_percent > 100.0);
    assert_all_titles(&doc, &pdf_text(&path));
    let (_, path) = write(&doc, &PosterOptions { sheet: "600x900mm".into(), ..Default::default() }, "website-en-600x900.pdf");
    let (w, h) = pdfinfo(&path).sizes[0];
    assert!((w, h) == (900, 600) || (w, h) == (600, 900));
    let (p, path) = write(
        &doc,
        &PosterOptions { sheet: "fit".into(), size: PosterSize::Scale { percent: 100.0 }, ..Default::default() },
        "website-en-fit.pdf",
    );
    let (w, _) = pdfinfo(&path).sizes[0];
    assert_eq!(w, (p.info(journeywall_core::Lang::En).width_mm + 20.0).round() as u32);
}

#[test]
fn svg_is_well_formed_and_keeps_markup_as_text() {
    let mut doc = templates::instantiate("website-en", None).unwrap();
    doc.cards[0].title = "<script>alert(1)</script> & <img src=x onerror=alert(1)>".into();
    let (_, path) = write(&doc, &PosterOptions::default(), "website-en.svg");
    tool("python3", &["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])", path.to_str().unwrap()]);
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
    assert!(!svg.contains("<script"));
}

#[test]
fn a_thousand_cards_on_a0_and_tiled() {
    let doc = grown_journey(1000);
    let (_, path) = write(&doc, &PosterOptions::default(), "1000-cards-A0.pdf");
    assert_eq!(pdfinfo(&path).pages, 1);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size < 1_000_000, "{size} bytes");
    assert_all_titles(&doc, &pdf_text(&path));
    let (poster, path) = write(&doc, &tiled("A4", PosterSize::Across { sheets: 4 }), "1000-cards-A4.pdf");
    let p = poster.info(journeywall_core::Lang::En);
    assert_eq!(pdfinfo(&path).pages as u32, p.pages);
    assert_all_titles(&doc, &pdf_text(&path));
}

#[test]
fn odd_text_prints_and_never_overflows() {
    let mut doc = templates::instantiate("website-en", None).unwrap();
    doc.cards[0].title = "Klant 😀 زبون ‏שלום — ĳsje façade €".into();
    doc.cards[1].notes = "lange notitie ".repeat(7500);
    doc.cards[2].title = "Woordzonderspatiesdatveelbrederisdaneenkaartkanzijnzodathetafgebrokenmoetworden".into();
    let (_, path) = write(&doc, &PosterOptions { notes: true, ..Default::default() }, "odd-text.pdf");
    let text = pdf_text(&path);
    assert!(text.contains("ĳsjefaçade€"));
    assert!(text.contains("Woordzonderspaties"));
    // Fixed card size: the 100 kB note ends in an ellipsis.
    let (_, path) = write(
        &doc,
        &PosterOptions { notes: true, size: PosterSize::CardSize { mm: 60.0 }, sheet: "fit".into(), ..Default::default() },
        "odd-text-fixed.pdf",
    );
    assert!(pdf_text(&path).contains('…'));
}

#[test]
fn bad_options_write_nothing() {
    let doc = templates::instantiate("website-en", None).unwrap();
    let target = out_dir().join("must-not-exist.pdf");
    let _ = std::fs::remove_file(&target);
    let cases = [
        (tiled("A4", PosterSize::Width { mm: 20_000.0 }), "width:"),
        (tiled("A4", PosterSize::Scale { percent: 5000.0 }), "scale:"),
        (PosterOptions { overlap_mm: 150.0, ..tiled("A4", PosterSize::Across { sheets: 2 }) }, "overlap:"),
        (PosterOptions { sheet: "A11".into(), ..Default::default() }, "sheet:"),
        (PosterOptions { sheet: "A4".into(), size: PosterSize::CardSize { mm: 76.0 }, ..Default::default() }, "card-size:"),
    ];
    for (options, prefix) in cases {
        let e = Poster::new(&doc, &options, NOW).err().unwrap_or_else(|| panic!("{options:?} was accepted")).to_string();
        assert!(e.starts_with(prefix), "{e}");
    }
    let poster = Poster::new(&doc, &PosterOptions::default(), NOW).unwrap();
    assert!(poster.write(&out_dir().join("poster.jpg")).unwrap_err().to_string().starts_with("out:"));
    assert!(poster.write(&out_dir().join("no/such/dir/poster.pdf")).is_err());
    assert!(!target.exists());
}

#[test]
fn hidden_rows_stay_off_the_poster() {
    let mut doc = templates::instantiate("website-en", None).unwrap();
    let hidden = doc.rows.iter().position(|r| r.title.to_lowercase().contains("opportunit")).expect("an opportunities row");
    doc.rows[hidden].hidden = true;
    let row = doc.rows[hidden].id;
    let (_, path) = write(&doc, &PosterOptions::default(), "website-en-hidden-row.pdf");
    let text = pdf_text(&path);
    for c in doc.cards.iter().filter(|c| c.row == row) {
        assert!(!text.contains(&squeeze(&c.title)), "'{}' is in a hidden row but printed", c.title);
    }
    assert!(!text.contains(&squeeze(&doc.rows[hidden].title)));
    assert_all_titles(&doc, &text);
}

#[test]
fn persona_pictures_print_in_the_title_block_once_per_file() {
    let mut doc = templates::instantiate("online-en", None).unwrap();
    let png = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../icons/icon.png")).unwrap();
    doc.personas[0].picture = Some(journeywall_core::picture::prepare("icon.png", &png).unwrap());
    let (_, path) = write(&doc, &tiled("A4", PosterSize::Across { sheets: 3 }), "persona-picture-tiled.pdf");
    // pdfimages lists the picture on every sheet, as each shows (its window of) the one drawing
    // of the poster; the file holds the picture once.
    let list = tool("pdfimages", &["-list", path.to_str().unwrap()]);
    let uses: Vec<&str> = list.lines().skip(2).collect();
    assert!(!uses.is_empty(), "{list}");
    assert!(uses.iter().all(|l| l.contains(" 480 ") && l.contains("rgb")), "{list}");
    let objects: std::collections::HashSet<&str> = uses.iter().map(|l| l.split_whitespace().nth(10).unwrap()).collect();
    assert_eq!(objects.len(), 1, "one picture object: {list}");

    let (_, svg) = write(&doc, &PosterOptions::default(), "persona-picture.svg");
    tool("python3", &["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])", svg.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&svg).unwrap().matches("<image ").count(), 1);
}

/// A title per script a Dutch workshop meets, with the face each needs.
const SCRIPTS: [&str; 13] = [
    "Zoë’s café: één, ĳs — İstanbul şoför",
    "Łódź źdźbło · Příliš žluťoučký kůň",
    "Tiếng Việt có dấu đẹp",
    "Ελληνικά γράμματα",
    "Привет, покупатель",
    "مرحبا بالعالم السلام",
    "Bel 112 of mail: شكرا 2026",
    "שלום עולם",
    "Vragen? שאלות 3 בבקשה",
    "顾客比较三家价格",
    "ひらがなとカタカナの漢字",
    "한국어 고객 여정",
    "Fiets 🚲 😀 ❤️ 👍 klaar",
];

fn every_script() -> JourneyDoc {
    let mut doc = templates::instantiate("online-nl", None).unwrap();
    assert!(doc.cards.len() >= SCRIPTS.len());
    for (card, title) in doc.cards.iter_mut().zip(SCRIPTS) {
        card.title = title.into();
    }
    doc.phases[0].title = "Oriëntatie · التوجيه · 方向".into();
    doc.rows[0].title = "Doen · לעשות".into();
    doc
}

/// A title in one direction reads back whole; in a title that mixes directions, every word reads
/// back (in reading order within the word), as poppler puts the words of a mixed line in the order
/// they stand on the page.
fn assert_reads_back(title: &str, text: &str) {
    let rtl = |c: char| ('\u{0590}'..='\u{08FF}').contains(&c);
    let mixed = title.chars().any(rtl) && title.chars().any(|c| c.is_alphabetic() && !rtl(c));
    if mixed {
        for word in title.split_whitespace() {
            assert!(text.contains(word), "{word:?} of {title:?} is missing from the PDF text:\n{text}");
        }
    } else {
        assert!(text.contains(&squeeze(title)), "{title:?} is missing from the PDF text:\n{text}");
    }
}

/// pdftotext in its default (reading-order) mode, without whitespace.
fn pdf_reading_text(path: &Path) -> String {
    tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"]).split_whitespace().collect()
}

#[test]
fn every_script_prints_and_reads_back_in_logical_order() {
    let doc = every_script();
    let options = PosterOptions { sheet: "A3".into(), ..Default::default() };
    let (poster, path) = write(&doc, &options, "every-script-A3.pdf");
    let info = poster.info(journeywall_core::Lang::En);
    assert_eq!(info.unprintable, vec![], "every script has a face");
    assert_eq!(info.warning, None);
    let text = pdf_reading_text(&path);
    for title in SCRIPTS {
        assert_reads_back(title, &text);
    }
    assert_reads_back("Oriëntatie · التوجيه · 方向", &text);
    // Only the faces the text needs are embedded, each as a subset, none missing.
    let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
    for face in ["NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic-Bold", "NotoSansHebrew-Bold", "DroidSansFallback", "Symbola"] {
        assert!(fonts.contains(face), "{face} is not embedded:\n{fonts}");
    }
    assert!(fonts.lines().skip(2).all(|l| l.contains(" yes yes ")), "every font embedded as a subset:\n{fonts}");
    let latin = templates::instantiate("online-nl", None).unwrap();
    let (_, plain) = write(&latin, &options, "latin-only-A3.pdf");
    let fonts = tool("pdffonts", &[plain.to_str().unwrap()]);
    assert!(!fonts.contains("Droid") && !fonts.contains("Arabic"), "a Dutch poster embeds no other scripts' faces:\n{fonts}");

    // The tiled PDF and the SVG say the same; the SVG draws no missing-glyph box (glyph 0).
    let (_, tiled_path) = write(&doc, &tiled("A4", PosterSize::Across { sheets: 2 }), "every-script-A4-tiled.pdf");
    let text = pdf_reading_text(&tiled_path);
    for title in SCRIPTS {
        assert_reads_back(title, &text);
    }
    let (_, svg_path) = write(&doc, &options, "every-script.svg");
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    tool("python3", &["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])", svg_path.to_str().unwrap()]);
    assert!(!svg.contains("-0\"/>") && !svg.contains("id=\"g0-0\""), "a .notdef glyph is drawn");
    for word in SCRIPTS.iter().flat_map(|t| t.split_whitespace()) {
        assert!(svg.contains(word), "{word:?} is not kept as text in the SVG");
    }
}

#[test]
fn characters_no_font_has_are_named_not_dropped() {
    let mut doc = every_script();
    doc.cards[0].title = "Runen ᚠᛇᚻ op de fiets".into();
    doc.cards[1].title = "Lineair B 𐀀".into();
    let poster = Poster::new(&doc, &PosterOptions::default(), NOW).unwrap();
    let info = poster.info(journeywall_core::Lang::En);
    assert_eq!(info.unprintable.len(), 2);
    assert_eq!(info.unprintable[0].chars, "ᚠᛇᚻ");
    let warning = info.warning.unwrap();
    assert!(warning.starts_with("2 texts contain characters that cannot be printed (ᚠᛇᚻ𐀀)"), "{warning}");
    let nl = poster.info(journeywall_core::Lang::Nl).warning.unwrap();
    assert!(nl.contains("kunnen worden"), "{nl}");
}

/// Mean difference per channel (0–255) of two images of one size, compared in blocks of 4 × 4
/// pixels (two rasterisers smooth the edges of letters differently; a letter out of place still
/// shows), and the share of blocks that differ by more than a quarter.
fn difference(a: &Path, b: &Path) -> (f64, f64) {
    let a = image::open(a).unwrap().to_rgb8();
    let b = image::open(b).unwrap().to_rgb8();
    assert_eq!(a.dimensions(), b.dimensions());
    let block = |img: &image::RgbImage, bx: u32, by: u32| -> [f64; 3] {
        let mut sum = [0.0; 3];
        for y in by * 4..by * 4 + 4 {
            for x in bx * 4..bx * 4 + 4 {
                let p = img.get_pixel(x, y).0;
                (0..3).for_each(|i| sum[i] += p[i] as f64 / 16.0);
            }
        }
        sum
    };
    let (mut total, mut far, mut n) = (0.0, 0u64, 0u64);
    for by in 0..a.height() / 4 {
        for bx in 0..a.width() / 4 {
            let (p, q) = (block(&a, bx, by), block(&b, bx, by));
            let d: f64 = (0..3).map(|i| (p[i] - q[i]).abs()).sum::<f64>() / 3.0;
            total += d;
            far += u64::from(d > 64.0);
            n += 1;
        }
    }
    (total / n as f64, far as f64 / n as f64)
}

#[test]
fn the_png_is_the_print_at_its_resolution() {
    let doc = every_script();
    let options = PosterOptions { sheet: "fit".into(), margin_mm: 0.0, dpi: 72, ..Default::default() };
    let (poster, png_path) = write(&doc, &options, "every-script.png");
    let info = poster.info(journeywall_core::Lang::En);
    let bytes = std::fs::read(&png_path).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
    let reader = decoder.read_info().unwrap();
    let header = reader.info();
    assert_eq!((header.width, header.height), (info.png_width, info.png_height));
    let dims = header.pixel_dims.expect("the resolution is in the file");
    assert_eq!(dims.xppu, (72.0f32 / 0.0254).round() as u32);
    // The same poster as PDF, rendered by poppler at the same size, looks the same.
    let (_, pdf_path) = write(&doc, &options, "every-script-fit.pdf");
    let stem = out_dir().join("every-script-fit-poppler");
    tool(
        "pdftoppm",
        &[
            "-png",
            "-singlefile",
            "-scale-to-x",
            &info.png_width.to_string(),
            "-scale-to-y",
            &info.png_height.to_string(),
            pdf_path.to_str().unwrap(),
            stem.to_str().unwrap(),
        ],
    );
    let (mean, far) = difference(&png_path, &stem.with_extension("png"));
    assert!(mean < 2.0 && far < 0.002, "PNG and PDF differ: mean {mean:.2}, {:.2} % of pixels far apart", far * 100.0);
}

#[test]
fn a_png_too_big_is_refused_before_anything_is_written() {
    let doc = grown_journey(200);
    let options = PosterOptions { sheet: "A0".into(), dpi: 1200, ..Default::default() };
    let target = out_dir().join("too-big.png");
    let _ = std::fs::remove_file(&target);
    let err = Poster::new(&doc, &options, NOW).unwrap().write(&target).unwrap_err().to_string();
    assert!(err.contains("400 megapixels"), "{err}");
    assert!(!target.exists());
    let err = PosterOptions { dpi: 5000, ..Default::default() }.check().unwrap_err().to_string();
    assert!(err.starts_with("dpi: must be from 36 to 1200"), "{err}");
}

#[test]
fn the_pdf_says_what_it_is() {
    let mut doc = templates::instantiate("online-nl", None).unwrap();
    doc.journey.description = "Van oriëntatie tot herhaalaankoop".into();
    let (_, path) = write(&doc, &PosterOptions::default(), "about.pdf");
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    assert!(info.contains(&format!("Title:           {}", doc.journey.name)), "{info}");
    assert!(info.contains("Subject:         Van oriëntatie tot herhaalaankoop"), "{info}");
    assert!(info.contains("Producer:        Journeywall "), "{info}");
    assert!(info.contains("CreationDate:") && info.contains("2026"), "made today, not in 1970: {info}");
    let raw = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
    assert!(raw.contains("/Lang(nl)") || raw.contains("/Lang (nl)"), "the document language is the journey's");
}

/// Found by reading the code: a tiled poster that ends before its layout (blank paper left out)
/// was squeezed into its shorter size in the PNG and letterboxed in the SVG.
#[test]
fn a_trimmed_tiled_poster_keeps_its_scale_in_svg_and_png() {
    let doc = templates::instantiate("online-nl", None).unwrap();
    let options = PosterOptions { dpi: 36, ..tiled("A4", PosterSize::Width { mm: 2000.0 }) };
    let poster = Poster::new(&doc, &options, NOW).unwrap();
    let info = poster.info(journeywall_core::Lang::En);
    let svg = poster.svg(false);
    let number = |key: &str| -> f32 { svg.split(&format!("{key}=\"")).nth(1).unwrap().split(['"', 'm']).next().unwrap().parse().unwrap() };
    let view: Vec<f32> =
        svg.split("viewBox=\"").nth(1).unwrap().split('"').next().unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
    let (w, h) = (number("width"), number("height"));
    assert!(((w / h) - (view[2] / view[3])).abs() < 0.01, "{w}×{h} mm shows a {}×{} view", view[2], view[3]);
    assert!((w - info.width_mm).abs() < 0.01 && (h - info.height_mm).abs() < 0.01);
    let png = poster.png().unwrap();
    let header = png::Decoder::new(std::io::Cursor::new(png)).read_info().unwrap().info().clone();
    assert_eq!((header.width, header.height), (info.png_width, info.png_height));
}

/// A tiled poster draws the poster once, as a form every sheet shows its window of: the file
/// grows with the sheets' marks, not with the poster times the sheets. Every reader we know of
/// takes it: qpdf finds no fault in its structure, and poppler, mupdf and Ghostscript draw each
/// sheet alike.
#[test]
fn tiles_show_one_drawing_of_the_poster_in_every_reader() {
    let doc = grown_journey(1000);
    let (_, single) = write(&doc, &PosterOptions::default(), "1000-cards-A0-once.pdf");
    let (poster, path) = write(&doc, &tiled("A4", PosterSize::Scale { percent: 100.0 }), "1000-cards-A4-once.pdf");
    let p = poster.info(journeywall_core::Lang::En);
    assert!(p.pages > 40, "{p:?}");
    let (one, tiles) = (std::fs::metadata(&single).unwrap().len(), std::fs::metadata(&path).unwrap().len());
    assert!((tiles as f64) < one as f64 * 1.5, "{} pages: {tiles} bytes against {one} on one sheet", p.pages);
    // Every title is there once the sheets are read, as before.
    assert_all_titles(&doc, &pdf_text(&path));

    tool("qpdf", &["--check", path.to_str().unwrap()]);
    // The assembly page and a sheet in the middle of the poster, drawn by each reader at 30 dpi.
    let dir = out_dir().join("readers");
    std::fs::create_dir_all(&dir).unwrap();
    let file = path.to_str().unwrap();
    for page in [1, p.pages / 2] {
        let at = |reader: &str| dir.join(format!("page{page}-{reader}.png"));
        let n = page.to_string();
        tool(
            "pdftoppm",
            &["-r", "30", "-f", &n, "-l", &n, "-png", "-singlefile", file, dir.join(format!("page{page}-poppler")).to_str().unwrap()],
        );
        tool("mutool", &["draw", "-q", "-r", "30", "-o", at("mupdf").to_str().unwrap(), file, &n]);
        let first = format!("-dFirstPage={n}");
        let last = format!("-dLastPage={n}");
        let out = format!("-sOutputFile={}", at("gs").display());
        tool(
            "gs",
            &[
                "-q",
                "-dNOPAUSE",
                "-dBATCH",
                "-dSAFER",
                "-sDEVICE=png16m",
                "-dTextAlphaBits=4",
                "-dGraphicsAlphaBits=4",
                "-r30",
                &first,
                &last,
                &out,
                file,
            ],
        );
        for reader in ["mupdf", "gs"] {
            let (mean, far) = difference_cropped(&at("poppler"), &at(reader));
            assert!(
                mean < 6.0 && far < 0.01,
                "page {page}: {reader} draws it otherwise than poppler ({mean:.1} on average, {:.1} % far)",
                far * 100.0
            );
        }
    }
}

/// `difference` of two renderings whose sizes differ by a rounding pixel.
fn difference_cropped(a: &Path, b: &Path) -> (f64, f64) {
    let (x, y) = (image::open(a).unwrap().to_rgb8(), image::open(b).unwrap().to_rgb8());
    let (w, h) = (x.width().min(y.width()) / 4 * 4, x.height().min(y.height()) / 4 * 4);
    let crop = |img: &image::RgbImage, path: &Path| {
        let out = path.with_extension("cropped.png");
        image::imageops::crop_imm(img, 0, 0, w, h).to_image().save(&out).unwrap();
        out
    };
    difference(&crop(&x, a), &crop(&y, b))
}
