/** Media types recognised by their first bytes (never by the name or the Content-Type the client sends). */
const SIGNATURES: { type: string; bytes: number[] }[] = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/**
 * The media type of a file from its magic bytes, or null when it is none of JPEG, PNG, PDF.
 * @example sniffMediaType(Buffer.from('%PDF-1.7')) // 'application/pdf'
 */
export function sniffMediaType(data: Uint8Array): string | null {
  for (const s of SIGNATURES) {
    if (data.length >= s.bytes.length && s.bytes.every((b, i) => data[i] === b)) return s.type;
  }
  return null;
}
