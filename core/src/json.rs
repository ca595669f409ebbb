//! A small JSON reader and writer: just what the stored record (`record.rs`) needs, in place of
//! serde and serde_json, which cost the wasm far more than this. It reads any JSON text
//! (RFC 8259) into a [`Value`] tree and writes a tree back, compact or indented by two spaces,
//! in the same bytes serde_json writes. Whole numbers are kept exactly; any other number is kept
//! only as its text, since Closer stores none. Pure; never panics on any input.

/// How deeply arrays and objects may nest (as serde_json allows): deeper text is refused
/// rather than risk the stack.
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A whole number from 0 to `u64::MAX`, written without fraction or exponent.
    UInt(u64),
    /// A whole number from `i64::MIN` to -1, written without fraction or exponent.
    NegInt(i64),
    /// Any other number (with a fraction or an exponent, `-0`, or a whole number out of range),
    /// as it was written. Must be valid JSON number text when written out.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in the order written. A repeated name is kept twice; the reader decides.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The value as a whole number from 0 to `u64::MAX`, if it is one.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Value::UInt(n) => Some(n),
            _ => None,
        }
    }

    /// The value as a whole number in the range of `i64`, if it is one.
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Value::UInt(n) => i64::try_from(n).ok(),
            Value::NegInt(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Why text could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not JSON.
    Syntax,
    /// Arrays and objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Well-formed JSON, but a `\uXXXX` escape names half of a surrogate pair without the other
    /// half, which no Rust string can hold. Reported only if the text is otherwise JSON
    /// (and never by [`parse_lossy`]).
    LoneSurrogate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    /// Byte offset in the text where the problem was found.
    pub offset: usize,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.kind {
            ErrorKind::Syntax => "not JSON",
            ErrorKind::TooDeep => "nested too deeply",
            ErrorKind::LoneSurrogate => "a lone surrogate in a \\u escape",
        };
        write!(f, "{what} at byte {}", self.offset)
    }
}

/// Reads one JSON value, with optional whitespace around it and nothing else.
pub fn parse(text: &str) -> Result<Value, Error> {
    match parse_lossy(text)? {
        (value, None) => Ok(value),
        (_, Some(offset)) => Err(Error { kind: ErrorKind::LoneSurrogate, offset }),
    }
}

/// Like [`parse`], but reads a lone surrogate as U+FFFD instead of refusing the text, and
/// gives the offset of the first one found, if any.
pub fn parse_lossy(text: &str) -> Result<(Value, Option<usize>), Error> {
    let mut p = Parser { text, pos: 0, lone_surrogate: None };
    p.whitespace();
    let value = p.value(0)?;
    p.whitespace();
    if p.pos != text.len() {
        return p.fail(ErrorKind::Syntax);
    }
    Ok((value, p.lone_surrogate))
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    /// Where the first lone surrogate was seen. It is read as U+FFFD, so the rest of the text is
    /// still checked (a syntax error anywhere wins).
    lone_surrogate: Option<usize>,
}

type Parsed<T> = Result<T, Error>;

impl Parser<'_> {
    fn fail<T>(&self, kind: ErrorKind) -> Parsed<T> {
        Err(Error { kind, offset: self.pos })
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Parsed<Value> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.fail(ErrorKind::Syntax),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Parsed<Value> {
        if self.text.as_bytes().get(self.pos..).is_some_and(|rest| rest.starts_with(word.as_bytes())) {
            self.pos += word.len();
            Ok(value)
        } else {
            self.fail(ErrorKind::Syntax)
        }
    }

    fn array(&mut self, depth: usize) -> Parsed<Value> {
        if depth > MAX_DEPTH {
            return self.fail(ErrorKind::TooDeep);
        }
        self.pos += 1;
        self.whitespace();
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.whitespace();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return self.fail(ErrorKind::Syntax);
            }
            self.whitespace();
        }
    }

    fn object(&mut self, depth: usize) -> Parsed<Value> {
        if depth > MAX_DEPTH {
            return self.fail(ErrorKind::TooDeep);
        }
        self.pos += 1;
        self.whitespace();
        let mut members = Vec::new();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            if self.peek() != Some(b'"') {
                return self.fail(ErrorKind::Syntax);
            }
            let key = self.string()?;
            self.whitespace();
            if !self.eat(b':') {
                return self.fail(ErrorKind::Syntax);
            }
            self.whitespace();
            members.push((key, self.value(depth)?));
            self.whitespace();
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            if !self.eat(b',') {
                return self.fail(ErrorKind::Syntax);
            }
            self.whitespace();
        }
    }

    /// One or more digits.
    fn digits(&mut self) -> Parsed<()> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return self.fail(ErrorKind::Syntax);
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        Ok(())
    }

    fn number(&mut self) -> Parsed<Value> {
        let start = self.pos;
        let negative = self.eat(b'-');
        // The magnitude of the whole part, or None once it no longer fits in a u64.
        let mut magnitude = Some(0u64);
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                while let Some(d @ b'0'..=b'9') = self.peek() {
                    magnitude = magnitude.and_then(|m| m.checked_mul(10)?.checked_add(u64::from(d - b'0')));
                    self.pos += 1;
                }
            }
            _ => return self.fail(ErrorKind::Syntax),
        }
        let mut whole = true;
        if self.eat(b'.') {
            whole = false;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            whole = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits()?;
        }
        Ok(match (whole, negative, magnitude) {
            (true, false, Some(m)) => Value::UInt(m),
            (true, true, Some(m)) if m > 0 => match 0i64.checked_sub_unsigned(m) {
                Some(n) => Value::NegInt(n),
                None => Value::Number(self.text.get(start..self.pos).unwrap_or_default().to_string()),
            },
            _ => Value::Number(self.text.get(start..self.pos).unwrap_or_default().to_string()),
        })
    }

    /// The text from `from` to the current position (both always at ASCII bytes).
    fn since(&self, from: usize) -> Parsed<&str> {
        match self.text.get(from..self.pos) {
            Some(s) => Ok(s),
            None => self.fail(ErrorKind::Syntax),
        }
    }

    fn string(&mut self) -> Parsed<String> {
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None | Some(0..=0x1f) => return self.fail(ErrorKind::Syntax),
                Some(b'"') => {
                    out.push_str(self.since(run)?);
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.since(run)?);
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'u') => {
                            self.pos += 1;
                            self.unicode_escape()?
                        }
                        Some(letter) => {
                            let c = match letter {
                                b'"' => '"',
                                b'\\' => '\\',
                                b'/' => '/',
                                b'b' => '\u{8}',
                                b'f' => '\u{c}',
                                b'n' => '\n',
                                b'r' => '\r',
                                b't' => '\t',
                                _ => return self.fail(ErrorKind::Syntax),
                            };
                            self.pos += 1;
                            c
                        }
                        None => return self.fail(ErrorKind::Syntax),
                    };
                    out.push(escaped);
                    run = self.pos;
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// Four hex digits, as a number.
    fn hex4(&mut self) -> Parsed<u16> {
        let mut n = 0u16;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return self.fail(ErrorKind::Syntax),
            };
            n = n << 4 | u16::from(digit);
            self.pos += 1;
        }
        Ok(n)
    }

    /// After `\u`: the character, joining a surrogate pair written as two escapes.
    fn unicode_escape(&mut self) -> Parsed<char> {
        let at = self.pos.saturating_sub(2);
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                // Only a `\u` escape of a low surrogate completes it; anything else is left for
                // the string to read next.
                let bytes = self.text.as_bytes();
                let mut ahead = Parser { text: self.text, pos: self.pos + 2, lone_surrogate: None };
                let low = match (bytes.get(self.pos), bytes.get(self.pos + 1)) {
                    (Some(b'\\'), Some(b'u')) => ahead.hex4().ok().filter(|low| (0xDC00..=0xDFFF).contains(low)),
                    _ => None,
                };
                match low {
                    Some(low) => {
                        self.pos = ahead.pos;
                        0x10000 + ((u32::from(first) - 0xD800) << 10 | (u32::from(low) - 0xDC00))
                    }
                    None => 0xD800,
                }
            }
            _ => u32::from(first),
        };
        Ok(char::from_u32(code).unwrap_or_else(|| {
            self.lone_surrogate.get_or_insert(at);
            char::REPLACEMENT_CHARACTER
        }))
    }
}

/// The value as compact JSON, as serde_json writes it.
pub fn to_string(value: &Value) -> String {
    let mut out = String::new();
    write(&mut out, value, None);
    out
}

/// The value as JSON indented by two spaces, as serde_json's pretty printer writes it.
pub fn to_string_pretty(value: &Value) -> String {
    let mut out = String::new();
    write(&mut out, value, Some(0));
    out
}

fn new_line(out: &mut String, indent: Option<usize>) {
    if let Some(depth) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
}

fn write(out: &mut String, value: &Value, indent: Option<usize>) {
    let inner = indent.map(|d| d + 1);
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::UInt(n) => out.push_str(&crate::text::decimal(*n)),
        Value::NegInt(n) => out.push_str(&crate::text::signed_decimal(*n)),
        Value::Number(text) => out.push_str(text),
        Value::String(s) => write_string(out, s),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                new_line(out, inner);
                write(out, item, inner);
            }
            new_line(out, indent);
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                new_line(out, inner);
                write_string(out, key);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write(out, item, inner);
            }
            new_line(out, indent);
            out.push('}');
        }
    }
}

/// A string in quotes, escaped as serde_json escapes it: `"`, `\` and control characters only.
fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}' => {
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 0xf]));
            }
            _ => out.push(c),
        }
    }
    out.push('"');
}
