//! Logging: human-readable lines or JSON lines on stderr, filtered by `MFX_LOG`.

use crate::settings::{LogFormat, Settings};
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber once; later calls (tests) keep the first.
pub fn init(settings: &Settings) {
    let filter = EnvFilter::try_new(&settings.log_filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match settings.log_format {
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).with_span_list(false).try_init(),
        LogFormat::Text => builder.with_ansi(false).try_init(),
    };
}
