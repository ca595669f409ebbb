//! Reading the stored record once at start, and writing it on change. The only place that
//! joins the storage edge (`web::storage`) to the record format (`closer_core::record`).

use closer_core::record::{Record, RecordError, BACKUP_KEY, STORAGE_KEY};

use super::state::{Keeping, Notice};
use crate::web::storage::{self, StorageError};

/// What was found in storage at start.
pub struct Loaded {
    pub record: Record,
    pub keeping: Keeping,
    pub notices: Vec<Notice>,
}

/// Reads the record. Unreadable text is moved to the backup key (never lost) and the app
/// starts fresh; blocked storage means working in memory.
pub fn load() -> Loaded {
    match storage::read(STORAGE_KEY) {
        Ok(None) => Loaded { record: Record::empty(), keeping: Keeping::Saved, notices: vec![] },
        Ok(Some(text)) => match Record::from_json(&text) {
            Ok(record) => Loaded { record, keeping: Keeping::Saved, notices: vec![] },
            Err(error) => {
                // Keep the text before anything overwrites it.
                let kept = storage::write(BACKUP_KEY, &text);
                let keeping = match kept {
                    Ok(()) => Keeping::Saved,
                    // The backup could not be written: never overwrite the original then.
                    Err(_) => Keeping::Unavailable,
                };
                Loaded { record: Record::empty(), keeping, notices: vec![Notice::BackupKept { reason: error.key() }] }
            }
        },
        Err(StorageError::Full) => Loaded { record: Record::empty(), keeping: Keeping::Full, notices: vec![] },
        Err(_) => Loaded { record: Record::empty(), keeping: Keeping::Unavailable, notices: vec![] },
    }
}

/// Writes the record's text. On failure, says how to keep going.
pub fn save(text: &str) -> Result<(), Keeping> {
    storage::write(STORAGE_KEY, text).map_err(|e| match e {
        StorageError::Full => Keeping::Full,
        _ => Keeping::Unavailable,
    })
}

/// The backup of unreadable data, if there is one.
pub fn backup() -> Option<String> {
    storage::read(BACKUP_KEY).ok().flatten()
}

/// Removes everything Closer stored.
pub fn delete_everything() -> Result<(), StorageError> {
    storage::remove(STORAGE_KEY)?;
    storage::remove(BACKUP_KEY)
}

/// Reads a record another tab wrote; `None` text means it was removed there.
pub fn from_other_tab(text: Option<String>) -> Option<Result<Record, RecordError>> {
    text.map(|t| Record::from_json(&t))
}
