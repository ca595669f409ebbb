/** A partner code built here, bit by bit, as format 1 lays it out (see core/src/share.rs). */
export function craftCode(format: number, contentVersion: number, scores: number[], importance: number[]): string {
  const bits: number[] = [];
  const put = (value: number, n: number) => { for (let i = n - 1; i >= 0; i--) bits.push((value >> i) & 1); };
  put(format, 8);
  put(contentVersion, 16);
  scores.forEach((s) => put(s, 7));
  importance.forEach((r) => put(r, 3));
  put(0, 1); // no answers
  put(0, 8); // no name
  while (bits.length % 8) bits.push(0);
  const bytes: number[] = [];
  for (let i = 0; i < bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8).join(""), 2));
  let crc = 0xb704ce;
  for (const b of bytes) {
    crc ^= b << 16;
    for (let i = 0; i < 8; i++) { crc <<= 1; if (crc & 0x1000000) crc ^= 0x864cfb; }
  }
  crc &= 0xffffff;
  bytes.push((crc >> 16) & 255, (crc >> 8) & 255, crc & 255);
  return Buffer.from(bytes).toString("base64url");
}

