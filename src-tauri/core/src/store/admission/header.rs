//! Reads the 100-byte header of a database file before SQLite touches it, so that a file that is
//! not SQLite at all, or is cut short, is refused without a single byte of it being changed.

use std::io::Read;
use std::path::Path;

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

#[derive(Debug, PartialEq, Eq)]
pub enum FileKind {
    /// No file, or an empty one: a new database may be created here.
    New,
    /// A complete SQLite file; whose it is, SQLite itself must tell (see `admission::check_existing`).
    Sqlite,
}

/// What is wrong with a file that cannot be opened as a database.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    NotSqlite,
    /// The header holds a value no SQLite file can have (e.g. a page size of 0).
    BadHeader,
    Truncated {
        expected_bytes: u64,
        actual_bytes: u64,
    },
    Unreadable(String),
}

pub fn inspect(path: &Path) -> Result<FileKind, Refusal> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        // A missing folder is reported by the step that creates it.
        Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) => return Ok(FileKind::New),
        Err(e) => return Err(Refusal::Unreadable(e.to_string())),
    };
    let len = file.metadata().map_err(|e| Refusal::Unreadable(e.to_string()))?.len();
    if len == 0 {
        return Ok(FileKind::New);
    }
    // The header and nothing more, however long the file.
    let mut header = Vec::with_capacity(100);
    file.take(100).read_to_end(&mut header).map_err(|e| Refusal::Unreadable(e.to_string()))?;
    if !header.starts_with(MAGIC) {
        return Err(Refusal::NotSqlite);
    }
    if header.len() < 100 {
        return Err(Refusal::Truncated { expected_bytes: 100, actual_bytes: len });
    }
    let be32 = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    // A power of two from 512 to 32768, or 1 for 65536 (the SQLite file format, section 1.3.2).
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        _ => return Err(Refusal::BadHeader),
    };
    // After a crash during a checkpoint the main file may be shorter than it will be: the pages
    // still in the write-ahead log make it whole when SQLite opens it (and checks it).
    if wal_holds_pages(path) {
        return Ok(FileKind::Sqlite);
    }
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

fn wal_holds_pages(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(Path::new(&wal)).is_ok_and(|m| m.is_file() && m.len() > 32)
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

    /// A header with the page size at `raw` and the page count at `pages`, padded to `len` bytes.
    fn file_with(dir: &Path, raw: u16, pages: u32, len: usize) -> std::path::PathBuf {
        let mut bytes = vec![0u8; len.max(100)];
        bytes[..16].copy_from_slice(MAGIC);
        bytes[16..18].copy_from_slice(&raw.to_be_bytes());
        bytes[28..32].copy_from_slice(&pages.to_be_bytes());
        // Change counter equal to version-valid-for: the page count is to be trusted.
        bytes[24..28].copy_from_slice(&7u32.to_be_bytes());
        bytes[92..96].copy_from_slice(&7u32.to_be_bytes());
        let p = dir.join(format!("page-{raw}.db"));
        std::fs::write(&p, &bytes[..len.max(100)]).unwrap();
        p
    }

    #[test]
    fn every_page_size_in_the_header_is_refused_or_accepted_without_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        for raw in [0u16, 2, 100, 511, 513, 1000, 3000, 32769, u16::MAX] {
            let p = file_with(dir.path(), raw, 1, 4096);
            assert_eq!(inspect(&p), Err(Refusal::BadHeader), "page size {raw}");
        }
        for raw in [1u16, 512, 1024, 4096, 32768] {
            let size = if raw == 1 { 65_536 } else { usize::from(raw) };
            assert_eq!(inspect(&file_with(dir.path(), raw, 1, size)), Ok(FileKind::Sqlite), "page size {raw}");
        }
    }

    #[test]
    fn a_file_cut_short_opens_when_its_write_ahead_log_holds_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let p = file_with(dir.path(), 4096, 3, 4096);
        assert!(matches!(inspect(&p), Err(Refusal::Truncated { .. })));
        std::fs::write(dir.path().join("page-4096.db-wal"), vec![1u8; 8192]).unwrap();
        assert_eq!(inspect(&p), Ok(FileKind::Sqlite), "SQLite recovers it from the log");
    }

    #[test]
    fn short_header_is_truncated() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("short.db");
        std::fs::write(&p, b"SQLite format 3\0\x10\x00").unwrap();
        assert!(matches!(inspect(&p), Err(Refusal::Truncated { .. })));
    }
}
