import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChart } from '../../src/model/index.js';
import { importGrid } from '../../src/table/import.js';
import { readCsv } from '../../src/table/read-csv.js';
import { readXlsx } from '../../src/table/read-xlsx.js';
import { chartsToTable } from '../../src/table/table.js';
import { tableToCsv } from '../../src/table/write-csv.js';
import { tableToXlsx } from '../../src/table/xlsx-write.js';

const FIXTURES = 'fixtures';
const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('the 16 fixtures round-trip through the 一览表', () => {
  it('chart → .xlsx → chart gives every chart back unchanged, in order', async () => {
    const charts = await Promise.all(files.map((f) => loadChart(join(FIXTURES, f))));
    const bytes = await tableToXlsx(chartsToTable(charts));
    const { grid, notes } = await readXlsx('一览表.xlsx', bytes);
    expect(notes).toEqual([]);
    const imported = importGrid(grid);
    expect(imported.notes).toEqual([]);
    expect(imported.charts.map((c) => c.chart)).toStrictEqual(charts);
  });

  it('chart → .csv → chart too', async () => {
    const charts = await Promise.all(files.map((f) => loadChart(join(FIXTURES, f))));
    const csv = tableToCsv(chartsToTable(charts));
    const { grid, encoding } = readCsv('一览表.csv', new TextEncoder().encode(csv), '一览表');
    expect(encoding).toBe('UTF-8');
    expect(importGrid(grid).charts.map((c) => c.chart)).toStrictEqual(charts);
  });
});
