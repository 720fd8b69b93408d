//! The committed generated files must be exactly what `data/` compiles to.

use std::path::Path;

use numrep_gen::GenError;

fn check_fresh(path: &str, generate: fn(&Path) -> Result<String, GenError>) {
    let root = numrep_gen::workspace_root();
    let fresh = generate(&root.join("data")).expect("data/ compiles");
    let committed = std::fs::read_to_string(root.join(path)).expect("generated file exists");
    assert!(
        fresh == committed,
        "{path} is stale: run `make data` (cargo run -p numrep-gen) and commit"
    );
    assert_eq!(
        fresh,
        generate(&root.join("data")).unwrap(),
        "{path}: generation is not deterministic"
    );
}

#[test]
fn generated_tables_match_data() {
    check_fresh(numrep_gen::GENERATED_PATH, numrep_gen::generate);
}

#[test]
fn world_tables_match_data() {
    check_fresh(numrep_gen::WORLD_GENERATED_PATH, numrep_gen::generate_world);
}
