//! Files we write and read on the user's behalf. Writing never leaves a half-written file at the
//! target path: a temporary file beside it is flushed to disk, then renamed over the target (which
//! keeps its permissions; a new file gets those the umask gives any new file), and the folder is
//! synced so the rename survives a power cut. Reading takes regular files only, and never more
//! than a limit.

use std::io::{Read, Write};
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
    // share one and a long target name still fits), removed if anything fails. It is made as any
    // program makes a new file (read and write for all, less the umask: 0644 as a rule), not
    // tempfile's private 0600: a poster or a journey file is written to be passed on.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".jw").suffix(".part");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    tmp.write_all(bytes).and_then(|()| tmp.as_file().sync_all()).map_err(fail)?;
    // A file written over keeps who may read it (the temporary file is private to us).
    if let Ok(old) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(old.permissions()).map_err(fail)?;
    }
    tmp.persist(path).map_err(|e| fail(e.error))?;
    sync_folder(dir);
    Ok(())
}

/// Makes a rename in `dir` durable. Only where folders can be opened for that (not on Windows,
/// whose renames are durable once the file is); a failure there changes nothing written.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A file's size in MB with one decimal, in English and Dutch ("50.1", "50,1"), rounded up: a
/// file one byte over a limit must not read as the limit itself.
pub fn megabytes(bytes: u64) -> (String, String) {
    let mb = format!("{:.1}", (bytes as f64 / 104_857.6).ceil() / 10.0);
    (mb.clone(), crate::said::dutch_number(mb))
}

/// Why `read_at_most` did not read a file.
#[derive(Debug)]
pub enum ReadRefusal {
    /// A device, a pipe or a folder: reading one may never end (`/dev/zero`, a FIFO).
    NotAFile,
    /// Larger than the limit (its size, or at least the limit and one byte).
    TooLarge(u64),
    Io(std::io::Error),
}

/// The bytes of a regular file of at most `limit` bytes. The kind of file is checked before it
/// is opened (opening a pipe waits for a writer), and at most `limit` + 1 bytes are read, however
/// large the file says it is or grows while it is read.
pub fn read_at_most(path: &Path, limit: u64) -> std::result::Result<Vec<u8>, ReadRefusal> {
    let meta = std::fs::metadata(path).map_err(ReadRefusal::Io)?;
    if !meta.is_file() {
        return Err(ReadRefusal::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadRefusal::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes)).map_err(ReadRefusal::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadRefusal::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
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

    #[test]
    fn devices_and_pipes_are_refused_before_they_are_read_and_big_files_by_their_size() {
        assert!(matches!(read_at_most(Path::new("/dev/zero"), 1024), Err(ReadRefusal::NotAFile)));
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(read_at_most(dir.path(), 1024), Err(ReadRefusal::NotAFile)));
        let fifo = dir.path().join("pipe.png");
        if std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
            // Opening it would wait for a writer forever; it is never opened.
            assert!(matches!(read_at_most(&fifo, 1024), Err(ReadRefusal::NotAFile)));
        }
        let big = dir.path().join("big.png");
        std::fs::write(&big, vec![0u8; 2048]).unwrap();
        assert!(matches!(read_at_most(&big, 1024), Err(ReadRefusal::TooLarge(2048))));
        assert_eq!(read_at_most(&big, 4096).unwrap().len(), 2048);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_written_over_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journey.json");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }

    /// A poster or a journey file is written for others to read: a new one gets the permissions
    /// any program's new file gets (0644 under the usual umask 022), not the temporary file's 0600.
    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_permissions_every_new_file_gets() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // What the umask makes of a plain new file, whatever this machine's umask is.
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "x").unwrap();
        let poster = dir.path().join("poster.pdf");
        write_atomically(&poster, b"%PDF").unwrap();
        assert_eq!(mode(&poster), mode(&plain), "a new export is as readable as any new file");
    }
}
