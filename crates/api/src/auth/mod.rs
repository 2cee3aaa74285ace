//! Authentication: password hashing, access and refresh tokens, and the extractor that turns
//! a bearer token into the signed-in account.

pub mod extract;
pub mod password;
pub mod token;

pub use extract::{CurrentUser, KnownSessions, MaybeUser};
pub use token::TokenKeys;
