//! Language negotiation and fallback chains: which of the platform's languages to speak to a
//! reader, given what they asked for.

mod negotiate;

pub use negotiate::{fallback_chain, negotiate, parse_accept_language};
