//! "Did you mean …?" for misspelt keys and kinds: the core's helper, shared with
//! list columns (`numrep::lists::did_you_mean`), so config keys and list columns get
//! the same hints.

pub use numrep::lists::{did_you_mean, edit_distance};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("nmae", "name"), 1, "a swap counts once");
        assert_eq!(edit_distance("blocklst", "blocklist"), 1);
        assert_eq!(edit_distance("Grüße", "Grüsse"), 2);
    }

    #[test]
    fn hints() {
        let keys = [
            "name",
            "kind",
            "url",
            "timeout_ms",
            "api_key_env",
            "partner",
        ];
        assert_eq!(did_you_mean("api_key", &keys), Some("api_key_env"));
        assert_eq!(did_you_mean("apikey_env", &keys), Some("api_key_env"));
        assert_eq!(did_you_mean("timeout", &keys), Some("timeout_ms"));
        assert_eq!(did_you_mean("nmae", &keys), Some("name"));
        assert_eq!(did_you_mean("URL", &keys), Some("url"));
        assert_eq!(did_you_mean("url_template", &keys), Some("url"));
        assert_eq!(did_you_mean("colour", &keys), None);
        assert_eq!(did_you_mean("x", &keys), None);
        assert_eq!(
            did_you_mean("telows", &["tellows", "phoneblock"]),
            Some("tellows")
        );
    }
}
