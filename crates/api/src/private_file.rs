//! Files only the service's own user may read (mode 0600): secrets, and mail that holds
//! unsubscribe links.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates a new file readable and writable by its owner only; fails if it exists.
pub fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Writes `bytes` to a new owner-only file.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut file = create_new(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
