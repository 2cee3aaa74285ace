//! Access tokens (HS256 JWTs, 15 minutes by default) and refresh tokens (random, one use,
//! stored only as SHA-256 hashes).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use mfx_domain::UserId;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

const ISSUER: &str = "mfx";
const AUDIENCE: &str = "mfx-api";
/// Refresh tokens carry a prefix so that secret scanners can recognise a leaked one.
const REFRESH_PREFIX: &str = "mfxr_";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    /// The account.
    pub sub: String,
    /// The session, so that logging out stops access tokens at once.
    pub sid: String,
    pub iat: i64,
    pub exp: i64,
}

/// The signing key and the rules a token must pass.
#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenKeys(**redacted**)")
    }
}

impl TokenKeys {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        // Expiry is checked against the application's clock in `verify`.
        validation.validate_exp = false;
        validation.leeway = 0;
        Self { encoding: EncodingKey::from_secret(secret), decoding: DecodingKey::from_secret(secret), validation }
    }

    pub fn issue(
        &self,
        user: UserId,
        session: &str,
        now: DateTime<Utc>,
        ttl: std::time::Duration,
    ) -> Result<String, String> {
        let ttl = i64::try_from(ttl.as_secs()).unwrap_or(900);
        let claims = Claims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sub: user.to_string(),
            sid: session.to_owned(),
            iat: now.timestamp(),
            exp: now.timestamp() + ttl,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).map_err(|e| e.to_string())
    }

    /// The claims of a genuine, unexpired token; otherwise why not (safe to show the client).
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Result<(UserId, String), &'static str> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|_| "The access token is not valid.")?;
        // A few seconds of tolerance for clocks of several instances.
        if data.claims.exp + 5 <= now.timestamp() {
            return Err("The access token has expired; refresh it.");
        }
        let user = data.claims.sub.parse::<UserId>().map_err(|_| "The access token is not valid.")?;
        Ok((user, data.claims.sid))
    }
}

/// A new refresh token and its hash (the only form that is stored).
pub fn new_refresh_token() -> (String, String) {
    let mut bytes = [0_u8; 32];
    rand::fill(&mut bytes[..]);
    let token = format!("{REFRESH_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes));
    let hash = hash_refresh_token(&token);
    (token, hash)
}

pub fn hash_refresh_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new random secret for signing tokens (64 bytes, base64).
pub fn generate_secret() -> String {
    let mut bytes = [0_u8; 64];
    rand::fill(&mut bytes[..]);
    URL_SAFE_NO_PAD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn keys() -> TokenKeys {
        TokenKeys::new(b"0123456789abcdef0123456789abcdef")
    }

    #[test]
    fn a_token_round_trips_until_it_expires() {
        let user = UserId::from_uuid(uuid::Uuid::now_v7());
        let now = Utc::now();
        let token = keys().issue(user, "session-1", now, std::time::Duration::from_secs(900)).expect("issue");
        assert_eq!(keys().verify(&token, now), Ok((user, "session-1".to_owned())));
        assert!(keys().verify(&token, now + Duration::minutes(16)).is_err());
    }

    #[test]
    fn tokens_signed_otherwise_or_unsigned_are_refused() {
        let user = UserId::from_uuid(uuid::Uuid::now_v7());
        let now = Utc::now();
        let other = TokenKeys::new(b"another secret that is long enough!!");
        let foreign = other.issue(user, "s", now, std::time::Duration::from_secs(900)).expect("issue");
        assert!(keys().verify(&foreign, now).is_err());

        let token = keys().issue(user, "s", now, std::time::Duration::from_secs(900)).expect("issue");
        let mut parts = token.split('.');
        let (_, payload) = (parts.next(), parts.next().unwrap_or_default());
        let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        assert!(keys().verify(&format!("{none_header}.{payload}."), now).is_err());
    }

    #[test]
    fn refresh_tokens_are_random_and_hashed() {
        let (a, hash_a) = new_refresh_token();
        let (b, _) = new_refresh_token();
        assert_ne!(a, b);
        assert!(a.starts_with("mfxr_"));
        assert_eq!(hash_refresh_token(&a), hash_a);
        assert_eq!(hash_a.len(), 64);
        assert!(!hash_a.contains(&a));
    }
}
