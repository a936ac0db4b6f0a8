//! The map as one HTML file (issue 27), read the way a browser reads it: Python's HTML parser
//! (a reader we did not write) takes the page apart, and what it finds is checked: the text a
//! reader sees, the data the page's script reads, the policy that keeps it off the network.
//! The page in a real browser is ui/tests/html-export.test.mjs. The files are kept under
//! target/html/ to open (each test writes its own).

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use journeywall_core::fixtures::grown_journey;
use journeywall_core::interchange::{export, Delimiter, Format};
use journeywall_core::model::JourneyDoc;
use journeywall_core::templates;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// What Python's `html.parser` finds in a page: every element's tag and attributes, the raw text
/// of each script and style, the text of the card list's items and of the map's text lines.
const READ: &str = r#"
import json, sys
from html.parser import HTMLParser

class Read(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.out = [], {"tags": [], "scripts": [], "styles": [], "list": [], "map": [], "text": []}
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.out["tags"].append([tag, a])
        if tag not in ("meta", "link", "br", "img", "input", "image", "path", "rect", "circle", "use"):
            self.stack.append((tag, a))
        if tag == "script":
            self.out["scripts"].append({"type": a.get("type"), "id": a.get("id"), "text": ""})
        if tag == "style":
            self.out["styles"].append("")
        if tag == "li" and any(t == "ol" and b.get("id") == "card-list" for t, b in self.stack):
            self.out["list"].append("")
    def handle_startendtag(self, tag, attrs):
        self.out["tags"].append([tag, dict(attrs)])
    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
    def handle_data(self, data):
        tags = [t for t, _ in self.stack]
        if tags and tags[-1] == "script":
            self.out["scripts"][-1]["text"] += data
        elif tags and tags[-1] == "style":
            self.out["styles"][-1] += data
        else:
            self.out["text"].append(data)
            if "li" in tags and any(t == "ol" and b.get("id") == "card-list" for t, b in self.stack):
                self.out["list"][-1] += data
            if tags and tags[-1] == "text" and "svg" in tags:
                self.out["map"].append(data)

r = Read()
r.feed(open(sys.argv[1], encoding="utf-8").read())
r.close()
print(json.dumps(r.out))
"#;

struct Page {
    html: String,
    read: Value,
}

impl Page {
    fn of(doc: &JourneyDoc, name: &str) -> Page {
        let bytes = export(doc, Format::Html, Delimiter::Comma).expect("the journey exports as HTML");
        let path = out_dir().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let out = Command::new("python3").args(["-c", READ, path.to_str().unwrap()]).output().expect("python3 reads the page");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        Page { html: String::from_utf8(bytes).expect("the page is UTF-8"), read: serde_json::from_slice(&out.stdout).unwrap() }
    }

    fn tags(&self, name: &str) -> Vec<&Value> {
        self.read["tags"].as_array().unwrap().iter().filter(|t| t[0] == name).map(|t| &t[1]).collect()
    }

    fn scripts(&self) -> Vec<&Value> {
        self.read["scripts"].as_array().unwrap().iter().collect()
    }

    /// The data the page's script reads: the one `application/json` block, parsed.
    fn data(&self) -> Value {
        let blocks: Vec<_> = self.scripts().into_iter().filter(|s| s["type"] == "application/json").collect();
        assert_eq!(blocks.len(), 1, "one block of data");
        serde_json::from_str(blocks[0]["text"].as_str().unwrap()).expect("the data block is JSON as the parser reads it")
    }

    fn strings(&self, key: &str) -> Vec<String> {
        self.read[key].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
    }

    /// All the map's text lines, joined as one text with single spaces (titles wrap over lines).
    fn map_text(&self) -> String {
        words(&self.strings("map").join(" "))
    }
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/html");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sha256(text: &str) -> String {
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
}

/// The English online journey, with titles that try to be markup, an Arabic card and votes.
fn tricky() -> JourneyDoc {
    let mut doc = templates::instantiate("online-en", None).unwrap();
    doc.cards[0].title = r#"<script>alert("gotcha")</script> & "quotes""#.into();
    doc.cards[1].title = "</script><img src=x onerror=alert(1)>".into();
    doc.cards[1].notes = "Line one\n</script><!-- not a comment -->".into();
    doc.cards[2].title = "مرحبا بالعالم".into();
    doc.cards[2].votes = 4;
    doc.cards[3].votes = 2;
    doc.personas[0].name = "Dan <b>Fisher</b>".into();
    doc
}

#[test]
fn an_html_file_is_asked_for_by_its_extension_and_another_is_refused_with_the_list() {
    assert_eq!(Format::of(Path::new("Kaart.HTML")).unwrap(), Format::Html);
    let refused = Format::of(Path::new("reis.docx")).unwrap_err().to_string();
    assert!(refused.contains(".html") && refused.contains(".json") && refused.contains(".csv"), "{refused}");
}

#[test]
fn every_card_title_is_text_on_the_map_and_in_the_list_with_its_phase_and_row() {
    let doc = templates::instantiate("online-en", None).unwrap();
    let page = Page::of(&doc, "listed.html");
    let map = page.map_text();
    let list = page.strings("list");
    // Rows the poster leaves out are left out here too; the template shows them all.
    assert_eq!(list.len(), doc.cards.len(), "one list item a card");
    for card in &doc.cards {
        let title = words(&card.title);
        assert!(map.contains(&title), "'{title}' is not text on the map");
        let phase = &doc.phases.iter().find(|p| p.id == card.phase).unwrap().title;
        let row = &doc.rows.iter().find(|r| r.id == card.row).unwrap().title;
        let item = list.iter().map(|i| words(i)).find(|i| i.starts_with(&title)).unwrap_or_else(|| panic!("'{title}' is not in the list"));
        assert!(item.contains(phase.as_str()) && item.contains(row.as_str()), "'{item}' does not say its phase and row");
    }
    // The list is in reading order: phase by phase, row by row, as each cell orders its cards.
    let first = doc.phases.iter().find(|p| p.position == 0).unwrap().id;
    let first_row = doc.rows.iter().find(|r| r.position == 0).unwrap().id;
    let expected = doc.cards.iter().filter(|c| c.phase == first && c.row == first_row).min_by_key(|c| c.position).unwrap();
    assert!(words(&list[0]).starts_with(&words(&expected.title)), "{:?}", list[0]);
    // The picture is one thing to a screen reader's eyes: the list says what it shows.
    let svg = page.tags("svg");
    assert_eq!(svg.len(), 1);
    assert_eq!(svg[0]["aria-hidden"], "true");
}

#[test]
fn journey_text_never_becomes_markup() {
    let doc = tricky();
    let page = Page::of(&doc, "markup.html");
    // Two scripts in the page, both ours, whatever the titles say.
    let scripts = page.scripts();
    assert_eq!(scripts.len(), 2, "{scripts:?}");
    assert!(page.tags("img").is_empty(), "a title became an <img>");
    assert!(page.tags("b").is_empty(), "a persona's name became bold markup");
    let text = words(&page.strings("text").join(" "));
    assert!(text.contains(r#"<script>alert("gotcha")</script> & "quotes""#), "the title is shown as the text it is");
    assert!(text.contains("Dan <b>Fisher</b>"));
    // The data the script reads holds the very same strings.
    let data = page.data();
    let titles: Vec<&str> = data["cards"].as_array().unwrap().iter().map(|c| c["title"].as_str().unwrap()).collect();
    for card in &doc.cards[..3] {
        assert!(titles.contains(&card.title.as_str()), "{:?} is not in the data", card.title);
    }
    let notes: Vec<&str> = data["cards"].as_array().unwrap().iter().map(|c| c["notes"].as_str().unwrap()).collect();
    assert!(notes.contains(&doc.cards[1].notes.as_str()));
    assert!(!page.html.contains("<img src=x"), "markup from a title is in the file as markup");
}

#[test]
fn the_page_requests_nothing_and_runs_only_its_own_script_and_style() {
    let page = Page::of(&tricky(), "policy.html");
    let metas = page.tags("meta");
    let csp = metas
        .iter()
        .find(|m| m["http-equiv"].as_str().is_some_and(|h| h.eq_ignore_ascii_case("content-security-policy")))
        .expect("a Content-Security-Policy");
    let csp = csp["content"].as_str().unwrap();
    let directives: Vec<(&str, Vec<&str>)> = csp
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut parts = d.split_whitespace();
            (parts.next().unwrap(), parts.collect())
        })
        .collect();
    let directive = |name: &str| directives.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()).unwrap_or_default();
    assert_eq!(directive("default-src"), ["'none'"], "{csp}");
    let script = page.scripts().into_iter().find(|s| s["type"].is_null()).expect("the page's own script");
    assert_eq!(directive("script-src"), [sha256(script["text"].as_str().unwrap()).as_str()], "the script's hash");
    let styles = page.strings("styles");
    assert_eq!(styles.len(), 1, "one style");
    assert_eq!(directive("style-src"), [sha256(&styles[0]).as_str()], "the style's hash");
    assert_eq!(directive("font-src"), ["data:"]);
    assert_eq!(directive("img-src"), ["data:"]);
    // The policy comes before anything it governs.
    let head = &page.html[..page.html.find("<style").unwrap()];
    assert!(head.contains("Content-Security-Policy"));
    // Nothing points anywhere but into the page itself.
    for (tag, attrs) in page.read["tags"].as_array().unwrap().iter().map(|t| (&t[0], &t[1])) {
        for (name, value) in attrs.as_object().unwrap() {
            let value = value.as_str().unwrap_or("");
            if ["src", "href", "xlink:href", "action", "srcset", "poster", "data"].contains(&name.as_str()) {
                assert!(value.starts_with("data:") || value.starts_with('#'), "<{tag} {name}=\"{value}\"> points outside the page");
            }
            assert!(!name.starts_with("on"), "<{tag} {name}>: an inline handler the policy would block");
            assert_ne!(name, "style", "<{tag} style>: an inline style the policy would block");
        }
    }
    let urls: Vec<&str> = styles[0].split("url(").skip(1).collect();
    assert!(urls.iter().all(|u| u.starts_with("data:")), "the style loads something");
    assert!(!styles[0].contains("@import"));
    // The script can hold no markup that would end it early.
    assert!(!script["text"].as_str().unwrap().contains("</"));
}

#[test]
fn fonts_are_embedded_as_subsets_of_the_faces_the_text_uses() {
    let english = Page::of(&templates::instantiate("online-en", None).unwrap(), "fonts-en.html");
    let arabic = Page::of(&tricky(), "fonts-arabic.html");
    let faces = |page: &Page| -> Vec<(String, usize)> {
        let style = &page.strings("styles")[0];
        style
            .split("@font-face")
            .skip(1)
            .map(|rule| {
                let family = rule.split("font-family:").nth(1).unwrap().split(';').next().unwrap().trim().to_string();
                let data = rule.split("url(data:font/woff;base64,").nth(1).expect("a WOFF data URL").split(')').next().unwrap();
                (family, base64::engine::general_purpose::STANDARD.decode(data).expect("base64").len())
            })
            .collect()
    };
    let (en, ar) = (faces(&english), faces(&arabic));
    assert!(!en.is_empty());
    let total: usize = en.iter().map(|(_, n)| n).sum();
    // The two Noto Sans files alone are 1 MB: only the glyphs used are kept.
    assert!(total < 160_000, "{en:?}");
    assert!(ar.len() > en.len(), "the Arabic title brings its face: {ar:?} against {en:?}");
    for page in [&english, &arabic] {
        let style = &page.strings("styles")[0];
        for (family, _) in faces(page) {
            assert!(style.matches(&family).count() >= 2, "{family} is declared and used");
        }
    }
}

#[test]
fn the_page_speaks_the_journeys_language_and_prints_on_one_page() {
    let dutch = Page::of(&templates::instantiate("online-nl", None).unwrap(), "words-nl.html");
    let english = Page::of(&templates::instantiate("online-en", None).unwrap(), "words-en.html");
    assert_eq!(dutch.tags("html")[0]["lang"], "nl");
    assert_eq!(english.tags("html")[0]["lang"], "en");
    let search = |page: &Page| page.tags("input").iter().find(|i| i["type"] == "search").map(|i| i["aria-label"].clone()).unwrap();
    assert_eq!(search(&dutch), "Kaarten zoeken");
    assert_eq!(search(&english), "Search cards");
    let title = |page: &Page| page.html.split("<title>").nth(1).unwrap().split("</title>").next().unwrap().to_string();
    assert_eq!(title(&dutch), "Online klantreis");
    let style = &english.strings("styles")[0];
    assert!(style.contains("@media print") && style.contains("@page"), "printing has rules of its own");
}

#[test]
fn a_thousand_cards_make_a_page_under_two_megabytes() {
    let doc = grown_journey(1_000);
    let page = Page::of(&doc, "thousand.html");
    assert!(page.html.len() <= 2 * 1024 * 1024, "{} bytes", page.html.len());
    assert_eq!(page.strings("list").len(), 1_000);
    assert_eq!(page.data()["cards"].as_array().unwrap().len(), 1_000);
}
