//! Argon2id password hashes in PHC form (`$argon2id$v=19$m=19456,t=2,p=1$…`).

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use std::sync::OnceLock;

/// Hashes a password with a fresh random salt (OWASP parameters: 19 MiB, 2 passes).
pub fn hash(password: &str) -> Result<String, String> {
    Argon2::default().hash_password(password.as_bytes()).map(|h| h.to_string()).map_err(|e| e.to_string())
}

/// Whether `password` matches the stored hash. A malformed hash matches nothing.
pub fn verify(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// Spends the same work as a real verification, for sign-ins with an unknown email, so that
/// timing does not tell which emails have accounts.
pub fn verify_nothing(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("a password nobody has").unwrap_or_default());
    let _ = verify(password, dummy);
}

/// A random password for a new account, shown once: 20 characters from an alphabet without
/// look-alikes (no 0/O, 1/l/I).
pub fn generate() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0_u8; 20];
    rand::fill(&mut bytes[..]);
    // 256 is not a multiple of the alphabet's 57 letters; the slight bias costs < 0.1 bit each.
    bytes.iter().map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let first = hash("correct horse battery staple").expect("hash");
        let second = hash("correct horse battery staple").expect("hash");
        assert!(first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{first}");
        assert_ne!(first, second, "every hash has its own salt");
        assert!(verify("correct horse battery staple", &first));
        assert!(!verify("correct horse battery stapl", &first));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn generated_passwords_are_long_and_different() {
        let a = generate();
        let b = generate();
        assert_eq!(a.chars().count(), 20);
        assert_ne!(a, b);
        assert!(mfx_domain::Password::parse(&a).is_ok());
    }
}
