import type { Message } from './messages.js';

/** The encodings a chart file is read in; Windows tools save the last three. */
export type ChartEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

/** A file's bytes as text, or why they are not text the loader reads (with the line, 0 for the file). */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: ChartEncoding }
  | ({ readonly ok: false; readonly line: number } & Message);

const SAVE_AS_UTF8 = { zh: '请将文件另存为 UTF-8', en: 'save the file as UTF-8' };

/**
 * Decodes a chart file: UTF-8 (with or without a BOM), UTF-16 with a BOM (Notepad's "Unicode"),
 * and GB18030, which includes GBK (Notepad's and WPS's "ANSI" on Chinese Windows), taken only
 * when the bytes are not UTF-8 and decode as GB18030 without a single invalid sequence.
 * Decoding uses the platform's WHATWG TextDecoder (ICU), never a hand-written table.
 */
export function decodeChartBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strict('utf-8', 'UTF-8', bytes);
  if (startsWith(bytes, [0xff, 0xfe])) return strict('utf-16le', 'UTF-16LE', bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return strict('utf-16be', 'UTF-16BE', bytes);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      line: lineOf(bytes, nul),
      zh: `文件含有空字节（NUL），可能是没有 BOM 的 UTF-16 文件或不是文本文件；${SAVE_AS_UTF8.zh}`,
      en: `the file holds NUL bytes: UTF-16 without a BOM, or not a text file; ${SAVE_AS_UTF8.en}`,
    };
  }
  const utf8 = decode('utf-8', bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'UTF-8' };
  // A UTF-8 file with a damaged spot must not be read as GB18030 (almost any byte pair is a GB18030
  // character, so it would decode to nonsense): GB18030 is tried only when most non-ASCII
  // characters fail as UTF-8, as they do in a GBK file.
  const line = lineOf(bytes, firstInvalidUtf8(bytes));
  if (mostlyUtf8(bytes)) {
    return {
      ok: false,
      line,
      zh: `这一行不是有效的 UTF-8 编码（文件的其余部分是 UTF-8），可能是从别处粘贴的或已损坏；${SAVE_AS_UTF8.zh}`,
      en: `this line is not valid UTF-8 though the rest of the file is (pasted from elsewhere, or damaged?); ${SAVE_AS_UTF8.en}`,
    };
  }
  const gb = decodeGb18030(bytes);
  if (gb === 'unsupported') {
    return {
      ok: false,
      line,
      zh: `这一行不是 UTF-8 编码（可能是 GBK），此版本的 Node.js 不能读取 GBK；${SAVE_AS_UTF8.zh}`,
      en: `this line is not UTF-8 (GBK, perhaps?) and this Node.js build cannot read GBK; ${SAVE_AS_UTF8.en}`,
    };
  }
  if (gb !== undefined) return { ok: true, text: gb, encoding: 'GB18030' };
  return {
    ok: false,
    line,
    zh: `这一行既不是 UTF-8 也不是 GBK/GB18030 编码；${SAVE_AS_UTF8.zh}`,
    en: `this line is neither UTF-8 nor GBK/GB18030; ${SAVE_AS_UTF8.en}`,
  };
}

/** The note a file read in another encoding than UTF-8 gets, or undefined for UTF-8. */
export function encodingNote(encoding: ChartEncoding): Message | undefined {
  switch (encoding) {
    case 'UTF-8':
      return undefined;
    case 'GB18030':
      return {
        zh: '文件按 GBK/GB18030 编码读取（不是 UTF-8）；建议另存为 UTF-8',
        en: 'read as GBK/GB18030 (not UTF-8); saving it as UTF-8 is recommended',
      };
    default:
      return {
        zh: `文件按 ${encoding} 编码读取（不是 UTF-8）；建议另存为 UTF-8`,
        en: `read as ${encoding} (not UTF-8); saving it as UTF-8 is recommended`,
      };
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Strict decoding of a file that declared its encoding with a BOM (the decoder drops the BOM). */
function strict(label: string, encoding: ChartEncoding, bytes: Uint8Array): Decoded {
  const text = decode(label, bytes);
  if (text !== undefined) return { ok: true, text, encoding };
  const line = encoding === 'UTF-8' ? lineOf(bytes, firstInvalidUtf8(bytes)) : 0;
  return {
    ok: false,
    line,
    zh: `文件以 ${encoding} 的 BOM 开头，但内容不是有效的 ${encoding}；${SAVE_AS_UTF8.zh}`,
    en: `the file starts with a ${encoding} BOM but is not valid ${encoding}; ${SAVE_AS_UTF8.en}`,
  };
}

function decode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeGb18030(bytes: Uint8Array): string | undefined | 'unsupported' {
  try {
    new TextDecoder('gb18030');
  } catch {
    // Node.js built with small-icu has no GB18030 decoder.
    return 'unsupported';
  }
  return decode('gb18030', bytes);
}

/** True when more non-ASCII characters decode as UTF-8 than fail to. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (const ch of new TextDecoder('utf-8').decode(bytes)) {
    if (ch === '\ufffd') bad++;
    else if (ch > '\u007f') good++;
  }
  return good > bad;
}

/** 1-based line of byte `offset` (lines end with LF; CRLF files count the same). */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not decode as UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // Streaming decode tolerates a character cut at the end of a prefix, so "this prefix decodes"
  // only turns false past the first bad byte: binary search finds it.
  const decodes = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (decodes(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
