//! The committed `generated.rs` must be exactly what `data/` compiles to.

#[test]
fn generated_tables_match_data() {
    let root = numrep_gen::workspace_root();
    let fresh = numrep_gen::generate(&root.join("data")).expect("data/ compiles");
    let committed = std::fs::read_to_string(root.join(numrep_gen::GENERATED_PATH))
        .expect("generated.rs exists");
    assert!(
        fresh == committed,
        "crates/numrep/src/plan/generated.rs is stale: run `make data` (cargo run -p numrep-gen) and commit"
    );
}

#[test]
fn generation_is_deterministic() {
    let data = numrep_gen::workspace_root().join("data");
    assert_eq!(
        numrep_gen::generate(&data).unwrap(),
        numrep_gen::generate(&data).unwrap()
    );
}

#[test]
fn world_tables_match_data() {
    let root = numrep_gen::workspace_root();
    let fresh = numrep_gen::generate_world(&root.join("data")).expect("data/world compiles");
    let committed = std::fs::read_to_string(root.join(numrep_gen::WORLD_GENERATED_PATH))
        .expect("world tables exist");
    assert!(
        fresh == committed,
        "crates/numrep/src/plan/world/tables.rs is stale: run `make data` (cargo run -p numrep-gen) and commit"
    );
}

#[test]
fn world_generation_is_deterministic() {
    let data = numrep_gen::workspace_root().join("data");
    assert_eq!(
        numrep_gen::generate_world(&data).unwrap(),
        numrep_gen::generate_world(&data).unwrap()
    );
}
