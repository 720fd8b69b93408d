//! Reading a configuration or list file without trusting it: a regular file,
//! size-checked before a byte is read, and read with a bound even if it grows.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Largest configuration file read.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The text of `path`, refused (with a reason a person can act on) when it is not a
/// regular file (a directory, `/dev/zero`, a FIFO), larger than `max_bytes`, or not
/// UTF-8.
pub fn read_text(path: &Path, max_bytes: u64) -> Result<String, String> {
    let file = File::open(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file".to_string());
    }
    if meta.len() > max_bytes {
        return Err(format!(
            "{} bytes; at most {max_bytes} are read",
            meta.len()
        ));
    }
    // The size may change between the check and the read: never read more than allowed.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!("larger than {max_bytes} bytes"));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 (first bad byte at offset {}); save it as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
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
        assert_eq!(read_text(&dir, 10).expect_err("dir"), "not a regular file");
        assert_eq!(
            read_text(Path::new("/dev/zero"), 10).expect_err("device"),
            "not a regular file"
        );
        let big = dir.join("big.csv");
        let file = File::create(&big).expect("create");
        file.set_len(600 * 1024 * 1024).expect("sparse file");
        let err = read_text(&big, MAX_CONFIG_BYTES).expect_err("too big");
        assert!(err.starts_with("629145600 bytes; at most 1048576"), "{err}");
        let small = dir.join("ok.toml");
        std::fs::write(&small, "lang = \"de\"\n").expect("write");
        assert_eq!(read_text(&small, 100).expect("small"), "lang = \"de\"\n");
        std::fs::write(&small, b"a\xffb").expect("write");
        assert!(read_text(&small, 100)
            .expect_err("latin-1")
            .contains("offset 1"));
        std::fs::remove_dir_all(&dir).ok();
    }
}
