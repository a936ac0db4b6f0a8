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
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.part", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
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
}
