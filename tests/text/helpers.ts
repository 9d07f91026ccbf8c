import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Font } from 'fontkit';
import { createFontSet, FontRegistry, type FontSet } from '../../src/fonts/index.js';
import { createTextCache, type TextStyle } from '../../src/text/index.js';

/** One registry and the bundled Noto Sans SC set, shared by a test file. */
export function bundled(): { registry: FontRegistry; fonts: FontSet } {
  const registry = new FontRegistry();
  return { registry, fonts: createFontSet(registry) };
}

export const body9: TextStyle = { font: 'body', size: 9, lineHeight: 1.5 };

export { createTextCache };

/** Real lines from the source posters (fixtures/source / shared/source). */
export const POSTER_STRINGS = [
  '对符合条件的不予受理，而对不符合条件的给予受理。',
  '严格按照行政给付事项的有关规定办理。具体措施如下：',
  '职权编码：1600-B-00100-140400----1600-B-05600-140400',
  '政务公开，公开工伤认定申请所需资料、办理程序等；',
  '无正当理由超期办理；',
  '履行廉政承诺，严格监督检查制度，发现并及时纠正核准过程中存在的问题。',
  '实行首问负责制,实行廉政、勤政承诺；',
  '可能存在对材料、证件审核不严，登记、统计不全，造成重复领取问题。',
  '严格履行服务承诺制度，做到首问责任制和一次性告知制；',
  '职权名称：机关事业单位离退休人员基本养老金待遇给付',
  '徇私舞弊，对应进行证据登记保存的不采取相应措施；',
  '不按自由裁量权基准，随意予以行政处罚；',
  '每月必须下发工伤待遇，按照规定按时足额发放。',
];

/** Every distinct ideograph of the source posters' text (459 characters). */
export const SOURCE_IDEOGRAPHS =
  '行政职权廉风险防控图许可类编码名称业资格证书核发确认专技术务评审结果公布工伤定处罚对违反人社法律规的' +
  '强制先据登记保存措施给付企退休员基本养老金待遇机关事单位离城乡居民支失裁决劳动经济赔偿补纠纷检查涉及' +
  '项其他委会设立调整批重大障为进性方案备考试应纪理申请提出严履服承诺度做到首问责任和一次告知明作程序时' +
  '限等开办流能鉴中心室点不视或接受没有所需供材料按标准收费越无故超期投诉举报执回避监督采取抽组织指导化' +
  '管现并正过在题追究擅自更改分级高放符合条件实预部门面意刁难当由降低予而照加内渠道帮助假利用之便徇私舞' +
  '弊渎科负领示教育奖惩落文窗口原因久拖全者让虚通场判断客观策研彻底致仔细遗漏要信息遵守多参学习力跟踪察' +
  '把杜绝例透主议集体访变论范未送达勤台帐情置玩忽够勉损害益销复健具夸缩小围延长短间段直影响隐清丢毁以代' +
  '层量听必须讨贿赂谋随使运错误从轻减依截留款物扣押财卷相终身账催式解除建各种额外痕坚持增少效目如下将后' +
  '续是否况诫免谈话载即统计造成手操银每月足转网侵吞挪切求址电箱拒充两上片介键推荐至索牟局向日常交质疑疏' +
  '瞒附容临哪些属于入';

/**
 * A TrueType file holding only the glyphs of `chars`, cut from `source` with fontkit's subsetter.
 * fontkit's subsets carry no `cmap` (pdfkit addresses glyphs by id), so this adds a format-4 cmap
 * mapping each character to its new glyph id and reassembles the sfnt. `advance` may override
 * a character's advance width (font units) in hmtx, to prove measurements come from the file.
 * No GPOS is kept, so the subset does not kern.
 */
export function subsetFont(source: Font, chars: string, advance: Record<string, number> = {}): Buffer {
  const subset = source.createSubset();
  const map = new Map<number, number>();
  for (const ch of chars) {
    const cp = ch.codePointAt(0) as number;
    if (cp > 0xffff) throw new RangeError('BMP characters only');
    // includeGlyph returns the new glyph id (the typings say boolean).
    map.set(cp, subset.includeGlyph(source.glyphForCodePoint(cp)) as unknown as number);
  }
  const tables = readTables(Buffer.from(subset.encode()));
  const hmtx = tables.get('hmtx');
  if (!hmtx) throw new Error('subset has no hmtx');
  for (const [ch, units] of Object.entries(advance)) {
    const gid = map.get(ch.codePointAt(0) as number);
    if (gid === undefined) throw new RangeError(`${ch} is not in the subset`);
    hmtx.writeUInt16BE(units, gid * 4); // the subsetter writes a full longHorMetric per glyph
  }
  tables.set('cmap', cmapFormat4(map));
  return writeSfnt(tables);
}

function readTables(font: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    const tag = font.toString('latin1', rec, rec + 4);
    const offset = font.readUInt32BE(rec + 8);
    const length = font.readUInt32BE(rec + 12);
    tables.set(tag, Buffer.from(font.subarray(offset, offset + length)));
  }
  return tables;
}

/** A cmap with one (3,1) format-4 subtable: one segment per code point plus the 0xFFFF end. */
function cmapFormat4(map: Map<number, number>): Buffer {
  const cps = [...map.keys()].sort((a, b) => a - b);
  const segs = [
    ...cps.map((cp) => [cp, ((map.get(cp) as number) - cp) & 0xffff] as const),
    [0xffff, 1] as const,
  ];
  const n = segs.length;
  const sub = Buffer.alloc(16 + n * 8);
  sub.writeUInt16BE(4, 0); // format
  sub.writeUInt16BE(sub.length, 2);
  sub.writeUInt16BE(0, 4); // language
  sub.writeUInt16BE(n * 2, 6);
  const search = 2 ** Math.floor(Math.log2(n));
  sub.writeUInt16BE(search * 2, 8);
  sub.writeUInt16BE(Math.log2(search), 10);
  sub.writeUInt16BE(n * 2 - search * 2, 12);
  segs.forEach(([cp, delta], i) => {
    sub.writeUInt16BE(cp, 14 + i * 2); // endCode
    sub.writeUInt16BE(cp, 16 + n * 2 + i * 2); // startCode (after reservedPad)
    sub.writeUInt16BE(delta, 16 + n * 4 + i * 2); // idDelta
    sub.writeUInt16BE(0, 16 + n * 6 + i * 2); // idRangeOffset
  });
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0, 0); // version
  head.writeUInt16BE(1, 2); // one subtable
  head.writeUInt16BE(3, 4); // Windows
  head.writeUInt16BE(1, 6); // Unicode BMP
  head.writeUInt32BE(12, 8);
  return Buffer.concat([head, sub]);
}

function writeSfnt(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const header = Buffer.alloc(12 + n * 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  const search = 2 ** Math.floor(Math.log2(n));
  header.writeUInt16BE(search * 16, 6);
  header.writeUInt16BE(Math.log2(search), 8);
  header.writeUInt16BE(n * 16 - search * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag) as Buffer;
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    let sum = 0;
    for (let k = 0; k < padded.length; k += 4) sum = (sum + padded.readUInt32BE(k)) >>> 0;
    const rec = 12 + i * 16;
    header.write(tag, rec, 'latin1');
    header.writeUInt32BE(sum, rec + 4);
    header.writeUInt32BE(offset, rec + 8);
    header.writeUInt32BE(data.length, rec + 12);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

/** Writes `bytes` to a fresh temporary directory and returns the file's path. */
export function writeTempFont(name: string, bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fangkongtu-text-')), name);
  writeFileSync(path, bytes);
  return path;
}

const graphemeSegmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** Grapheme clusters of `text`. */
export function graphemesOf(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}
