/**
 * Office files are the same bytes for the same charts: not stamped with the time they were
 * written (zip entry times, the core properties' dates), and not numbered by what the process
 * wrote before (docx numbers drawings from one counter per process).
 */
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createFontSet,
  FontRegistry,
  loadChart,
  type PowerChart,
  renderDocx,
  renderDocxBooklet,
  renderTable,
} from '../../src/index.js';
import { reproducibleOffice } from '../../src/zip/reproducible.js';

const fonts = createFontSet(new FontRegistry());
let a: PowerChart;
let b: PowerChart;

beforeAll(async () => {
  const [first, second] = await Promise.all(
    ['1600-A-00400-140400.yaml', '1600-B-00100-140400.yaml'].map((f) => loadChart(join('fixtures', f))),
  );
  a = first as PowerChart;
  b = second as PowerChart;
});

afterEach(() => {
  vi.useRealTimers();
});

/** Renders at a given moment of the clock (zip times and document dates read it). */
async function at<T>(iso: string, render: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
  try {
    return await render();
  } finally {
    vi.useRealTimers();
  }
}

const same = (x: Uint8Array, y: Uint8Array) => Buffer.compare(Buffer.from(x), Buffer.from(y)) === 0;

describe('Office files are reproducible', () => {
  it('a poster’s .docx: the same bytes on another day and after other documents', async () => {
    const first = await at('2026-01-02T03:04:05Z', () => renderDocx(a, { fonts }));
    await renderDocx(b, { fonts });
    await renderDocxBooklet([b, a], { fonts });
    const again = await at('2027-06-07T08:09:10Z', () => renderDocx(a, { fonts }));
    expect(same(first, again)).toBe(true);
    // Its one picture is drawing 1, whatever was drawn before.
    expect(strFromU8(unzipSync(again)['word/document.xml'] as Uint8Array)).toMatch(/<wp:docPr id="1" /u);
  }, 60_000);

  it('a booklet .docx: the same bytes on another day, each picture numbered once', async () => {
    const first = await at('2026-01-02T03:04:05Z', () => renderDocxBooklet([a, b], { fonts }));
    const again = await at('2027-06-07T08:09:10Z', () => renderDocxBooklet([a, b], { fonts }));
    expect(same(first, again)).toBe(true);
    const ids = [
      ...strFromU8(unzipSync(first)['word/document.xml'] as Uint8Array).matchAll(/<wp:docPr id="(\d+)"/gu),
    ];
    expect(ids.map((m) => m[1])).toEqual(['1', '2']);
  }, 60_000);

  it('the 一览表 as .xlsx and .docx: the same bytes on another day', async () => {
    for (const format of ['xlsx', 'docx'] as const) {
      const first = await at('2026-01-02T03:04:05Z', () => renderTable([a, b], format));
      const again = await at('2027-06-07T08:09:10Z', () => renderTable([a, b], format));
      expect(same(first, again), format).toBe(true);
    }
  });

  it('leaves out the core properties’ dates and keeps every part and its content', async () => {
    const core =
      '<cp:coreProperties><dc:title>题</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T20:13:49Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-30T20:13:49Z</dcterms:modified></cp:coreProperties>';
    const enc = new TextEncoder();
    // A zip as a library writes it: its entries stamped with the moment.
    const stamped = await at('2026-11-30T20:13:49Z', async () =>
      zipSync({ '[Content_Types].xml': enc.encode('<Types/>'), 'docProps/core.xml': enc.encode(core) }),
    );
    const zipped = reproducibleOffice(stamped);
    const parts = unzipSync(zipped);
    expect(Object.keys(parts)).toEqual(['[Content_Types].xml', 'docProps/core.xml']);
    expect(strFromU8(parts['docProps/core.xml'] as Uint8Array)).toBe(
      '<cp:coreProperties><dc:title>题</dc:title></cp:coreProperties>',
    );
    // Every entry's DOS time and date (local header bytes 10–13): 1980-01-01 00:00.
    expect([...zipped.subarray(10, 14)]).toEqual([0, 0, 0x21, 0]);
  });
});
