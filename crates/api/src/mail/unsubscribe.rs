//! The per-account link that turns the digest off without signing in: the account id and an
//! HMAC-SHA256 of the id and the account's link generation, under the unsubscribe key,
//! `<user id>.<first 18 bytes of the MAC, base64url>`. Bumping the generation revokes every
//! earlier link of the account.

use super::MailError;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use mfx_domain::UserId;
use sha2::Sha256;

/// How many bytes of the MAC a link carries.
const TAG_BYTES: usize = 18;

/// The MAC of one account's link generation, before finalisation.
fn signer(key: &[u8], user: UserId, generation: i64) -> Result<Hmac<Sha256>, MailError> {
    // HMAC takes keys of any length; the error exists for MACs with fixed key sizes.
    let signer = <Hmac<Sha256> as KeyInit>::new_from_slice(key)?;
    Ok(signer.chain_update(format!("unsubscribe:{user}:{generation}")))
}

/// The current link token of `user`.
pub fn unsubscribe_token(key: &[u8], user: UserId, generation: i64) -> Result<String, MailError> {
    let mac = signer(key, user, generation)?.finalize().into_bytes();
    Ok(format!("{user}.{}", URL_SAFE_NO_PAD.encode(&mac[..TAG_BYTES])))
}

/// The account a token claims to be for; check it with [`unsubscribe_token_valid`].
pub fn unsubscribe_token_user(token: &str) -> Option<UserId> {
    token.split_once('.')?.0.parse().ok()
}

/// Whether `token` is the current link of `user` (the MAC compared in constant time).
pub fn unsubscribe_token_valid(key: &[u8], token: &str, user: UserId, generation: i64) -> bool {
    let Some((id, tag)) = token.split_once('.') else { return false };
    if id != user.to_string() {
        return false;
    }
    let Ok(tag) = URL_SAFE_NO_PAD.decode(tag) else { return false };
    tag.len() == TAG_BYTES
        && signer(key, user, generation).is_ok_and(|signer| signer.verify_truncated_left(&tag).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_the_rfc_4231_vector() {
        // RFC 4231, test case 2.
        let mac = <Hmac<Sha256> as KeyInit>::new_from_slice(b"Jefe")
            .expect("any key length")
            .chain_update(b"what do ya want for nothing?")
            .finalize()
            .into_bytes();
        let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    #[test]
    fn tokens_keep_their_format() {
        // A link mailed before the MAC came from the hmac crate still opens the same account; the
        // expected token was computed apart, with Python's hmac module.
        let key = b"key one, long enough to sign with!!";
        let user: UserId = "0192f0a4-5a8c-7cc3-9d2e-3b1f6a7c8d90".parse().expect("uuid");
        let token = unsubscribe_token(key, user, 3).expect("token");
        assert_eq!(token, "0192f0a4-5a8c-7cc3-9d2e-3b1f6a7c8d90.s3XcVlOLSBzHVAAi2WZehQkz");
        assert!(unsubscribe_token_valid(key, &token, user, 3));
    }

    #[test]
    fn unsubscribe_tokens_are_bound_to_the_account_the_key_and_the_generation() {
        let key = b"key one, long enough to sign with!!";
        let user = UserId::from_uuid(uuid::Uuid::now_v7());
        let token = unsubscribe_token(key, user, 0).expect("token");
        assert_eq!(unsubscribe_token_user(&token), Some(user));
        assert!(unsubscribe_token_valid(key, &token, user, 0));
        assert!(!unsubscribe_token_valid(b"another key, long enough to sign!!", &token, user, 0));
        assert!(!unsubscribe_token_valid(key, &token, user, 1), "a later generation revokes the link");
        let other = UserId::from_uuid(uuid::Uuid::now_v7());
        let forged = format!("{other}.{}", token.split_once('.').map(|(_, m)| m).unwrap_or_default());
        assert!(!unsubscribe_token_valid(key, &forged, other, 0));
        let shortened = &token[..token.len() - 4];
        assert!(!unsubscribe_token_valid(key, shortened, user, 0), "a truncated MAC is refused");
        assert!(!unsubscribe_token_valid(key, &token.to_uppercase(), user, 0));
        assert_eq!(unsubscribe_token_user("garbage"), None);
    }
}
