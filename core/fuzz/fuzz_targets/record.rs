//! Reading stored or imported text as a record never panics, and whatever it accepts reads back
//! the same from the JSON it writes (compact and indented), so a record survives being saved and
//! exported. The text comes from storage and from files people pick: anything at all.

#![no_main]

use closer_core::record::Record;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(record) = Record::from_json(text) {
        assert_eq!(Record::from_json(&record.to_json()), Ok(record.clone()), "a record does not read back as written");
        assert_eq!(Record::from_json(&record.to_json_pretty()), Ok(record), "an export does not read back as written");
    }
});
