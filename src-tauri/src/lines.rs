//! Lines of text from a stream that may be anything (`edit -`, `rpc`): each line is read up to a
//! limit, so one endless line cannot fill the memory, and each refusal says which line it was.

use std::io::{BufRead, Read};

/// One line, or why it is not one: too long (the rest of it is skipped) or not UTF-8 text.
pub type Line = Result<String, String>;

/// The next line of `input` without its newline, at most `max` bytes; None at the end.
pub fn next_line(input: &mut impl BufRead, max: usize) -> std::io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let read = input.by_ref().take(max as u64 + 1).read_until(b'\n', &mut bytes)?;
    if read == 0 {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    } else if bytes.len() > max {
        // Skip the rest of the long line, a buffer at a time (nothing kept), so the next line is read as usual.
        input.skip_until(b'\n')?;
        return Ok(Some(Err(format!("the line is longer than {} MB", max >> 20))));
    }
    Ok(Some(
        String::from_utf8(bytes).map_err(|e| format!("the line is not UTF-8 text (a byte at {} is not)", e.utf8_error().valid_up_to())),
    ))
}

#[cfg(test)]
mod tests {
    use super::next_line;

    fn all(input: &[u8], max: usize) -> Vec<super::Line> {
        let mut r = std::io::BufReader::new(input);
        std::iter::from_fn(|| next_line(&mut r, max).unwrap()).collect()
    }

    #[test]
    fn long_and_broken_lines_are_refused_one_by_one_and_the_rest_is_read() {
        let mut input = b"first\r\n".to_vec();
        input.extend(vec![b'x'; 5000]);
        input.extend(b"\nb\xffad\nlast");
        let lines = all(&input, 1024);
        assert_eq!(lines[0].as_deref(), Ok("first"));
        assert!(lines[1].as_ref().unwrap_err().contains("longer than"));
        assert!(lines[2].as_ref().unwrap_err().contains("not UTF-8"));
        assert_eq!(lines[3].as_deref(), Ok("last"));
        assert_eq!(lines.len(), 4);
    }
}
