//! Logging: human-readable lines or JSON lines on stderr, filtered by `MFX_LOG`.

use crate::settings::{LogFormat, Settings};
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber once; later calls (tests) keep the first.
pub fn init(settings: &Settings) {
    let filter =
        EnvFilter::try_new(quiet_protocol_errors(&settings.log_filter)).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match settings.log_format {
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).with_span_list(false).try_init(),
        LogFormat::Text => builder.with_ansi(false).try_init(),
    };
}

/// The HTTP server logs a client's malformed request (a header that cannot be parsed, say) at
/// error level, although it has answered it with 400 and nothing is wrong with this server:
/// unless the filter names `actix_http` itself, those lines are left out.
fn quiet_protocol_errors(filter: &str) -> String {
    if filter.contains("actix_http") { filter.to_owned() } else { format!("{filter},actix_http::h1::dispatcher=off") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_requests_are_not_logged_as_errors_unless_asked() {
        assert_eq!(quiet_protocol_errors("info"), "info,actix_http::h1::dispatcher=off");
        assert_eq!(quiet_protocol_errors("info,actix_http=debug"), "info,actix_http=debug");
        assert!(EnvFilter::try_new(quiet_protocol_errors("warn,mfx_api=debug")).is_ok());
    }
}
