//! Which articles the user has read, kept as JSON in the XDG data folder, written
//! atomically so a crash never leaves half a file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fsutil::write_atomic;

/// The ids of the articles the user has opened.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadMarks {
    pub read: BTreeSet<String>,
}

/// Where the read marks live in a data folder.
pub fn read_marks_path(data_dir: &Path) -> PathBuf {
    data_dir.join("read.json")
}

impl ReadMarks {
    /// The saved marks; a missing or unreadable file means nothing has been read yet.
    pub fn load(path: &Path) -> ReadMarks {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        write_atomic(path, &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_survive_a_save_and_a_bad_file_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let p = read_marks_path(dir.path());
        assert_eq!(ReadMarks::load(&p), ReadMarks::default());
        let mut m = ReadMarks::default();
        m.read.insert("abc".into());
        m.save(&p).unwrap();
        assert_eq!(ReadMarks::load(&p), m);
        std::fs::write(&p, "{not json").unwrap();
        assert_eq!(ReadMarks::load(&p), ReadMarks::default());
    }
}
