//! The shipped example configuration parses and builds (with its variables set).
#![cfg(not(target_arch = "wasm32"))]

use numrep_online::{Config, Engine};

#[test]
fn example_config_builds() {
    let text = include_str!("../../../data/examples/numrep.toml");
    let config = Config::from_toml(text).expect("example parses");
    let env = |var: &str| {
        var.ends_with("_KEY")
            || var.ends_with("_PARTNER")
            || var.ends_with("_USER")
            || var.ends_with("_PASSWORD")
            || var.ends_with("_TOKEN")
    };
    let engine = Engine::from_config_with_env(&config, |v| env(v).then(|| "x".to_string()))
        .expect("example is valid");
    assert_eq!(
        engine.source_names(),
        vec!["tellows", "phoneblock", "complaints"]
    );
    let missing = Engine::from_config_with_env(&config, |_| None).expect_err("no variables");
    assert!(missing.to_string().contains("TELLOWS_API_KEY"), "{missing}");
}
