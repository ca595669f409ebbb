//! [`IdMap`]: statement or dimension ids to small numbers (answers and importance ratings).
//!
//! The standard library's `BTreeMap` inside, read with caps checked as it is read (at most
//! [`MAX_ENTRIES`] ids of at most [`MAX_ID_LEN`] bytes each): whatever order the ids come in,
//! reading a map costs O(n log n), and a map past its caps is refused at the first entry over
//! them. (A sorted vector was used before to save the B-tree's few kilobytes of wasm; ids in
//! reverse order made reading it quadratic: a 1.9 MB record took seconds.)

use std::collections::{btree_map, BTreeMap};

use crate::bounded::{over_a_cap, Capped};
use crate::text::decimal;

/// The most ids a map read from a record may hold (more than any check-in has statements).
pub const MAX_ENTRIES: usize = 500;
/// The longest id read from a record, in bytes.
pub const MAX_ID_LEN: usize = 64;

/// A map from an id to a number, kept in id order (so records are written the same way each
/// time). The API is the part of `BTreeMap`'s that Closer uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdMap {
    entries: BTreeMap<String, u8>,
}

impl IdMap {
    pub const fn new() -> Self {
        IdMap { entries: BTreeMap::new() }
    }

    pub fn get(&self, id: &str) -> Option<&u8> {
        self.entries.get(id)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.entries.contains_key(id)
    }

    /// Sets `id` to `value`, returning the value it had.
    pub fn insert(&mut self, id: String, value: u8) -> Option<u8> {
        self.entries.insert(id, value)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Keeps the entries for which `keep` says yes.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &mut u8) -> bool) {
        self.entries.retain(|k, v| keep(k, v));
    }

    /// The entries in id order.
    pub fn iter(&self) -> btree_map::Iter<'_, String, u8> {
        self.entries.iter()
    }
}

impl Extend<(String, u8)> for IdMap {
    fn extend<I: IntoIterator<Item = (String, u8)>>(&mut self, entries: I) {
        self.entries.extend(entries);
    }
}

impl FromIterator<(String, u8)> for IdMap {
    fn from_iter<I: IntoIterator<Item = (String, u8)>>(entries: I) -> Self {
        IdMap { entries: entries.into_iter().collect() }
    }
}

impl IntoIterator for IdMap {
    type Item = (String, u8);
    type IntoIter = btree_map::IntoIter<String, u8>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a> IntoIterator for &'a IdMap {
    type Item = (&'a String, &'a u8);
    type IntoIter = btree_map::Iter<'a, String, u8>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

/// Written as a JSON object of id to number, in id order.
impl serde::Serialize for IdMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Read from an object of id to a number from 0 to 255; where an id is written twice, the last
/// one counts (ranges are the record's to check). An id longer than [`MAX_ID_LEN`] is refused
/// as it is read, and so is the entry that would make the map hold more than [`MAX_ENTRIES`]
/// ids: nothing after it is read.
impl<'de> serde::Deserialize<'de> for IdMap {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = IdMap;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of ids to numbers")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut entries: A) -> Result<IdMap, A::Error> {
                let mut map = BTreeMap::new();
                while let Some(Capped::<MAX_ID_LEN>(id)) = entries.next_key()? {
                    if map.len() == MAX_ENTRIES && !map.contains_key(&id) {
                        return Err(over_a_cap(&["an object of ", &decimal(MAX_ENTRIES as u64 + 1), " ids or more (at most ", &decimal(MAX_ENTRIES as u64), ")"]));
                    }
                    map.insert(id, entries.next_value()?);
                }
                Ok(IdMap { entries: map })
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

#[cfg(test)]
mod tests {
    use super::IdMap;
    use std::collections::BTreeMap;

    #[test]
    fn behaves_like_a_btree_map() {
        let mut map = IdMap::new();
        let mut model = BTreeMap::new();
        let ids = ["su2", "au1", "qt5", "au1", "bo3", "su2", "em4", "zz", "a"];
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(map.insert(id.to_string(), n as u8), model.insert(id.to_string(), n as u8));
            assert_eq!(map.len(), model.len());
            assert!(map.iter().eq(model.iter()), "same entries in the same order");
        }
        for id in ids.iter().chain(&["missing", ""]) {
            assert_eq!(map.get(id), model.get(*id));
            assert_eq!(map.contains_key(id), model.contains_key(*id));
        }
        map.retain(|id, _| id.len() == 3);
        model.retain(|id, _| id.len() == 3);
        assert!(map.iter().eq(model.iter()));
        map.clear();
        assert!(map.is_empty());
    }

    #[test]
    fn the_last_of_repeated_ids_counts() {
        let map: IdMap = [("x".to_string(), 1), ("x".to_string(), 4)].into_iter().collect();
        assert_eq!(map.get("x"), Some(&4));
        assert_eq!(map.len(), 1);
    }
}
