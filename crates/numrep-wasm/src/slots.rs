//! A fixed row of `f64` slots written front to back without reallocating, so that each
//! write is a bounds check and a store (a `Vec` push is a call in the size-optimised
//! module). A row too short for its value says so, and the writer grows it and starts over.

/// Slots in a new row: a report with many reasons needs fewer than 300.
const INITIAL: usize = 512;

/// The row and how much of it is written.
pub(crate) struct Slots {
    row: Box<[f64]>,
    len: usize,
    overflowed: bool,
}

impl Default for Slots {
    fn default() -> Self {
        Slots {
            row: vec![0.0; INITIAL].into_boxed_slice(),
            len: 0,
            overflowed: false,
        }
    }
}

impl Slots {
    /// Starts a new value at the front of the row.
    pub(crate) fn clear(&mut self) {
        self.len = 0;
        self.overflowed = false;
    }

    /// Appends `N` slots, or notes that the row was too short.
    #[inline(always)]
    pub(crate) fn put<const N: usize>(&mut self, values: [f64; N]) {
        let end = self.len + N;
        match self
            .row
            .get_mut(self.len..end)
            .and_then(|slots| <&mut [f64; N]>::try_from(slots).ok())
        {
            Some(slots) => {
                *slots = values;
                self.len = end;
            }
            None => self.overflowed = true,
        }
    }

    /// True when a value did not fit since the last [`Slots::clear`].
    pub(crate) fn overflowed(&self) -> bool {
        self.overflowed
    }

    /// Doubles the row (and clears it): the value is then written again.
    pub(crate) fn grow(&mut self) {
        self.row = vec![0.0; self.row.len() * 2].into_boxed_slice();
        self.clear();
    }

    /// Where the row starts in wasm memory.
    pub(crate) fn as_ptr(&self) -> *const f64 {
        self.row.as_ptr()
    }
}
