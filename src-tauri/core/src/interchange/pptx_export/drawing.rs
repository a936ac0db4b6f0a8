//! The shapes of one slide as DrawingML, the way PowerPoint writes them: rectangles and ellipses,
//! text boxes whose paragraphs name a face for each kind of script and say when they run right
//! to left, open paths of cubic curves (`custGeom`), pictures and groups. Positions are in points
//! from the slide's top left; the XML has them in EMUs.

use std::fmt::Write;

use crate::poster::{self, is_rtl, Colour, Segment};

/// DrawingML's unit: 12,700 to the point, 914,400 to the inch.
pub(super) fn emu(pt: f32) -> i64 {
    (pt * 12_700.0).round() as i64
}

/// The face for Latin, Greek and Cyrillic: on every machine with Office; LibreOffice takes
/// Carlito, its metric twin.
const LATIN: &str = "Calibri";
/// The face for Arabic and Hebrew (DrawingML's "complex scripts"): Arial has both.
const COMPLEX: &str = "Arial";

/// A box in points: the poster's rectangle, made by `frame`.
pub(super) use crate::poster::Rect as Frame;

/// The box at (x, y), of a negative width or height as of none.
pub(super) fn frame(x: f32, y: f32, w: f32, h: f32) -> Frame {
    Frame::new(x, y, w.max(0.0), h.max(0.0))
}

impl Frame {
    fn union(self, o: Frame) -> Frame {
        let (x, y) = (self.x.min(o.x), self.y.min(o.y));
        frame(x, y, self.right().max(o.right()) - x, self.bottom().max(o.bottom()) - y)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    /// Left, or right in a paragraph that runs right to left.
    Start,
    Centre,
    End,
}

/// One paragraph of one style. A text with line breaks becomes a paragraph per line.
#[derive(Debug, Clone)]
pub(super) struct Para {
    pub text: String,
    /// In points.
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub colour: Colour,
    pub align: Align,
    /// Room above the paragraph, in points.
    pub before: f32,
}

impl Para {
    pub fn new(text: impl Into<String>, size: f32, colour: Colour) -> Para {
        Para { text: text.into(), size, bold: false, italic: false, colour, align: Align::Start, before: 0.0 }
    }
    pub fn bold(self) -> Para {
        Para { bold: true, ..self }
    }
    pub fn italic(self) -> Para {
        Para { italic: true, ..self }
    }
    pub fn align(self, align: Align) -> Para {
        Para { align, ..self }
    }
    pub fn before(self, before: f32) -> Para {
        Para { before, ..self }
    }
}

/// A shape's outline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Line {
    pub colour: Colour,
    /// In points.
    pub width: f32,
    pub dashed: bool,
}

impl Line {
    pub fn solid(colour: Colour, width: f32) -> Line {
        Line { colour, width, dashed: false }
    }
}

/// How a shape looks: its outline, its fill, and for a box of text where the text sits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Look {
    pub fill: Option<Colour>,
    pub line: Option<Line>,
    pub geometry: Geometry,
    /// The text's distance from the edges, in points.
    pub inset: f32,
    pub anchor: Anchor,
}

/// Where a box's text sits when it is shorter than the box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    Top,
    Middle,
    Bottom,
}

impl Look {
    /// Text alone: no fill, no outline, the text at the top.
    pub const PLAIN: Look = Look { fill: None, line: None, geometry: Geometry::Rect, inset: 0.0, anchor: Anchor::Top };

    pub fn filled(fill: Colour) -> Look {
        Look { fill: Some(fill), ..Look::PLAIN }
    }
    pub fn line(self, line: Line) -> Look {
        Look { line: Some(line), ..self }
    }
    pub fn geometry(self, geometry: Geometry) -> Look {
        Look { geometry, ..self }
    }
    pub fn inset(self, inset: f32) -> Look {
        Look { inset, ..self }
    }
    pub fn anchor(self, anchor: Anchor) -> Look {
        Look { anchor, ..self }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Geometry {
    Rect,
    /// Corners rounded by this share of the shorter side (0..0.5).
    Rounded(f32),
    Ellipse,
}

/// The shapes of a slide, or of a group on it, in drawing order.
pub(super) struct Shapes {
    xml: String,
    /// Ids are unique on a slide; 1 is the slide's own shape tree.
    next_id: u32,
    bounds: Option<Frame>,
    /// The language tag of every run.
    lang: &'static str,
}

impl Shapes {
    pub fn new(lang: &'static str) -> Shapes {
        Shapes { xml: String::new(), next_id: 2, bounds: None, lang }
    }

    /// The slide's title: the placeholder PowerPoint's outline, its accessibility checker and a
    /// screen reader take the slide's name from.
    pub fn title(&mut self, at: Frame, paras: &[Para]) {
        self.shape("Title", at, Look::PLAIN, Some(paras), Kind::Title);
    }

    /// A box of text (one a person edits by clicking into it), or a plain shape when `paras` is
    /// empty.
    pub fn text(&mut self, name: &str, at: Frame, look: Look, paras: &[Para]) {
        self.shape(name, at, look, Some(paras), Kind::TextBox);
    }

    pub fn shape_only(&mut self, name: &str, at: Frame, look: Look) {
        self.shape(name, at, look, None, Kind::Shape);
    }

    /// An open path from `start` through `segments`, drawn with `line`, in a shape that covers
    /// `within` (so that a flat or a single-point path still has a size).
    pub fn path(&mut self, name: &str, within: Frame, start: (f32, f32), segments: &[Segment], line: Line) {
        let id = self.id();
        let (w, h) = (emu(within.w).max(1), emu(within.h).max(1));
        let pt = |out: &mut String, (x, y): (f32, f32)| {
            let _ = write!(out, r#"<a:pt x="{}" y="{}"/>"#, emu(x - within.x).clamp(0, w), emu(y - within.y).clamp(0, h));
        };
        let x = &mut self.xml;
        let _ = write!(x, r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name=""#);
        escape_into(x, name);
        x.push_str(r#""/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>"#);
        xfrm(x, within);
        x.push_str(r#"<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="l" t="t" r="r" b="b"/><a:pathLst>"#);
        let _ = write!(x, r#"<a:path w="{w}" h="{h}" fill="none"><a:moveTo>"#);
        pt(x, start);
        x.push_str("</a:moveTo>");
        for segment in segments {
            match *segment {
                Segment::Line(to) => {
                    x.push_str("<a:lnTo>");
                    pt(x, to);
                    x.push_str("</a:lnTo>");
                }
                Segment::Curve(c1, c2, to) => {
                    x.push_str("<a:cubicBezTo>");
                    for p in [c1, c2, to] {
                        pt(x, p);
                    }
                    x.push_str("</a:cubicBezTo>");
                }
            }
        }
        x.push_str("</a:path></a:pathLst></a:custGeom><a:noFill/>");
        outline(x, Some(line));
        x.push_str("</p:spPr></p:sp>");
        self.grow(within);
    }

    /// A picture of the slide's relationship `rel` (a JPEG in the package), stretched over `at`.
    pub fn picture(&mut self, name: &str, at: Frame, rel: &str) {
        let id = self.id();
        let x = &mut self.xml;
        let _ = write!(x, r#"<p:pic><p:nvPicPr><p:cNvPr id="{id}" name=""#);
        escape_into(x, name);
        x.push_str(r#"" descr=""#);
        escape_into(x, name);
        x.push_str(r#""/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"#);
        let _ = write!(x, r#"<p:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>"#);
        xfrm(x, at);
        x.push_str(r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#);
        self.grow(at);
    }

    /// The shapes `build` draws, as one group that moves and scales as one (a row of cards).
    pub fn group(&mut self, name: &str, build: impl FnOnce(&mut Shapes)) {
        let id = self.id();
        let mut inner = Shapes { xml: String::new(), next_id: self.next_id, bounds: None, lang: self.lang };
        build(&mut inner);
        self.next_id = inner.next_id;
        let Some(b) = inner.bounds else { return };
        let x = &mut self.xml;
        let _ = write!(x, r#"<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{id}" name=""#);
        escape_into(x, name);
        x.push_str(r#""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr>"#);
        // The children keep their slide positions: the group's child frame is its own frame.
        let (ox, oy, cx, cy) = (emu(b.x), emu(b.y), emu(b.w), emu(b.h));
        let _ = write!(
            x,
            r#"<a:xfrm><a:off x="{ox}" y="{oy}"/><a:ext cx="{cx}" cy="{cy}"/><a:chOff x="{ox}" y="{oy}"/><a:chExt cx="{cx}" cy="{cy}"/></a:xfrm>"#
        );
        x.push_str("</p:grpSpPr>");
        x.push_str(&inner.xml);
        x.push_str("</p:grpSp>");
        self.grow(b);
    }

    /// The slide's shape tree.
    pub fn into_tree(self) -> String {
        let mut x = String::with_capacity(self.xml.len() + 300);
        x.push_str(r#"<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"#);
        x.push_str(r#"<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#);
        x.push_str(&self.xml);
        x.push_str("</p:spTree>");
        x
    }

    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id - 1
    }

    fn grow(&mut self, at: Frame) {
        self.bounds = Some(self.bounds.map_or(at, |b| b.union(at)));
    }

    fn shape(&mut self, name: &str, at: Frame, look: Look, paras: Option<&[Para]>, kind: Kind) {
        let id = self.id();
        let lang = self.lang;
        let x = &mut self.xml;
        let _ = write!(x, r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name=""#);
        escape_into(x, name);
        x.push_str(r#""/>"#);
        x.push_str(match kind {
            Kind::Title => r#"<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>"#,
            Kind::TextBox => r#"<p:cNvSpPr txBox="1"/><p:nvPr/>"#,
            Kind::Shape => "<p:cNvSpPr/><p:nvPr/>",
        });
        x.push_str("</p:nvSpPr><p:spPr>");
        xfrm(x, at);
        match look.geometry {
            Geometry::Rect => x.push_str(r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>"#),
            Geometry::Ellipse => x.push_str(r#"<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom>"#),
            Geometry::Rounded(share) => {
                let adj = (share.clamp(0.0, 0.5) * 100_000.0).round() as i64;
                let _ = write!(x, r#"<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val {adj}"/></a:avLst></a:prstGeom>"#);
            }
        }
        match look.fill {
            Some(c) => solid(x, c),
            None => x.push_str("<a:noFill/>"),
        }
        outline(x, look.line);
        x.push_str("</p:spPr>");
        if let Some(paras) = paras {
            let inset = emu(look.inset);
            let anchor = match look.anchor {
                Anchor::Top => "t",
                Anchor::Middle => "ctr",
                Anchor::Bottom => "b",
            };
            let _ = write!(
                x,
                r#"<p:txBody><a:bodyPr wrap="square" lIns="{inset}" tIns="{inset}" rIns="{inset}" bIns="{inset}" rtlCol="0" anchor="{anchor}"><a:normAutofit/></a:bodyPr><a:lstStyle/>"#
            );
            let mut any = false;
            for para in paras {
                for line in para.text.split('\n') {
                    paragraph(x, para, line.trim_end_matches('\r'), lang);
                    any = true;
                }
            }
            if !any {
                x.push_str("<a:p/>");
            }
            x.push_str("</p:txBody>");
        }
        x.push_str("</p:sp>");
        self.grow(at);
    }
}

enum Kind {
    Title,
    TextBox,
    Shape,
}

fn xfrm(x: &mut String, at: Frame) {
    let _ = write!(x, r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#, emu(at.x), emu(at.y), emu(at.w), emu(at.h));
}

fn solid(x: &mut String, c: Colour) {
    let _ = write!(x, r#"<a:solidFill><a:srgbClr val="{:02X}{:02X}{:02X}"/></a:solidFill>"#, c.r, c.g, c.b);
}

fn outline(x: &mut String, line: Option<Line>) {
    match line {
        None => x.push_str("<a:ln><a:noFill/></a:ln>"),
        Some(l) => {
            let _ = write!(x, r#"<a:ln w="{}" cap="rnd">"#, emu(l.width));
            solid(x, l.colour);
            if l.dashed {
                x.push_str(r#"<a:prstDash val="dash"/>"#);
            }
            x.push_str("<a:round/></a:ln>");
        }
    }
}

/// One line of a paragraph's text as an `a:p`: marked right to left when its text runs that way
/// (its alignment mirrored with it), its run naming a face for each kind of script.
fn paragraph(x: &mut String, para: &Para, text: &str, lang: &str) {
    let rtl = is_rtl(text);
    let align = match (para.align, rtl) {
        (Align::Centre, _) => "ctr",
        (Align::Start, false) | (Align::End, true) => "l",
        (Align::Start, true) | (Align::End, false) => "r",
    };
    let _ = write!(x, r#"<a:p><a:pPr algn="{align}""#);
    if rtl {
        x.push_str(r#" rtl="1""#);
    }
    if para.before > 0.0 {
        let _ = write!(x, r#"><a:spcBef><a:spcPts val="{}"/></a:spcBef></a:pPr>"#, (para.before * 100.0).round() as i64);
    } else {
        x.push_str("/>");
    }
    // Sizes are in hundredths of a point, from 1 pt.
    let size = ((para.size * 100.0).round() as i64).max(100);
    let props = |x: &mut String, tag: &str| {
        let _ = write!(x, r#"<a:{tag} lang="{lang}" sz="{size}" b="{}" i="{}" dirty="0">"#, u8::from(para.bold), u8::from(para.italic));
        solid(x, para.colour);
        let _ =
            write!(x, r#"<a:latin typeface="{LATIN}"/><a:ea typeface="{}"/><a:cs typeface="{COMPLEX}"/></a:{tag}>"#, east_asian_face(text));
    };
    if text.is_empty() {
        props(x, "endParaRPr");
    } else {
        x.push_str("<a:r>");
        props(x, "rPr");
        x.push_str("<a:t>");
        escape_into(x, text);
        x.push_str("</a:t></a:r>");
    }
    x.push_str("</a:p>");
}

/// The East Asian face for `text`: Korean, Japanese or Chinese by the first character that tells
/// them apart (Hangul, kana); Chinese when only Han characters, or none, are there.
fn east_asian_face(text: &str) -> &'static str {
    for c in text.chars() {
        match c {
            '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => return "Malgun Gothic",
            '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' => return "Yu Gothic",
            _ => {}
        }
    }
    "Microsoft YaHei"
}

/// `text` as XML character data or an attribute's value: markup characters escaped, apostrophes
/// too, and the few characters XML 1.0 cannot hold at all (control characters) left out.
pub(super) fn escape_into(out: &mut String, text: &str) {
    poster::escape_into(out, text, true, None);
}

pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped_and_characters_xml_cannot_hold_are_left_out() {
        assert_eq!(escape(r#"<script>alert("x")</script> & 'y'"#), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;");
        assert_eq!(escape("a\u{1}b\u{FFFF}c 😀 مرحبا"), "abc 😀 مرحبا");
    }

    #[test]
    fn a_right_to_left_paragraph_is_marked_so_and_aligned_to_its_start() {
        let mut s = Shapes::new("nl-NL");
        s.text("t", frame(0.0, 0.0, 100.0, 20.0), Look::PLAIN, &[Para::new("مرحبا بالعالم\nHello", 12.0, Colour::BLACK)]);
        let xml = s.into_tree();
        assert!(xml.contains(r#"<a:pPr algn="r" rtl="1"/><a:r><a:rPr lang="nl-NL" sz="1200""#), "{xml}");
        assert!(xml.contains(r#"<a:pPr algn="l"/><a:r>"#), "the English line is its own paragraph, left to right: {xml}");
    }

    #[test]
    fn every_run_names_a_latin_an_east_asian_and_a_complex_script_face() {
        assert_eq!(east_asian_face("여행 지도"), "Malgun Gothic");
        assert_eq!(east_asian_face("旅のマップ"), "Yu Gothic");
        assert_eq!(east_asian_face("客户旅程"), "Microsoft YaHei");
        let mut s = Shapes::new("en-GB");
        s.text("t", frame(0.0, 0.0, 10.0, 10.0), Look::PLAIN, &[Para::new("여행", 9.0, Colour::BLACK).bold()]);
        let xml = s.into_tree();
        assert!(xml.contains(r#"<a:latin typeface="Calibri"/><a:ea typeface="Malgun Gothic"/><a:cs typeface="Arial"/>"#), "{xml}");
    }

    #[test]
    fn a_group_holds_its_shapes_in_their_own_frame_and_ids_stay_unique() {
        let mut s = Shapes::new("en-GB");
        s.shape_only("a", frame(0.0, 0.0, 10.0, 10.0), Look::PLAIN);
        s.group("row", |g| {
            g.shape_only("b", frame(10.0, 20.0, 10.0, 10.0), Look::PLAIN);
            g.shape_only("c", frame(30.0, 20.0, 10.0, 20.0), Look::PLAIN);
        });
        s.shape_only("d", frame(0.0, 0.0, 1.0, 1.0), Look::PLAIN);
        let xml = s.into_tree();
        let ids: Vec<&str> = xml.split(r#"cNvPr id=""#).skip(1).map(|p| &p[..p.find('"').unwrap()]).collect();
        assert_eq!(ids, ["1", "2", "3", "4", "5", "6"]);
        let (x, y, w, h) = (emu(10.0), emu(20.0), emu(30.0), emu(20.0));
        assert!(xml.contains(&format!(
            r#"<a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/><a:chOff x="{x}" y="{y}"/><a:chExt cx="{w}" cy="{h}"/>"#
        )));
    }
}
