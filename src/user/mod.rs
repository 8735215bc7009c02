//! What the user makes and crosscheck must never lose: read marks, and verdicts, notes
//! and bookmarks on claims (`annotations`). Everything in this module lives in the XDG data folder and
//! is written with [`crate::fsutil::write_atomic`], so it is usable from the CLI and the
//! reader alike.

pub mod annotations;
mod read_marks;

pub use read_marks::{ReadMarks, read_marks_path};
