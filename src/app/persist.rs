//! Reading the stored record once at start, and writing it on change. The only place that
//! joins the storage edge (`web::storage`) to the record format (`closer_core::record`).
//!
//! Nothing is ever lost or overwritten that this version cannot read: unreadable text is moved
//! to a backup (three deep) before anything else is written, and a record saved by a newer
//! Closer is left untouched in place while this one works in memory.

// The one module that may call `web::storage`'s reads and writes (`clippy.toml`).
#![allow(clippy::disallowed_methods)]

use closer_core::record::{Record, RecordError, BACKUP_KEYS, STORAGE_KEY};

use super::state::{Keeping, Notice};
use crate::web::json;
use crate::web::storage::{self, StorageError};

/// Reads stored or imported text as a record: parsed by the browser's `JSON.parse`, then read
/// by the core (the version first, migrating older ones). Never panics.
pub fn read(text: &str) -> Result<Record, RecordError> {
    Record::check_size(text)?;
    let parsed = json::parse(text).ok_or(RecordError::NotJson)?;
    if !parsed.is_object() {
        return Err(RecordError::WrongShape);
    }
    Record::read(&parsed)
}

/// The record as an export file: JSON indented for a person to read (the same fields as
/// stored, so an import reads it like stored text).
pub fn export_text(record: &Record) -> String {
    json::indent(&record.to_json())
}

/// What was found in storage at start. Reading writes nothing: what must be written (a backup
/// of unreadable text) is in `unreadable`, for the first write to keep before anything else.
pub struct Loaded {
    pub record: Record,
    pub keeping: Keeping,
    pub notices: Vec<Notice>,
    /// Stored text that could not be read, to be kept as a backup before the record is written.
    pub unreadable: Option<String>,
    /// How many backups of unreadable text there are (counting `unreadable`).
    pub backups: usize,
}

fn keeping_after(error: &StorageError) -> Keeping {
    match error {
        StorageError::Full => Keeping::Full,
        _ => Keeping::Unavailable,
    }
}

/// Reads the record. Unreadable text is handed back to be kept as a backup; a newer version's
/// record is left in place (the app then works in memory); blocked storage means working in
/// memory too.
pub fn load() -> Loaded {
    let kept = BACKUP_KEYS.iter().filter(|key| matches!(storage::read(key), Ok(Some(_)))).count();
    let loaded = |record, keeping, notices, unreadable: Option<String>| {
        let backups = (kept + usize::from(unreadable.is_some())).min(BACKUP_KEYS.len());
        Loaded { record, keeping, notices, unreadable, backups }
    };
    match storage::read(STORAGE_KEY) {
        Ok(None) => loaded(Record::empty(), Keeping::Saved, vec![], None),
        Ok(Some(text)) => match read(&text) {
            Ok(record) => loaded(record, Keeping::Saved, vec![], None),
            Err(RecordError::FutureVersion(_)) => loaded(Record::empty(), Keeping::Newer, vec![], None),
            Err(error) => loaded(Record::empty(), Keeping::Saved, vec![Notice::BackupKept(error)], Some(text)),
        },
        Err(error) => loaded(Record::empty(), keeping_after(&error), vec![], None),
    }
}

/// Keeps `text` as the newest backup, moving the older ones one place down. On failure, says
/// how to keep going (never writing over the text then).
pub fn keep_backup(text: &str) -> Result<(), Keeping> {
    let rotate = || -> Result<(), StorageError> {
        for pair in BACKUP_KEYS.windows(2).rev() {
            if let [newer, older] = pair {
                if let Some(text) = storage::read(newer)? {
                    storage::write_text(older, &text)?;
                }
            }
        }
        storage::write_text(BACKUP_KEYS[0], text)
    };
    rotate().map_err(|e| keeping_after(&e))
}

/// Writes the record. On failure, says how to keep going.
pub fn save(record: &Record) -> Result<(), Keeping> {
    storage::save(STORAGE_KEY, record).map_err(|e| keeping_after(&e))
}

/// The backup of unreadable data at `index` (0 is the newest), if there is one.
pub fn backup(index: usize) -> Option<String> {
    BACKUP_KEYS.get(index).and_then(|key| storage::read(key).ok().flatten())
}

/// Removes everything Closer stored.
pub fn delete_everything() -> Result<(), StorageError> {
    storage::remove(STORAGE_KEY)?;
    BACKUP_KEYS.iter().try_for_each(|key| storage::remove(key))
}

/// What another tab wrote: `None` when it removed the record.
pub enum Elsewhere {
    Removed,
    Wrote(Box<Record>),
    /// A newer Closer wrote it: never merged here, and never overwritten.
    Newer,
    /// Text that cannot be read: ours is kept, and written again on the next change.
    Unreadable,
}

/// Reads a record another tab wrote.
pub fn from_other_tab(text: Option<String>) -> Elsewhere {
    match text.map(|t| read(&t)) {
        None => Elsewhere::Removed,
        Some(Ok(record)) => Elsewhere::Wrote(Box::new(record)),
        Some(Err(RecordError::FutureVersion(_))) => Elsewhere::Newer,
        Some(Err(_)) => Elsewhere::Unreadable,
    }
}
