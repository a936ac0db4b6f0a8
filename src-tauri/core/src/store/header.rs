//! Reads the 100-byte header of a database file before SQLite touches it, so that a file that is
//! not SQLite at all, or is cut short, is refused without a single byte of it being changed.

use std::io::Read;
use std::path::Path;

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

#[derive(Debug, PartialEq, Eq)]
pub enum FileKind {
    /// No file, or an empty one: a new database may be created here.
    New,
    /// A complete SQLite file; whose it is, SQLite itself must tell (see `store::check_existing`).
    Sqlite,
}

/// What is wrong with a file that cannot be opened as a database.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    NotSqlite,
    Truncated { expected_bytes: u64, actual_bytes: u64 },
    Unreadable(String),
}

pub fn inspect(path: &Path) -> Result<FileKind, Refusal> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        // A missing folder is reported by the step that creates it.
        Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) => return Ok(FileKind::New),
        Err(e) => return Err(Refusal::Unreadable(e.to_string())),
    };
    let len = file.metadata().map_err(|e| Refusal::Unreadable(e.to_string()))?.len();
    if len == 0 {
        return Ok(FileKind::New);
    }
    let mut header = [0u8; 100];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(Refusal::Unreadable(e.to_string())),
        }
    }
    if read < MAGIC.len() || &header[..16] != MAGIC {
        return Err(Refusal::NotSqlite);
    }
    if read < header.len() {
        return Err(Refusal::Truncated { expected_bytes: 100, actual_bytes: len });
    }
    let be32 = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    // Page size 1 means 65536 (see the SQLite file format, section 1.3.2).
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    // The in-header page count is only trustworthy when the change counter matches the
    // version-valid-for number; older writers left it stale.
    let pages = u64::from(be32(28));
    if be32(24) == be32(92) && pages > 0 {
        let expected_bytes = pages * page_size;
        if len < expected_bytes {
            return Err(Refusal::Truncated { expected_bytes, actual_bytes: len });
        }
    } else if len % page_size != 0 {
        return Err(Refusal::Truncated { expected_bytes: len.div_ceil(page_size) * page_size, actual_bytes: len });
    }
    Ok(FileKind::Sqlite)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_empty_files_are_new() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(inspect(&dir.path().join("none.db")), Ok(FileKind::New));
        std::fs::write(dir.path().join("empty.db"), b"").unwrap();
        assert_eq!(inspect(&dir.path().join("empty.db")), Ok(FileKind::New));
    }

    #[test]
    fn text_file_is_not_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("notes.db");
        std::fs::write(&p, "these are my workshop notes, not a database").unwrap();
        assert_eq!(inspect(&p), Err(Refusal::NotSqlite));
    }

    #[test]
    fn short_header_is_truncated() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("short.db");
        std::fs::write(&p, b"SQLite format 3\0\x10\x00").unwrap();
        assert!(matches!(inspect(&p), Err(Refusal::Truncated { .. })));
    }
}
