//! Which URLs this crate may talk to: https anywhere, plain http only to
//! loopback hosts (127.0.0.0/8, `::1`, `localhost`) for tests and local proxies.

use reqwest::Url;

/// Checks that `url` may be asked. Also refuses credentials in the URL
/// (`user:pass@host`), which would leak into logs.
pub fn check_url(url: &Url) -> Result<(), String> {
    if !url.username().is_empty() || url.password().is_some() {
        return Err("credentials in the URL are not allowed; use the auth settings".into());
    }
    match url.scheme() {
        "https" => {
            if url.host().is_none() {
                return Err("https URL without a host".into());
            }
            Ok(())
        }
        "http" => {
            if is_loopback(url) {
                Ok(())
            } else {
                Err("plain http is only allowed to loopback hosts (127.0.0.0/8, ::1, localhost); use https".into())
            }
        }
        other => Err(format!("scheme `{other}` is not allowed; use https")),
    }
}

/// Whether the URL's host is a loopback address or `localhost`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => {
            let name = name.strip_suffix('.').unwrap_or(name);
            name.eq_ignore_ascii_case("localhost")
        }
        None => false,
    }
}

/// Whether two URLs have the same scheme, host and port.
pub fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host() == b.host()
        && a.port_or_known_default() == b.port_or_known_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(s: &str) -> Result<(), String> {
        check_url(&Url::parse(s).map_err(|e| e.to_string())?)
    }

    #[test]
    fn policy() {
        assert!(check("https://www.tellows.de/basic").is_ok());
        assert!(check("http://127.0.0.1:8080/x").is_ok());
        assert!(check("http://127.8.9.1/x").is_ok());
        assert!(check("http://[::1]:99/").is_ok());
        assert!(check("http://LocalHost./").is_ok());
        assert!(check("http://example.com/").is_err());
        assert!(check("http://10.0.0.1/").is_err());
        assert!(check("http://localhost.evil.com/").is_err());
        assert!(check("ftp://127.0.0.1/").is_err());
        assert!(check("https://user:pw@example.com/").is_err());
    }

    #[test]
    fn origins() {
        let a = Url::parse("http://127.0.0.1:80/a").unwrap();
        let b = Url::parse("http://127.0.0.1/b").unwrap();
        let c = Url::parse("http://127.0.0.2/b").unwrap();
        assert!(same_origin(&a, &b));
        assert!(!same_origin(&a, &c));
    }
}
