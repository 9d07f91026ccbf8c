import { unzipSync } from 'fflate';
import { MAX_UNPACKED_BYTES } from './limits.js';
import { refuse } from './problems.js';

/**
 * The checks an Office file passes before a reader parses it, the same for a workbook (.xlsx)
 * and a Word document (.docx): refuse what is not one (an old binary file, a password-protected
 * file, the other kind of package, a zip bomb) saying what it is and what to do.
 */

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: Excel/Word 97–2003, WPS, and any password-protected Office file.
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** True when a Compound File holds an encrypted Office package (its "EncryptionInfo" stream). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

/** What each kind of package is called, where its main part is, and how to save one. */
const KINDS = {
  workbook: {
    main: 'xl/workbook.xml',
    zh: 'Excel 工作簿（.xlsx）',
    en: 'an Excel workbook (.xlsx)',
    ext: '.xlsx',
    noun: '工作簿',
    nounEn: 'workbook',
    app: 'Excel',
    passwordZh:
      '工作簿设有打开密码，请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空后保存）再导入',
    oldZh: '这是旧版 Excel 97-2003（.xls）或 WPS（.et）文件，请另存为 Excel 工作簿（.xlsx）再导入',
    oldEn: 'this is an old Excel 97-2003 (.xls) or WPS (.et) file; save it as an Excel workbook (.xlsx)',
  },
  document: {
    main: 'word/document.xml',
    zh: 'Word 文档（.docx）',
    en: 'a Word document (.docx)',
    ext: '.docx',
    noun: '文档',
    nounEn: 'document',
    app: 'Word',
    passwordZh:
      '文档设有打开密码，请在 Word 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空后保存）再导入',
    oldZh: '这是旧版 Word 97-2003（.doc）或 WPS（.wps）文件，请另存为 Word 文档（.docx）再导入',
    oldEn: 'this is an old Word 97-2003 (.doc) or WPS (.wps) file; save it as a Word document (.docx)',
  },
} as const;

export type PackageKind = keyof typeof KINDS;

/**
 * Refuses `bytes` unless they are an unprotected Office package of `kind` whose parts unpack to
 * at most {@link MAX_UNPACKED_BYTES} (read from the zip directory: nothing is inflated).
 */
export function checkPackage(file: string, bytes: Uint8Array, kind: PackageKind): void {
  const want = KINDS[kind];
  const other = KINDS[kind === 'workbook' ? 'document' : 'workbook'];
  if (startsWith(bytes, CFB)) {
    if (isEncryptedPackage(bytes)) {
      refuse(
        file,
        want.passwordZh,
        `the ${want.nounEn} is password-protected; remove the password in ${want.app} and save it again`,
      );
    }
    refuse(file, want.oldZh, want.oldEn);
  }
  if (!startsWith(bytes, ZIP)) refuse(file, `不是 ${want.zh}`, `not ${want.en}`);
  const parts = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        parts.set(entry.name, entry.originalSize);
        return false;
      },
    });
  } catch {
    refuse(file, `${want.noun}已损坏，无法打开`, `the ${want.nounEn} is damaged and cannot be opened`);
  }
  if (!parts.has(want.main)) {
    const isOther = parts.has(other.main);
    refuse(
      file,
      isOther ? `这是 ${other.zh}，不是 ${want.zh}；请把文件的扩展名改为 ${other.ext}` : `不是 ${want.zh}`,
      isOther ? `this is ${other.en}, not ${want.en}; name the file ${other.ext}` : `not ${want.en}`,
    );
  }
  const unpacked = [...parts.values()].reduce((a, b) => a + b, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    refuse(
      file,
      `${want.noun}解压后过大（${Math.round(unpacked / 1048576)} MB，上限 ${MAX_UNPACKED_BYTES / 1048576} MB）`,
      `the ${want.nounEn} unpacks to ${Math.round(unpacked / 1048576)} MB; the limit is ${MAX_UNPACKED_BYTES / 1048576} MB`,
    );
  }
}
