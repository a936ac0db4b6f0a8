//! Persona pictures: a file the user picked, checked, downscaled and kept as a small JPEG. The
//! picture travels as a `data:` URL (in the editor and the JSON file) and is stored as its bytes.

use std::io::Cursor;

use base64::Engine;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use rusqlite::types::{ToSqlOutput, Value};

use crate::error::{Error, Result};
use crate::fields::ensure;
use crate::said;
use crate::said::Field;

/// The largest file taken as a picture: a phone photo is a few MB; 20 MB leaves room for scans.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// Pictures are kept at most this many pixels a side: sharp in the side panel and on an A0 title
/// block, small in the database.
pub const MAX_SIDE: u32 = 480;
/// A stored picture is at most this long as a data URL (a 480 px JPEG is far smaller).
pub const MAX_DATA_URL: usize = 1_000_000;
const PREFIX: &str = "data:image/jpeg;base64,";

/// Refuses a file that is too big for a picture, before it is read.
pub fn check_size(source: &str, bytes: u64) -> Result<()> {
    if bytes > MAX_FILE_BYTES {
        return Err(too_large(source, bytes));
    }
    Ok(())
}

/// The refusal of a picture file of `bytes` bytes, over `MAX_FILE_BYTES`.
pub fn too_large(source: &str, bytes: u64) -> Error {
    let (mb, mb_nl) = crate::files::megabytes(bytes);
    let max = MAX_FILE_BYTES / 1_048_576;
    Error::invalid(
        Field::Picture,
        said!(
            "{source} is {mb} MB; a picture may be at most {max} MB. Choose a smaller one, or save this one smaller first.",
            "{source} is {mb_nl} MB; een foto mag hoogstens {max} MB zijn. Kies een kleinere, of sla deze eerst kleiner op."
        ),
    )
}

/// Reads a picture file (PNG, JPEG or WebP) and returns it downscaled, as a JPEG data URL.
pub fn prepare(source: &str, bytes: &[u8]) -> Result<String> {
    check_size(source, bytes.len() as u64)?;
    let not_a_picture = || {
        Error::invalid(
            Field::Picture,
            said!(
                "{source} is not a picture Journeywall can read; use a PNG, JPEG or WebP file",
                "{source} is geen foto die Journeywall kan lezen; gebruik een PNG-, JPEG- of WebP-bestand"
            ),
        )
    };
    let format = image::guess_format(bytes).map_err(|_| not_a_picture())?;
    if !matches!(format, ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP) {
        return Err(not_a_picture());
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    // A small file can claim a huge image ("decompression bomb"): cap what decoding may allocate.
    let mut limits = Limits::default();
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let unreadable = |e: image::ImageError| {
        Error::invalid(
            Field::Picture,
            said!("{source} cannot be read as a picture ({e})", "{source} kan niet als foto worden gelezen ({e})"),
        )
    };
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    // Phones store a photo as the sensor saw it and say how to turn it; the JPEG written here
    // keeps no such note, so the turn is applied now.
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    image.apply_orientation(orientation);
    Ok(to_data_url(&downscale(image)))
}

fn downscale(image: DynamicImage) -> image::RgbImage {
    let image = if image.width() > MAX_SIDE || image.height() > MAX_SIDE {
        image.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle)
    } else {
        image
    };
    // JPEG has no transparency: transparent parts become white, as on paper.
    let rgba = image.to_rgba8();
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let p = rgba.get_pixel(x, y).0;
        let a = u16::from(p[3]);
        let over_white = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
        image::Rgb([over_white(p[0]), over_white(p[1]), over_white(p[2])])
    })
}

fn to_data_url(image: &image::RgbImage) -> String {
    let mut jpeg = Vec::new();
    // Encoding into memory cannot fail for an RGB image of sane size.
    let _ = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85).encode_image(image);
    data_url_of(&jpeg)
}

/// The JPEG bytes of a picture data URL, as stored; None when it is not one of ours.
pub fn bytes_of(data_url: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD.decode(data_url.strip_prefix(PREFIX)?).ok()
}

/// The data URL of stored JPEG bytes.
pub fn data_url_of(bytes: &[u8]) -> String {
    format!("{PREFIX}{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// A persona's picture, as a record's field holds it (see `check`).
pub struct Picture;

impl crate::kinds::Kind<String> for Picture {
    fn check(field: Field, value: &String) -> Result<()> {
        check(field, value)
    }
}

/// A picture as the database keeps it: the JPEG's bytes (validation has made sure it is one),
/// read back as a data URL.
pub struct Stored;

impl crate::schema::Codec<Option<String>> for Stored {
    fn write(value: &Option<String>) -> rusqlite::Result<ToSqlOutput<'_>> {
        let bytes = value.as_deref().and_then(bytes_of);
        Ok(ToSqlOutput::Owned(bytes.map_or(Value::Null, Value::Blob)))
    }
    fn read(row: &rusqlite::Row<'_>, column: usize) -> rusqlite::Result<Option<String>> {
        Ok(row.get::<_, Option<Vec<u8>>>(column)?.map(|b| data_url_of(&b)))
    }
}

/// A picture as the model keeps it: a JPEG data URL of bounded size whose header says at most
/// `MAX_SIDE` pixels a side (read from the header alone; nothing is decoded). Imported files
/// have their pictures made again first (`interchange`), so this refuses only an edit that
/// brings a picture of its own.
pub fn check(field: Field, data_url: &str) -> Result<()> {
    let small = |b: &[u8]| {
        ImageReader::with_format(Cursor::new(b), ImageFormat::Jpeg).into_dimensions().is_ok_and(|(w, h)| w <= MAX_SIDE && h <= MAX_SIDE)
    };
    let ok = data_url.len() <= MAX_DATA_URL
        && bytes_of(data_url).is_some_and(|b| image::guess_format(&b).ok() == Some(ImageFormat::Jpeg) && small(&b));
    ensure(ok, field, || {
        said!(
            "is not a picture as Journeywall stores one (a JPEG data URL under 1 MB, at most 480 pixels a side)",
            "is geen foto zoals Journeywall die bewaart (een JPEG-data-URL onder 1 MB, hoogstens 480 pixels per kant)"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_fn(w, h, |x, _| image::Rgba([(x % 256) as u8, 80, 160, 128]));
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgba8(img).write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_big_picture_is_downscaled_to_a_small_jpeg() {
        let url = prepare("photo.png", &png(2000, 1000)).unwrap();
        let jpeg = bytes_of(&url).unwrap();
        let back = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((back.width(), back.height()), (480, 240));
        assert!(url.len() < 100_000, "{} bytes", url.len());
        check(Field::Picture, &url).unwrap();
    }

    #[test]
    fn a_phone_photo_is_turned_the_way_it_was_taken() {
        // A 40×20 JPEG whose EXIF says "turn 90° clockwise to show" (orientation 6), as phones write.
        let img = image::RgbImage::from_fn(40, 20, |x, _| image::Rgb([if x < 20 { 255 } else { 0 }, 0, 0]));
        let tiff = [
            b"II*\0".as_slice(),
            &8u32.to_le_bytes(),
            &1u16.to_le_bytes(),
            &0x0112u16.to_le_bytes(),
            &3u16.to_le_bytes(),
            &1u32.to_le_bytes(),
            &6u16.to_le_bytes(),
            &[0, 0],
            &0u32.to_le_bytes(),
        ]
        .concat();
        let mut jpeg = Vec::new();
        let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90);
        image::ImageEncoder::set_exif_metadata(&mut encoder, tiff).unwrap();
        encoder.encode_image(&img).unwrap();
        let back = image::load_from_memory(&bytes_of(&prepare("phone.jpg", &jpeg).unwrap()).unwrap()).unwrap();
        assert_eq!((back.width(), back.height()), (20, 40), "stored upright");
    }

    #[test]
    fn a_small_picture_keeps_its_size() {
        let back = image::load_from_memory(&bytes_of(&prepare("icon.png", &png(64, 32)).unwrap()).unwrap()).unwrap();
        assert_eq!((back.width(), back.height()), (64, 32));
    }

    #[test]
    fn text_posing_as_a_picture_is_refused_by_name() {
        let e = prepare("notes.png", b"just some text, not a PNG").unwrap_err();
        assert!(e.to_string().contains("notes.png is not a picture"), "{e}");
        assert!(e.message(crate::Lang::Nl).contains("geen foto"), "{}", e.message(crate::Lang::Nl));
    }

    #[test]
    fn a_damaged_picture_is_refused() {
        let mut bytes = png(100, 100);
        bytes.truncate(80);
        assert!(prepare("cut.png", &bytes).unwrap_err().to_string().contains("cannot be read"));
    }

    #[test]
    fn a_fifty_megabyte_file_is_refused_before_reading() {
        let e = check_size("huge.jpg", 50 * 1024 * 1024).unwrap_err().to_string();
        assert!(e.contains("huge.jpg is 50.0 MB; a picture may be at most 20 MB"), "{e}");
    }

    #[test]
    fn only_our_own_picture_urls_are_taken() {
        assert!(check(Field::Picture, "data:image/png;base64,AAAA").is_err());
        assert!(check(Field::Picture, "https://example.com/x.jpg").is_err());
        assert!(check(Field::Picture, &format!("{PREFIX}{}", "A".repeat(MAX_DATA_URL))).is_err());
    }
}
