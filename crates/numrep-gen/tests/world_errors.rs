//! A metadata update outside libphonenumber's known regex dialect, or a broken row, stops
//! the generator with the file, line and pattern: it never compiles wrongly.

use std::path::{Path, PathBuf};

/// A copy of the world tables in a fresh temporary directory, with `edit` applied to
/// `number_types.csv`.
fn data_with(edit: impl Fn(&str) -> String, tag: &str) -> PathBuf {
    let root = numrep_gen::workspace_root().join("data");
    let dir = std::env::temp_dir().join(format!("numrep-gen-{tag}-{}", std::process::id()));
    let world = dir.join("world/libphonenumber");
    std::fs::create_dir_all(&world).unwrap();
    for file in [
        "version.csv",
        "territories.csv",
        "formats.csv",
        "short_numbers.csv",
    ] {
        std::fs::copy(
            root.join("world/libphonenumber").join(file),
            world.join(file),
        )
        .unwrap();
    }
    std::fs::copy(
        root.join("world/country_codes.csv"),
        dir.join("world/country_codes.csv"),
    )
    .unwrap();
    let types =
        std::fs::read_to_string(root.join("world/libphonenumber/number_types.csv")).unwrap();
    std::fs::write(world.join("number_types.csv"), edit(&types)).unwrap();
    dir
}

fn error_of(dir: &Path) -> String {
    let e = numrep_gen::generate_world(dir).expect_err("broken data must not compile");
    std::fs::remove_dir_all(dir).ok();
    e.to_string()
}

#[test]
fn an_unsupported_construct_names_file_line_and_pattern() {
    let dir = data_with(
        |t| t.replacen(r"1(?:6[023]|7\d)\d{7,8}", r"1(?:6[023]|7\d)\d+", 1),
        "plus",
    );
    let e = error_of(&dir);
    assert!(e.contains("number_types.csv:"), "{e}");
    assert!(
        e.contains(r"\d+") && e.contains("unbounded repetition"),
        "{e}"
    );
}

#[test]
fn an_unknown_number_type_is_an_error() {
    let dir = data_with(|t| t.replacen(",mobile,", ",cellular,", 1), "type");
    let e = error_of(&dir);
    assert!(e.contains("unknown number type `cellular`"), "{e}");
}
