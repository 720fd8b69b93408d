//! The shipped example configuration parses and builds, with or without its
//! credential variables set.
#![cfg(not(target_arch = "wasm32"))]

use numrep_online::{Config, Engine, SourceProblem, SourceStatus};

fn example() -> Config {
    Config::from_toml(include_str!("../../../data/examples/numrep.toml")).expect("example parses")
}

#[test]
fn example_config_builds() {
    let env = |var: &str| {
        var.ends_with("_KEY")
            || var.ends_with("_PARTNER")
            || var.ends_with("_USER")
            || var.ends_with("_PASSWORD")
            || var.ends_with("_TOKEN")
    };
    let engine = Engine::from_config_with_env(&example(), |v| env(v).then(|| "x".to_string()))
        .expect("example is valid");
    assert_eq!(
        engine.source_names(),
        vec!["tellows", "phoneblock", "complaints"]
    );
}

#[tokio::test]
async fn without_credentials_every_source_reports_config_error() {
    let engine = Engine::from_config_with_env(&example(), |_| None).expect("still builds");
    let reports = engine.lookup("+4930123456").await.expect("valid number");
    let vars: Vec<_> = reports
        .iter()
        .map(|r| {
            assert_eq!(r.status, SourceStatus::ConfigError, "{r:?}");
            match &r.error {
                Some(SourceProblem::MissingCredential { var }) => var.as_str(),
                other => panic!("{other:?}"),
            }
        })
        .collect();
    assert_eq!(
        vars,
        vec!["TELLOWS_API_KEY", "PHONEBLOCK_USER", "COMPLAINTS_TOKEN"]
    );
}
