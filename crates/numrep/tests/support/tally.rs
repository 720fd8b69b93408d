#![allow(dead_code)] // each test uses part of it
//! Agreement counts per column, with the first disagreements of each, for the tests
//! that compare numrep with libphonenumber's answers. Shared by the table-level world
//! tests (`src/plan/world/conformance.rs`, by path) and the public-API conformance test.

use std::collections::BTreeMap;

/// Disagreements kept per column for printing.
const EXAMPLES: usize = 200;

/// One column's figures.
#[derive(Default)]
pub struct Column {
    /// Rows compared.
    pub total: usize,
    /// Rows that disagree.
    pub wrong: usize,
    /// The first disagreements.
    pub examples: Vec<String>,
}

impl Column {
    /// Agreement in per cent.
    pub fn share(&self) -> f64 {
        100.0 * (self.total - self.wrong) as f64 / self.total.max(1) as f64
    }
}

/// Agreement counts and the first disagreements of each column.
#[derive(Default)]
pub struct Tally {
    /// Columns by name.
    pub columns: BTreeMap<&'static str, Column>,
}

impl Tally {
    /// Counts one comparison of `column`; `row` says which input it was.
    pub fn check(&mut self, column: &'static str, got: &str, want: &str, row: &str) {
        let entry = self.columns.entry(column).or_default();
        entry.total += 1;
        if got != want {
            entry.wrong += 1;
            if entry.examples.len() < EXAMPLES {
                entry
                    .examples
                    .push(format!("{row}: got `{got}`, want `{want}`"));
            }
        }
    }

    /// Prints the figures of every column and its first disagreements.
    pub fn print(&self, title: &str) {
        println!("{title}");
        for (column, c) in &self.columns {
            println!(
                "  {column:<32} {:>6} / {:<6} agree ({:.2} %)",
                c.total - c.wrong,
                c.total,
                c.share()
            );
            for e in &c.examples {
                println!("    {e}");
            }
        }
    }

    /// The columns with any disagreement, as `column: wrong of total`.
    pub fn failing(&self) -> Vec<String> {
        self.columns
            .iter()
            .filter(|(_, c)| c.wrong > 0)
            .map(|(column, c)| format!("{column}: {} of {}", c.wrong, c.total))
            .collect()
    }

    /// `column`'s agreement in per cent (100 when nothing was compared).
    pub fn share(&self, column: &str) -> f64 {
        self.columns.get(column).map_or(100.0, Column::share)
    }
}
