//! The package a deck is: the parts every presentation must have so that PowerPoint opens it
//! without offering a repair (content types, relationships, presentation with its slide and
//! notes sizes, properties, view settings, table styles, a theme, a slide master and its one
//! layout, the document's properties), and the slides with their pictures, in a zip.
//! Written after the parts of python-pptx's default template and the ECMA-376 schemas.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::drawing::{emu, escape};

const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const TYPE: &str = "application/vnd.openxmlformats-officedocument.";

/// 16:9, as PowerPoint's widescreen: 13.333 × 7.5 inches.
pub(super) const SLIDE_W: f32 = 960.0;
pub(super) const SLIDE_H: f32 = 540.0;

/// One slide: its shape tree and the JPEGs its pictures show, as relationships rId2, rId3, …
/// (rId1 is its layout).
pub(super) struct Slide {
    pub tree: String,
    pub pictures: Vec<Vec<u8>>,
}

/// The whole deck: `title` and `lang` (a language tag) go into its properties.
pub(super) fn write(title: &str, lang: &str, slides: &[Slide]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed time, so the same journey makes the same file.
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).last_modified_time(zip::DateTime::default());
    let mut part = |name: &str, bytes: &[u8]| -> zip::result::ZipResult<()> {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
        Ok(())
    };

    part("[Content_Types].xml", content_types(slides).as_bytes())?;
    part(
        "_rels/.rels",
        rels(&[
            ("officeDocument", "ppt/presentation.xml"),
            ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("extended-properties", "docProps/app.xml"),
        ])
        .as_bytes(),
    )?;
    part("docProps/core.xml", core(title, lang).as_bytes())?;
    part("docProps/app.xml", app(slides.len()).as_bytes())?;
    part("ppt/presentation.xml", presentation(slides.len(), lang).as_bytes())?;
    let mut presentation_rels =
        vec![("slideMaster", "slideMasters/slideMaster1.xml"), ("presProps", "presProps.xml"), ("viewProps", "viewProps.xml")];
    presentation_rels.extend([("theme", "theme/theme1.xml"), ("tableStyles", "tableStyles.xml")]);
    let slide_names: Vec<String> = (1..=slides.len()).map(|n| format!("slides/slide{n}.xml")).collect();
    presentation_rels.extend(slide_names.iter().map(|n| ("slide", n.as_str())));
    part("ppt/_rels/presentation.xml.rels", rels(&presentation_rels).as_bytes())?;
    part("ppt/presProps.xml", format!("{HEAD}<p:presentationPr {NS}/>").as_bytes())?;
    part("ppt/viewProps.xml", VIEW_PROPS.as_bytes())?;
    part("ppt/tableStyles.xml", TABLE_STYLES.as_bytes())?;
    part("ppt/theme/theme1.xml", THEME.as_bytes())?;
    part("ppt/slideMasters/slideMaster1.xml", master(lang).as_bytes())?;
    part(
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        rels(&[("slideLayout", "../slideLayouts/slideLayout1.xml"), ("theme", "../theme/theme1.xml")]).as_bytes(),
    )?;
    part("ppt/slideLayouts/slideLayout1.xml", layout(lang).as_bytes())?;
    part("ppt/slideLayouts/_rels/slideLayout1.xml.rels", rels(&[("slideMaster", "../slideMasters/slideMaster1.xml")]).as_bytes())?;

    let mut image = 0;
    for (n, slide) in slides.iter().enumerate() {
        let n = n + 1;
        let xml = format!("{HEAD}<p:sld {NS}><p:cSld>{}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>", slide.tree);
        part(&format!("ppt/slides/slide{n}.xml"), xml.as_bytes())?;
        let mut targets = vec!["../slideLayouts/slideLayout1.xml".to_string()];
        for jpeg in &slide.pictures {
            image += 1;
            part(&format!("ppt/media/image{image}.jpeg"), jpeg)?;
            targets.push(format!("../media/image{image}.jpeg"));
        }
        let list: Vec<(&str, &str)> =
            targets.iter().enumerate().map(|(i, t)| (if i == 0 { "slideLayout" } else { "image" }, t.as_str())).collect();
        part(&format!("ppt/slides/_rels/slide{n}.xml.rels"), rels(&list).as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

fn content_types(slides: &[Slide]) -> String {
    let mut x = format!(
        "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
    );
    let mut over = |part: &str, kind: &str| {
        x.push_str(&format!("<Override PartName=\"/{part}\" ContentType=\"{kind}\"/>"));
    };
    over("ppt/presentation.xml", &format!("{TYPE}presentationml.presentation.main+xml"));
    over("ppt/presProps.xml", &format!("{TYPE}presentationml.presProps+xml"));
    over("ppt/viewProps.xml", &format!("{TYPE}presentationml.viewProps+xml"));
    over("ppt/tableStyles.xml", &format!("{TYPE}presentationml.tableStyles+xml"));
    over("ppt/theme/theme1.xml", &format!("{TYPE}theme+xml"));
    over("ppt/slideMasters/slideMaster1.xml", &format!("{TYPE}presentationml.slideMaster+xml"));
    over("ppt/slideLayouts/slideLayout1.xml", &format!("{TYPE}presentationml.slideLayout+xml"));
    for n in 1..=slides.len() {
        over(&format!("ppt/slides/slide{n}.xml"), &format!("{TYPE}presentationml.slide+xml"));
    }
    over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    over("docProps/app.xml", &format!("{TYPE}extended-properties+xml"));
    x.push_str("</Types>");
    x
}

/// A part's relationships, numbered rId1, rId2, … in order; a type without a scheme is one of
/// the Office document's.
fn rels(list: &[(&str, &str)]) -> String {
    let mut x = format!("{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (i, (kind, target)) in list.iter().enumerate() {
        let kind = if kind.starts_with("http") { kind.to_string() } else { format!("{REL}{kind}") };
        x.push_str(&format!("<Relationship Id=\"rId{}\" Type=\"{kind}\" Target=\"{target}\"/>", i + 1));
    }
    x.push_str("</Relationships>");
    x
}

fn core(title: &str, lang: &str) -> String {
    format!(
        "{HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>Journeywall</dc:creator><dc:language>{lang}</dc:language></cp:coreProperties>",
        escape(title)
    )
}

fn app(slides: usize) -> String {
    format!(
        "{HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>Journeywall</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>{slides}</Slides></Properties>"
    )
}

/// The text style every text starts from: the theme's faces for each kind of script.
fn level_one(lang: &str, size: u32, bold: bool, major: bool) -> String {
    let f = if major { "mj" } else { "mn" };
    format!(
        "<a:lvl1pPr marL=\"0\" indent=\"0\" algn=\"l\" defTabSz=\"914400\" rtl=\"0\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\">\
         <a:spcBef><a:spcPts val=\"0\"/></a:spcBef><a:buNone/><a:defRPr lang=\"{lang}\" sz=\"{size}\" b=\"{}\" kern=\"1200\">\
         <a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>\
         <a:latin typeface=\"+{f}-lt\"/><a:ea typeface=\"+{f}-ea\"/><a:cs typeface=\"+{f}-cs\"/></a:defRPr></a:lvl1pPr>",
        u8::from(bold)
    )
}

fn presentation(slides: usize, lang: &str) -> String {
    let ids: String = (0..slides).map(|i| format!("<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 256 + i, 6 + i)).collect();
    format!(
        "{HEAD}<p:presentation {NS} saveSubsetFonts=\"1\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>\
         <p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx=\"{}\" cy=\"{}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>\
         <p:defaultTextStyle><a:defPPr><a:defRPr lang=\"{lang}\"/></a:defPPr>{}</p:defaultTextStyle></p:presentation>",
        emu(SLIDE_W),
        emu(SLIDE_H),
        level_one(lang, 1800, false, false)
    )
}

const GROUP: &str = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>\
     <a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

/// A placeholder of the master: where a slide's title or text goes unless the slide says.
fn placeholder(id: u32, name: &str, ph: &str, (x, y, w, h): (f32, f32, f32, f32), lang: &str) -> String {
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>\
         <p:spPr><a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>\
         <p:txBody><a:bodyPr vert=\"horz\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" rtlCol=\"0\" anchor=\"t\"><a:normAutofit/></a:bodyPr>\
         <a:lstStyle/><a:p><a:endParaRPr lang=\"{lang}\"/></a:p></p:txBody></p:sp>",
        emu(x),
        emu(y),
        emu(w),
        emu(h)
    )
}

fn master(lang: &str) -> String {
    let title = placeholder(2, "Title Placeholder 1", "<p:ph type=\"title\"/>", (30.0, 20.0, 900.0, 40.0), lang);
    let body = placeholder(3, "Text Placeholder 2", "<p:ph type=\"body\" idx=\"1\"/>", (30.0, 90.0, 900.0, 410.0), lang);
    format!(
        "{HEAD}<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>\
         <p:spTree>{GROUP}{title}{body}</p:spTree></p:cSld>\
         <p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" \
         accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>\
         <p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>\
         <p:txStyles><p:titleStyle>{}</p:titleStyle><p:bodyStyle>{}</p:bodyStyle>\
         <p:otherStyle><a:defPPr><a:defRPr lang=\"{lang}\"/></a:defPPr>{}</p:otherStyle></p:txStyles></p:sldMaster>",
        level_one(lang, 2800, true, true),
        level_one(lang, 1800, false, false),
        level_one(lang, 1800, false, false)
    )
}

/// The one layout: a title, and the rest of the slide the slide's own.
fn layout(lang: &str) -> String {
    format!(
        "{HEAD}<p:sldLayout {NS} type=\"titleOnly\" preserve=\"1\"><p:cSld name=\"Title Only\"><p:spTree>{GROUP}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr>\
         <p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"{lang}\"/></a:p></p:txBody></p:sp>\
         </p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )
}

const VIEW_PROPS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:viewPr \
     xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
     xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"><p:normalViewPr><p:restoredLeft sz=\"15620\"/>\
     <p:restoredTop sz=\"94660\"/></p:normalViewPr><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>";

const TABLE_STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a:tblStyleLst \
     xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>";

/// The theme: the poster's ink and a few of the templates' colours, and for each kind of script
/// a face every Office has, so that text typed into the deck later falls back as the deck's own
/// text does (`drawing::paragraph`).
const THEME: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Journeywall\"><a:themeElements>",
    "<a:clrScheme name=\"Journeywall\"><a:dk1><a:srgbClr val=\"1D2533\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>",
    "<a:dk2><a:srgbClr val=\"3D4B63\"/></a:dk2><a:lt2><a:srgbClr val=\"F4F5F7\"/></a:lt2>",
    "<a:accent1><a:srgbClr val=\"2166AC\"/></a:accent1><a:accent2><a:srgbClr val=\"D55E00\"/></a:accent2>",
    "<a:accent3><a:srgbClr val=\"009E73\"/></a:accent3><a:accent4><a:srgbClr val=\"CC79A7\"/></a:accent4>",
    "<a:accent5><a:srgbClr val=\"E69F00\"/></a:accent5><a:accent6><a:srgbClr val=\"56B4E9\"/></a:accent6>",
    "<a:hlink><a:srgbClr val=\"0072B2\"/></a:hlink><a:folHlink><a:srgbClr val=\"6A3D9A\"/></a:folHlink></a:clrScheme>",
    "<a:fontScheme name=\"Journeywall\">",
    "<a:majorFont><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>",
    "<a:font script=\"Jpan\" typeface=\"Yu Gothic\"/><a:font script=\"Hang\" typeface=\"Malgun Gothic\"/>",
    "<a:font script=\"Hans\" typeface=\"Microsoft YaHei\"/><a:font script=\"Hant\" typeface=\"Microsoft JhengHei\"/>",
    "<a:font script=\"Arab\" typeface=\"Arial\"/><a:font script=\"Hebr\" typeface=\"Arial\"/><a:font script=\"Thai\" typeface=\"Tahoma\"/>",
    "</a:majorFont>",
    "<a:minorFont><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>",
    "<a:font script=\"Jpan\" typeface=\"Yu Gothic\"/><a:font script=\"Hang\" typeface=\"Malgun Gothic\"/>",
    "<a:font script=\"Hans\" typeface=\"Microsoft YaHei\"/><a:font script=\"Hant\" typeface=\"Microsoft JhengHei\"/>",
    "<a:font script=\"Arab\" typeface=\"Arial\"/><a:font script=\"Hebr\" typeface=\"Arial\"/><a:font script=\"Thai\" typeface=\"Tahoma\"/>",
    "</a:minorFont></a:fontScheme>",
    "<a:fmtScheme name=\"Journeywall\"><a:fillStyleLst>",
    "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>",
    "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:fillStyleLst><a:lnStyleLst>",
    "<a:ln w=\"6350\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>",
    "<a:ln w=\"12700\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>",
    "<a:ln w=\"19050\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln></a:lnStyleLst>",
    "<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>",
    "<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>",
    "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>",
    "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme>",
    "</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
);
