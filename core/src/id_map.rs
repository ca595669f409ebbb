//! [`IdMap`]: statement or dimension ids to small numbers (answers and importance ratings).
//!
//! A sorted vector rather than a `BTreeMap`: these maps hold at most a few dozen entries, are
//! read far more than written, and the B-tree's code is several kilobytes of wasm.

/// A map from an id to a number, kept in id order (so records are written the same way each
/// time). The API is the part of `BTreeMap`'s that Closer uses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdMap {
    entries: Vec<(String, u8)>,
}

impl IdMap {
    pub const fn new() -> Self {
        IdMap { entries: Vec::new() }
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&u8> {
        self.find(id).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets `id` to `value`, returning the value it had.
    pub fn insert(&mut self, id: String, value: u8) -> Option<u8> {
        match self.find(&id) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (id, value));
                None
            }
        }
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
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    /// The entries in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &u8)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl Extend<(String, u8)> for IdMap {
    fn extend<I: IntoIterator<Item = (String, u8)>>(&mut self, entries: I) {
        for (id, value) in entries {
            self.insert(id, value);
        }
    }
}

impl FromIterator<(String, u8)> for IdMap {
    fn from_iter<I: IntoIterator<Item = (String, u8)>>(entries: I) -> Self {
        let mut map = IdMap::new();
        map.extend(entries);
        map
    }
}

impl IntoIterator for IdMap {
    type Item = (String, u8);
    type IntoIter = std::vec::IntoIter<(String, u8)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a> IntoIterator for &'a IdMap {
    type Item = (&'a String, &'a u8);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (String, u8)>, fn(&'a (String, u8)) -> (&'a String, &'a u8)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

/// Written as a JSON object of id to number, in id order.
impl serde::Serialize for IdMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Read from an object of id to a number from 0 to 255; where an id is written twice, the last
/// one counts (ranges are the record's to check).
impl<'de> serde::Deserialize<'de> for IdMap {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = IdMap;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of ids to numbers")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut entries: A) -> Result<IdMap, A::Error> {
                let mut map = IdMap::new();
                while let Some((id, value)) = entries.next_entry::<String, u8>()? {
                    map.insert(id, value);
                }
                Ok(map)
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
