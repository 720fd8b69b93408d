//! What can end a `numrep` command early, and the exit status each gives.

use std::fmt;
use std::io;
use std::process::ExitCode;

/// Exit status when some input did not parse, or reading or writing failed.
pub const SOME_FAILED: u8 = 1;

/// Exit status for usage errors (bad flags, config or list files).
pub const USAGE: u8 = 2;

/// A failure that stops the command.
#[derive(Debug)]
#[non_exhaustive]
pub enum CliError {
    /// Bad flags, config or list files: nothing was looked up (exit 2).
    Usage(String),
    /// Standard input could not be read (exit 1).
    Read(io::Error),
    /// Standard output could not be written: closed, full, … (exit 1).
    Write(io::Error),
    /// A worker thread stopped (exit 1).
    Worker,
}

impl CliError {
    /// The process exit status; a reader that went away (`numrep … | head`) is a
    /// normal end, not an error.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Usage(_) => ExitCode::from(USAGE),
            CliError::Write(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            CliError::Read(_) | CliError::Write(_) | CliError::Worker => {
                ExitCode::from(SOME_FAILED)
            }
        }
    }

    /// Whether the error is worth a message on stderr.
    pub fn is_silent(&self) -> bool {
        matches!(self, CliError::Write(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage(message) => f.write_str(message),
            CliError::Read(e) => write!(f, "cannot read standard input: {e}"),
            CliError::Write(e) => write!(f, "cannot write the output: {e}"),
            CliError::Worker => f.write_str("a worker thread stopped unexpectedly"),
        }
    }
}

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CliError::Read(e) | CliError::Write(e) => Some(e),
            CliError::Usage(_) | CliError::Worker => None,
        }
    }
}

/// Marks an I/O error as a failure to write the output.
pub fn write_error(e: io::Error) -> CliError {
    CliError::Write(e)
}

/// Marks an I/O error as a failure to read the input.
pub fn read_error(e: io::Error) -> CliError {
    CliError::Read(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_class_not_the_io_kind() {
        let other = || io::Error::other("disk on fire");
        // A write error of kind `Other` is still a write error (it used to be reported
        // as "cannot read standard input").
        assert!(CliError::Write(other())
            .to_string()
            .starts_with("cannot write"));
        assert_eq!(
            CliError::Write(other()).exit_code(),
            ExitCode::from(SOME_FAILED)
        );
        assert_eq!(
            CliError::Read(other()).exit_code(),
            ExitCode::from(SOME_FAILED)
        );
        assert_eq!(
            CliError::Usage("x".into()).exit_code(),
            ExitCode::from(USAGE)
        );
        let pipe = CliError::Write(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(pipe.is_silent());
        assert_eq!(pipe.exit_code(), ExitCode::SUCCESS);
        let full = CliError::Write(io::Error::from(io::ErrorKind::StorageFull));
        assert!(!full.is_silent());
    }
}
