//! `cargo run -p numrep-gen` rewrites `crates/numrep/src/plan/generated.rs` from `data/`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let root = numrep_gen::workspace_root();
    match numrep_gen::generate(&root.join("data")) {
        Ok(code) => {
            let out = root.join(numrep_gen::GENERATED_PATH);
            if let Err(e) = std::fs::write(&out, code) {
                eprintln!("numrep-gen: cannot write {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
            println!("numrep-gen: wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("numrep-gen: {e}");
            ExitCode::FAILURE
        }
    }
}
