use std::collections::BTreeMap;
use std::io::Read;

use super::*;
use crate::model::JourneyDoc;
use crate::templates;

/// The parts of a deck by name, as text (pictures as lossy text; they are only counted).
fn parts(deck: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(deck)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().to_string(), String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

/// Every text of a slide's paragraphs, unescaped, in order.
fn paragraphs(xml: &str) -> Vec<String> {
    xml.split("</a:p>")
        .map(|p| {
            p.split("<a:t>")
                .skip(1)
                .map(|t| quick_xml::escape::unescape(&t[..t.find("</a:t>").unwrap()]).unwrap().into_owned())
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Fails unless `xml` is well-formed: tags close in order, every reference is one XML knows.
fn well_formed(name: &str, xml: &str) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::GeneralRef(r)) => {
                let known = matches!(&*r, "amp" | "lt" | "gt" | "quot" | "apos") || r.is_char_ref();
                assert!(known, "{name}: unknown reference &{};", &*r);
            }
            Ok(_) => {}
            Err(e) => panic!("{name} is not well-formed XML: {e}"),
        }
    }
}

fn slides(parts: &BTreeMap<String, String>) -> Vec<&String> {
    (1..).map_while(|n| parts.get(&format!("ppt/slides/slide{n}.xml"))).collect()
}

/// A journey with a persona, votes from a vote and from paper, and titles that are markup,
/// quotes, emoji and Arabic.
fn journey() -> JourneyDoc {
    let mut doc = templates::instantiate("online-en", Some("Bikes & <b>more</b>")).unwrap();
    doc.journey.description = "From \"first look\" to the second bike.\nTwo lines.".into();
    doc.journey.updated_at = 1_795_392_000_000;
    doc.cards[0].title = "<script>alert('x')</script>".into();
    doc.cards[1].title = "Tom & Jerry say \"hi\" 😀".into();
    doc.cards[2].title = "مرحبا بالعالم".into();
    doc.cards[3].votes = 2;
    doc.cards[4].votes = 5;
    let mut vote = crate::vote::Vote::new(3, true, 0).unwrap();
    vote.participants.push(crate::vote::Participant {
        id: crate::model::new_id(),
        name: "Kim".into(),
        colour: "#d55e00".into(),
        dots: vec![doc.cards[4].id, doc.cards[4].id],
    });
    doc.vote = Some(vote);
    doc
}

fn deck(doc: &JourneyDoc) -> BTreeMap<String, String> {
    parts(&to_pptx(doc).unwrap())
}

#[test]
fn a_deck_has_every_part_powerpoint_needs_and_every_part_is_well_formed_and_listed() {
    let doc = journey();
    let parts = deck(&doc);
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "ppt/presentation.xml",
        "ppt/_rels/presentation.xml.rels",
        "ppt/presProps.xml",
        "ppt/viewProps.xml",
        "ppt/tableStyles.xml",
        "ppt/theme/theme1.xml",
        "ppt/slideMasters/slideMaster1.xml",
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        "ppt/slideLayouts/slideLayout1.xml",
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
    ] {
        assert!(parts.contains_key(name), "{name} is missing");
    }
    let types = &parts["[Content_Types].xml"];
    for (name, xml) in parts.iter().filter(|(n, _)| n.ends_with(".xml") || n.ends_with(".rels")) {
        well_formed(name, xml);
        if name.ends_with(".xml") && name != "[Content_Types].xml" {
            assert!(types.contains(&format!("PartName=\"/{name}\"")), "{name} has no content type");
        }
    }
    // Every relationship's target is in the package.
    for (name, xml) in parts.iter().filter(|(n, _)| n.ends_with(".rels")) {
        let base = name.replace("_rels/", "").trim_end_matches(".rels").to_string();
        let dir = base.rsplit_once('/').map_or("", |(d, _)| d);
        for target in xml.split("Target=\"").skip(1).map(|t| &t[..t.find('"').unwrap()]) {
            let mut path: Vec<&str> = if dir.is_empty() || name == "_rels/.rels" { vec![] } else { dir.split('/').collect() };
            for piece in target.split('/') {
                if piece == ".." {
                    path.pop();
                } else {
                    path.push(piece);
                }
            }
            assert!(parts.contains_key(&path.join("/")), "{name} points at {target}, which is not there");
        }
    }
    let presentation = &parts["ppt/presentation.xml"];
    assert!(presentation.contains(r#"<p:sldSz cx="12192000" cy="6858000"/>"#), "16:9");
    assert!(presentation.contains(r#"<p:notesSz cx="6858000" cy="9144000"/>"#));
    assert_eq!(presentation.matches("<p:sldId ").count(), slides(&parts).len());
    assert_eq!(parts["[Content_Types].xml"].matches("presentationml.slide+xml").count(), slides(&parts).len());
}

#[test]
fn the_deck_has_a_title_slide_each_persona_the_map_each_phase_and_the_results_in_that_order() {
    let doc = journey();
    let parts = deck(&doc);
    let slides = slides(&parts);
    assert_eq!(slides.len(), 1 + doc.personas.len() + 1 + doc.phases.len() + 1);
    let title = paragraphs(slides[0]);
    assert!(title.contains(&"Bikes & <b>more</b>".to_string()), "{title:?}");
    assert!(title.contains(&"From \"first look\" to the second bike.".to_string()) && title.contains(&"Two lines.".to_string()));
    assert!(title.contains(&"23 November 2026".to_string()), "the date the journey last changed: {title:?}");
    assert!(title.iter().any(|t| t.starts_with("Personas: ") && t.contains(&doc.personas[0].name)), "{title:?}");
    let persona = paragraphs(slides[1]);
    assert!(persona.contains(&doc.personas[0].name) && persona.contains(&"Goals".to_string()), "{persona:?}");
    assert!(paragraphs(slides[2]).contains(&"The whole journey".to_string()));
    for (i, p) in doc.phases.iter().enumerate() {
        let texts = paragraphs(slides[3 + i]);
        assert_eq!(texts[0], p.title, "a phase slide's title is its phase");
        assert!(texts.contains(&format!("Phase {} of {}", i + 1, doc.phases.len())), "{texts:?}");
    }
    assert!(paragraphs(slides.last().unwrap()).contains(&"Vote results".to_string()));
    // Each slide's title is its title placeholder, which outlines and screen readers read.
    assert!(slides.iter().all(|s| s.matches(r#"<p:ph type="title"/>"#).count() == 1));
}

#[test]
fn every_card_title_is_a_text_box_on_its_phase_slide_in_its_rows_group() {
    let doc = journey();
    let parts = deck(&doc);
    let slides = slides(&parts);
    for card in &doc.cards {
        let i = doc.phases.iter().position(|p| p.id == card.phase).unwrap();
        let slide = slides[3 + i];
        assert!(paragraphs(slide).contains(&card.title), "{:?} is not on its phase's slide", card.title);
        let row = doc.rows.iter().find(|r| r.id == card.row).unwrap();
        let group = slide.split("<p:grpSp>").skip(1).find(|g| g.contains(&format!(r#"name="{}""#, drawing::escape(&row.title)))).unwrap();
        assert!(paragraphs(&group[..group.find("</p:grpSp>").unwrap()]).contains(&card.title), "{} outside its row's group", card.title);
    }
    // The map and the phases are shapes and text, never a picture of them.
    assert!(slides[2..].iter().all(|s| !s.contains("<p:pic>")));
    assert!(slides[3].contains(r#"<p:cNvSpPr txBox="1"/>"#));
}

#[test]
fn markup_quotes_emoji_and_arabic_come_back_as_typed_and_arabic_runs_right_to_left() {
    let doc = journey();
    let parts = deck(&doc);
    let slide = slides(&parts)[3];
    let texts = paragraphs(slide);
    for title in ["<script>alert('x')</script>", "Tom & Jerry say \"hi\" 😀", "مرحبا بالعالم"] {
        assert!(texts.contains(&title.to_string()), "{title} in {texts:?}");
    }
    assert!(!slide.contains("<script>"), "markup is escaped, never written as markup");
    let arabic = slide.split("<a:p>").find(|p| p.contains("<a:t>مرحبا")).unwrap();
    assert!(arabic.contains(r#"rtl="1""#) && arabic.contains(r#"algn="r""#), "{arabic}");
    assert!(arabic.contains(r#"<a:cs typeface="Arial"/>"#));
    assert!(parts["docProps/core.xml"].contains("<dc:title>Bikes &amp; &lt;b&gt;more&lt;/b&gt;</dc:title>"));
}

#[test]
fn the_emotion_curve_is_a_path_of_curves_through_a_face_per_emotion_card() {
    let mut doc = journey();
    let emotion = doc.rows.iter().find(|r| r.kind == crate::model::RowKind::Emotion).unwrap().clone();
    let mut second = doc.cards.iter().find(|c| c.row == emotion.id).unwrap().clone();
    (second.id, second.position, second.emotion, second.title) = (crate::model::new_id(), 1, Some(-2), "Waits at home".into());
    doc.cards.push(second);
    let (i, phase) = doc
        .phases
        .iter()
        .enumerate()
        .find(|(_, p)| doc.cards.iter().filter(|c| c.phase == p.id && c.row == emotion.id).count() > 1)
        .expect("a phase with two emotion points");
    let parts = deck(&doc);
    let slides = slides(&parts);
    for slide in [slides[2], slides[3 + i]] {
        let curve = slide.split("<p:sp>").find(|s| s.contains("<a:custGeom>") && s.contains("<a:cubicBezTo>")).expect("a curve");
        assert!(curve.contains(r#"fill="none""#) && curve.contains("<a:noFill/>"), "a line, not an area: {curve}");
    }
    let points = doc.cards.iter().filter(|c| c.phase == phase.id && c.row == emotion.id).count();
    assert_eq!(slides[3 + i].matches(r#"name="Face""#).count(), points);
}

#[test]
fn the_results_rank_cards_by_votes_with_a_dot_for_each_in_its_givers_colour() {
    let doc = journey();
    let parts = deck(&doc);
    let results = slides(&parts).last().unwrap().to_string();
    let texts = paragraphs(&results);
    let first = texts.iter().position(|t| *t == doc.cards[4].title).unwrap();
    let second = texts.iter().position(|t| *t == doc.cards[3].title).unwrap();
    assert!(first < second, "five votes before two: {texts:?}");
    assert!(texts.contains(&"5 votes".to_string()) && texts.contains(&"2 votes".to_string()));
    assert_eq!(results.matches(r#"name="Dot""#).count(), 7);
    assert_eq!(results.matches(r#"<a:srgbClr val="D55E00"/>"#).count(), 2, "Kim's two dots in Kim's colour");
}

#[test]
fn a_vote_that_hides_its_dots_gets_no_results_slide_and_no_counts_on_cards() {
    let mut doc = journey();
    doc.vote.as_mut().unwrap().hidden = true;
    let parts = deck(&doc);
    let slides = slides(&parts);
    assert_eq!(slides.len(), 2 + doc.personas.len() + doc.phases.len());
    assert!(slides.iter().all(|s| !paragraphs(s).iter().any(|t| t.contains("votes"))));
}

#[test]
fn a_dutch_journey_makes_a_dutch_deck() {
    let doc = templates::instantiate("online-nl", None).unwrap();
    let parts = deck(&doc);
    let slides = slides(&parts);
    assert!(paragraphs(slides[0]).contains(&"Klantreis".to_string()));
    assert!(paragraphs(slides[2]).contains(&"De hele klantreis".to_string()));
    assert!(paragraphs(slides[3]).contains(&format!("Fase 1 van {}", doc.phases.len())));
    assert!(slides[3].contains(r#"lang="nl-NL""#) && !slides[3].contains(r#"lang="en-GB""#));
}

#[test]
fn a_persona_picture_is_in_the_deck_on_its_slide() {
    let mut doc = journey();
    let mut jpeg = Vec::new();
    image::RgbImage::from_pixel(40, 20, image::Rgb([200, 80, 20]))
        .write_to(&mut std::io::Cursor::new(&mut jpeg), image::ImageFormat::Jpeg)
        .unwrap();
    doc.personas[0].picture = Some(crate::picture::data_url_of(&jpeg));
    let parts = deck(&doc);
    assert!(parts.contains_key("ppt/media/image1.jpeg"));
    let slide = slides(&parts)[1];
    assert!(slide.contains(r#"<a:blip r:embed="rId2"/>"#), "{slide}");
    // 40 × 20 pixels, kept in proportion.
    assert!(slide.contains(&format!(
        r#"<a:ext cx="{}" cy="{}"/></a:xfrm><a:prstGeom prst="rect">"#,
        drawing::emu(170.0),
        drawing::emu(85.0)
    )));
}

#[test]
fn the_same_journey_makes_the_same_file_and_a_large_one_stays_small() {
    let doc = journey();
    assert_eq!(to_pptx(&doc).unwrap(), to_pptx(&doc).unwrap());
    let big = crate::fixtures::grown_journey(1_000);
    let bytes = to_pptx(&big).unwrap();
    assert!(bytes.len() < 1_500_000, "{} bytes", bytes.len());
    let parts = parts(&bytes);
    let all: Vec<String> = slides(&parts).iter().flat_map(|s| paragraphs(s)).collect();
    for card in &big.cards {
        assert!(all.contains(&card.title), "{}", card.title);
    }
}
