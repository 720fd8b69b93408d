//! A throttled progress indicator on stderr, shown only when stderr is a terminal
//! (never in pipes, files or CI logs).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Lines between two updates of the counter; keeps the hot loop free of atomics.
const STEP: u64 = 4096;

/// Counts processed lines and shows the count on a terminal.
pub struct Progress {
    bar: Option<ProgressBar>,
    count: u64,
}

impl Progress {
    /// A visible spinner when `wanted` and stderr is a terminal; otherwise nothing.
    pub fn new(wanted: bool) -> Self {
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(8));
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} {human_pos} numbers looked up, {elapsed}")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress { bar, count: 0 }
    }

    /// Counts `lines` lines; the display is updated at most every [`STEP`] lines.
    #[inline]
    pub fn advance(&mut self, lines: u64) {
        let before = self.count / STEP;
        self.count += lines;
        if self.count / STEP != before {
            if let Some(bar) = &self.bar {
                bar.set_position(self.count);
            }
        }
    }

    /// Removes the indicator from the screen.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
