//! Writing numbers and short pieces of text without `core::fmt`.
//!
//! `format!` and `to_string` on numbers bring the whole formatting machinery into the wasm;
//! the app needs nothing of it but decimal numbers and joined strings. These helpers are used
//! instead wherever code runs in the browser, which keeps about 2 KB gzip out of the wasm.

/// `n` written in decimal, as `n.to_string()` would.
pub fn decimal(n: u64) -> String {
    // The digits from the last, then turned around.
    let mut digits = Vec::with_capacity(20);
    let mut rest = n;
    loop {
        // `rest % 10` is a single digit: it fits a u8.
        digits.push(b'0' + (rest % 10) as u8);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&d| char::from(d)).collect()
}

/// `n` as eight lowercase hexadecimal digits, as `format!("{n:08x}")` would write it: the
/// checksums in the names of the files beside the app.
pub fn hex8(n: u32) -> String {
    (0..8).rev().filter_map(|i| char::from_digit((n >> (i * 4)) & 15, 16)).collect()
}

/// Whole numbers written in decimal without `core::fmt`: `score.decimal()`.
pub trait Decimal {
    fn decimal(self) -> String;
}

macro_rules! decimal_for {
    ($($t:ty),*) => {$(
        impl Decimal for $t {
            fn decimal(self) -> String {
                // Every unsigned type here fits in a u64 (usize is 32 or 64 bits).
                decimal(self as u64)
            }
        }
    )*};
}
decimal_for!(u8, u16, u32, u64, usize);

/// `n` written in decimal, with a minus sign when it is negative.
pub fn signed_decimal(n: i64) -> String {
    let digits = decimal(n.unsigned_abs());
    if n < 0 { ["-", &digits].concat() } else { digits }
}

/// The first `max` characters of `text` (never cutting one in two).
pub fn first_chars(text: &str, max: usize) -> &str {
    text.char_indices().nth(max).map_or(text, |(end, _)| &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_to_string_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
        for n in [0, -1, 7, -10, i64::MIN, i64::MAX] {
            assert_eq!(signed_decimal(n), n.to_string());
        }
    }

    #[test]
    fn the_first_characters_never_cut_one_in_two() {
        assert_eq!(first_chars("abcdef", 3), "abc");
        assert_eq!(first_chars("ab", 3), "ab");
        assert_eq!(first_chars("héllo wörld", 7), "héllo w");
        assert_eq!(first_chars("", 2), "");
    }
}
