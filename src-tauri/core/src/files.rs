//! Writing files so that a failure never leaves a half-written file at the target path: write a
//! temporary file beside it, flush it to disk, then rename it over the target.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::said;
use crate::said::Said;

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = |e: std::io::Error| Error::Write { path: path.to_path_buf(), problem: describe(&e) };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // A temporary file of its own beside the target (a short random name, so two saves never
    // share one and a long target name still fits), removed if anything fails.
    let mut tmp = tempfile::Builder::new().prefix(".jw").suffix(".part").tempfile_in(dir).map_err(fail)?;
    tmp.write_all(bytes).and_then(|()| tmp.as_file().sync_all()).map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

fn describe(e: &std::io::Error) -> Said {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => said!("the folder does not exist", "de map bestaat niet"),
        PermissionDenied => {
            said!("permission denied; choose a folder you may write to", "geen toestemming; kies een map waarin je mag schrijven")
        }
        StorageFull => {
            said!("the disk is full; free some space and try again", "de schijf is vol; maak ruimte vrij en probeer het opnieuw")
        }
        ReadOnlyFilesystem => said!("the disk is read-only", "de schijf is alleen-lezen"),
        // The system's own words, which we cannot translate.
        _ => said!("{e}", "het systeem meldt: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_litter() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("journey.json");
        std::fs::write(&target, "old").unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        let e = write_atomically(&dir.path().join("missing/journey.json"), b"x").unwrap_err().to_string();
        assert!(e.contains("folder does not exist"), "{e}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_name_as_long_as_the_file_system_allows_is_written() {
        // The temporary file's name is short and its own: a 255-byte target name still fits.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join(format!("{}.json", "é".repeat(125)));
        assert_eq!(target.file_name().unwrap().len(), 255);
        write_atomically(&target, b"{}").unwrap();
        write_atomically(&target, b"[]").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "[]");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
