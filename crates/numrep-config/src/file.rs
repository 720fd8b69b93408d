//! Reading a configuration or list file without trusting it: a regular file,
//! size-checked before it is opened and again after, read with a bound even if it
//! grows, so a huge file, `/dev/zero`, a pipe or a directory named by mistake is
//! refused instead of filling memory or blocking.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;

use numrep::lists::ListError;

/// Largest configuration file read.
pub const MAX_CONFIG_BYTES: usize = 1024 * 1024;

/// Reads a regular file of at most `max` bytes as UTF-8 text.
///
/// The path's metadata is checked before the file is opened (opening a pipe would
/// block), the opened file's again (the path may have changed in between), and the
/// reading stops after `max + 1` bytes whatever size the file claims (`/proc` files
/// claim 0). The errors have German and English texts (`ListError::message`).
pub fn read_text(path: &Path, max: usize) -> Result<String, ListError> {
    let file = path.display().to_string();
    let failed = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => ListError::NotFound { file: file.clone() },
        _ => ListError::Unreadable {
            file: file.clone(),
            reason: e.to_string(),
        },
    };
    check_size(&fs::metadata(path).map_err(failed)?, &file, max)?;
    let opened = File::open(path).map_err(failed)?;
    let metadata = opened.metadata().map_err(failed)?;
    check_size(&metadata, &file, max)?;
    let expected = usize::try_from(metadata.len()).unwrap_or(max).min(max);
    let mut bytes = Vec::with_capacity(expected);
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    opened.take(limit).read_to_end(&mut bytes).map_err(failed)?;
    if bytes.len() > max {
        return Err(ListError::TextTooLarge {
            file,
            len: bytes.len(),
            max,
        });
    }
    String::from_utf8(bytes).map_err(|e| ListError::NotUtf8 {
        file,
        offset: e.utf8_error().valid_up_to(),
    })
}

/// A regular file no larger than `max` bytes.
fn check_size(metadata: &Metadata, file: &str, max: usize) -> Result<(), ListError> {
    if !metadata.is_file() {
        return Err(ListError::NotAFile {
            file: file.to_string(),
        });
    }
    match usize::try_from(metadata.len()) {
        Ok(len) if len <= max => Ok(()),
        len => Err(ListError::TextTooLarge {
            file: file.to_string(),
            len: len.unwrap_or(usize::MAX),
            max,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("numrep-config-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn refuses_what_is_not_a_small_regular_file() {
        let dir = temp("read");
        assert_eq!(read_text(&dir, 10).expect_err("dir").code(), "not_a_file");
        assert_eq!(
            read_text(Path::new("/dev/zero"), 10)
                .expect_err("device")
                .code(),
            "not_a_file"
        );
        let big = dir.join("big.csv");
        File::create(&big)
            .expect("create")
            .set_len(600 * 1024 * 1024)
            .expect("sparse file");
        assert_eq!(
            read_text(&big, MAX_CONFIG_BYTES)
                .expect_err("too big")
                .code(),
            "text_too_large"
        );
        let small = dir.join("ok.toml");
        std::fs::write(&small, "lang = \"de\"\n").expect("write");
        assert_eq!(read_text(&small, 100).expect("small"), "lang = \"de\"\n");
        std::fs::write(&small, b"a\xffb").expect("write");
        assert_eq!(
            read_text(&small, 100).expect_err("latin-1").code(),
            "not_utf8"
        );
        assert_eq!(
            read_text(&dir.join("missing"), 100)
                .expect_err("missing")
                .code(),
            "not_found"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
