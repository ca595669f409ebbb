// Shortens the names at the boundary between the wasm and its JavaScript glue.
//
// wasm-bindgen names each import after the function it wraps plus a 16-hex-digit hash
// (`__wbg_addEventListener_847fd86b8c33ec43`), in the module "./closer_bg.js", and some exports
// after the Rust path of a closure shim. Those names are written twice, in the wasm's import
// and export sections and in the glue, and hashes do not compress: 143 imports cost about 6.8 KB
// of the wasm and as much of the glue. This renames them to short names (`a`, `b`, … `aa`, …) in
// both files consistently, as a minifier renames variables. It also drops the wasm's custom
// sections (tool metadata). Nothing else in either file changes.
//
// Every name is checked before it is renamed: an import name must be a key exactly once in the
// glue, an export name must appear in the glue only as a property (`.name`) and be long enough
// to be worth it. If the glue does not look as expected, it stops with a message, so a newer
// wasm-bindgen cannot produce a broken build silently.
//
//   import { shortenNames } from "./shorten-names.mjs";
//   const { wasm, glue } = shortenNames(wasmBytes, glueText);

function readU32(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, at];
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();
const name = (s) => [...u32(utf8.encode(s).length), ...utf8.encode(s)];

function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [text.decode(bytes.subarray(start, start + length)), start + length];
}

/** Skips an import's description (function, table, memory, global or tag). */
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (at) => {
    const flags = bytes[at++];
    [, at] = readU32(bytes, at);
    if (flags & 1) [, at] = readU32(bytes, at);
    return at;
  };
  switch (kind) {
    case 0: return readU32(bytes, at)[1];
    case 1: return limits(at + 1);
    case 2: return limits(at);
    case 3: return at + 2;
    case 4: return readU32(bytes, at + 1)[1];
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

/** Short names: a … z, A … Z, then two letters, and so on. */
function* shortNames() {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (let length = 1; ; length++) {
    const count = letters.length ** length;
    for (let n = 0; n < count; n++) {
      let s = "", k = n;
      for (let i = 0; i < length; i++) {
        s = letters[k % letters.length] + s;
        k = Math.floor(k / letters.length);
      }
      yield s;
    }
  }
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const count = (haystack, pattern) => (haystack.match(pattern) ?? []).length;

export function shortenNames(wasm, glue) {
  const bytes = new Uint8Array(wasm);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) throw new Error("not a wasm module");
  const sections = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(bytes, at + 1);
    sections.push({ id, start, end: start + size });
    at = start + size;
  }
  const fresh = shortNames();
  const out = [bytes.subarray(0, 8)];
  let module = null;
  const renamed = [];
  for (const section of sections) {
    // Custom sections (producers, target_features) are tool metadata no browser reads.
    if (section.id === 0) continue;
    let body = bytes.subarray(section.start, section.end);
    if (section.id === 2) {
      const [n, first] = readU32(body, 0);
      const parts = [u32(n)];
      let p = first;
      for (let i = 0; i < n; i++) {
        let mod, field;
        [mod, p] = readName(body, p);
        [field, p] = readName(body, p);
        const descStart = p;
        p = skipImportDesc(body, p);
        if (module === null) module = mod;
        if (mod !== module) throw new Error(`imports from two modules: ${module}, ${mod}`);
        const keyed = new RegExp(`(?<=[{,])${escape(field)}(?=:)`, "g");
        if (count(glue, keyed) !== 1 || count(glue, new RegExp(escape(field), "g")) !== 1) {
          throw new Error(`import ${field} is not exactly one key of the glue's imports`);
        }
        const short = fresh.next().value;
        glue = glue.replace(keyed, short);
        renamed.push([field, short]);
        parts.push(name("a"), name(short), body.subarray(descStart, p));
      }
      body = Uint8Array.from(parts.flatMap((part) => [...part]));
    } else if (section.id === 7) {
      const [n, first] = readU32(body, 0);
      const parts = [u32(n)];
      let p = first;
      for (let i = 0; i < n; i++) {
        let field;
        [field, p] = readName(body, p);
        const descStart = p;
        p = readU32(body, p + 1)[1];
        let short = field;
        const asProperty = new RegExp(`\\.${escape(field)}(?![\\w$])`, "g");
        const anywhere = new RegExp(`(?<![\\w$])${escape(field)}(?![\\w$])`, "g");
        const uses = count(glue, asProperty);
        if (field.length > 8 && uses > 0 && uses === count(glue, anywhere)) {
          short = `_${fresh.next().value}`;
          glue = glue.replace(asProperty, `.${short}`);
          renamed.push([field, short]);
        }
        parts.push(name(short), body.subarray(descStart, p));
      }
      body = Uint8Array.from(parts.flatMap((part) => [...part]));
    }
    out.push(Uint8Array.of(section.id, ...u32(body.length)), body);
  }
  if (module !== null) {
    const key = new RegExp(`(?<=[{,])${escape(JSON.stringify(module))}(?=:)`, "g");
    if (count(glue, key) !== 1) throw new Error(`the glue does not give the imports as ${JSON.stringify(module)}`);
    glue = glue.replace(key, "a");
  }
  const result = new Uint8Array(out.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of out) {
    result.set(part, offset);
    offset += part.length;
  }
  return { wasm: result, glue, renamed };
}
