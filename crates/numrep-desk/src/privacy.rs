//! Customers are counted, never stored: a `customer_ref` is kept only as a keyed
//! hash (HMAC-SHA-256 with a server secret from the environment), so the same
//! customer counts once and nobody can read refs back out of the database.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The shortest accepted secret, in bytes.
pub const MIN_SECRET_BYTES: usize = 32;

/// Bytes of the HMAC kept (128 bits: collisions are no concern at any real count).
const KEPT_BYTES: usize = 16;

/// Why there is no usable secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SecretError {
    /// The environment variable is not set.
    #[error(
        "the environment variable {0} must hold the secret that customer refs are hashed with \
         (at least 32 bytes, e.g. `export {0}=$(head -c 32 /dev/urandom | base64)`); keep it: \
         a new secret makes every customer count as new"
    )]
    Missing(String),
    /// The secret is too short.
    #[error("the secret in {name} has {len} bytes; at least {min} are needed")]
    TooShort {
        /// The variable.
        name: String,
        /// Its length.
        len: usize,
        /// The minimum.
        min: usize,
    },
}

/// Hashes customer refs with the server secret.
#[derive(Clone)]
pub struct CustomerHasher {
    mac: Hmac<Sha256>,
}

impl std::fmt::Debug for CustomerHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CustomerHasher(…)")
    }
}

impl CustomerHasher {
    /// A hasher keyed with `secret` (at least [`MIN_SECRET_BYTES`]).
    pub fn new(secret: &[u8], name: &str) -> Result<CustomerHasher, SecretError> {
        if secret.len() < MIN_SECRET_BYTES {
            return Err(SecretError::TooShort {
                name: name.to_string(),
                len: secret.len(),
                min: MIN_SECRET_BYTES,
            });
        }
        let mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
        Ok(CustomerHasher { mac })
    }

    /// A hasher keyed with the secret in the environment variable `name`.
    pub fn from_env(name: &str) -> Result<CustomerHasher, SecretError> {
        let secret =
            std::env::var_os(name).ok_or_else(|| SecretError::Missing(name.to_string()))?;
        CustomerHasher::new(secret.as_encoded_bytes(), name)
    }

    /// The stored form of a customer ref: 32 hex digits. Surrounding whitespace
    /// is ignored so `"K-1 "` and `"K-1"` are one customer.
    pub fn hash(&self, customer_ref: &str) -> String {
        let mut mac = self.mac.clone();
        mac.update(customer_ref.trim().as_bytes());
        let digest = mac.finalize().into_bytes();
        digest[..KEPT_BYTES]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn same_ref_same_hash_other_secret_other_hash() {
        let h = CustomerHasher::new(SECRET, "S").unwrap();
        let a = h.hash("K-1001");
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(a, h.hash(" K-1001 "));
        assert_ne!(a, h.hash("K-1002"));
        assert!(!a.contains("1001"));
        let other = CustomerHasher::new(b"another secret of at least 32 bytes!", "S").unwrap();
        assert_ne!(a, other.hash("K-1001"));
    }

    #[test]
    fn is_hmac_sha256_by_rfc_4231() {
        // RFC 4231 test case 6: key 0xaa × 131, the first 16 bytes of the MAC.
        let h = CustomerHasher::new(&[0xaa; 131], "S").unwrap();
        assert_eq!(
            h.hash("Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f"
        );
    }

    #[test]
    fn short_or_missing_secrets_are_refused() {
        assert!(matches!(
            CustomerHasher::new(b"short", "S"),
            Err(SecretError::TooShort { len: 5, .. })
        ));
        let missing = CustomerHasher::from_env("NUMREP_DESK_TEST_SURELY_UNSET");
        assert!(matches!(missing, Err(SecretError::Missing(_))));
    }
}
