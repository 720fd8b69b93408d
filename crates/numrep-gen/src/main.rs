//! `cargo run -p numrep-gen` rewrites the generated tables of the core from `data/`:
//! `crates/numrep/src/plan/generated.rs` (Germany, calling codes) and
//! `crates/numrep/src/plan/world/tables.rs` (libphonenumber's metadata, compiled).

#![forbid(unsafe_code)]

use std::path::Path;
use std::process::ExitCode;

use numrep_gen::GenError;

fn write(root: &Path, path: &str, made: Result<String, GenError>) -> bool {
    match made {
        Ok(code) => {
            let out = root.join(path);
            if let Err(e) = std::fs::write(&out, code) {
                eprintln!("numrep-gen: cannot write {}: {e}", out.display());
                return false;
            }
            println!("numrep-gen: wrote {}", out.display());
            true
        }
        Err(e) => {
            eprintln!("numrep-gen: {e}");
            false
        }
    }
}

fn main() -> ExitCode {
    let root = numrep_gen::workspace_root();
    let data = root.join("data");
    let german = write(
        &root,
        numrep_gen::GENERATED_PATH,
        numrep_gen::generate(&data),
    );
    let world = write(
        &root,
        numrep_gen::WORLD_GENERATED_PATH,
        numrep_gen::generate_world(&data),
    );
    if german && world {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
