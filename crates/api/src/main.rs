//! `mfx`: serve the platform, migrate its database, manage accounts.

use std::process::ExitCode;

fn main() -> ExitCode {
    mfx_api::cli::main()
}
