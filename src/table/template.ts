import type { PowerChart } from '../model/types.js';
import { chartsToTable } from './table.js';
import { tableToXlsx } from './xlsx-write.js';

/** Empty ruled rows below the example, with the level drop-down on each. */
const BLANK_ROWS = 200;

const INSTRUCTIONS = [
  '1. 本表用于填写本单位的廉政风险点及防控措施一览表。填好后生成防控图：fangkongtu render 本表.xlsx；或先导入为防控图文件再修改：fangkongtu import 本表.xlsx -o charts。',
  '2. 每个环节占一行，按办理顺序从上到下填写。第一个和最后一个环节（如“申请人提出申请”“办结”）画成圆角框，一般不填风险点和防控措施。',
  '3. 同一职权的各行，职权类别、职权编码、职权名称只需在第一行填写（下面的行留空或合并单元格均可）；职权编码（没有编码时为职权名称）一变，就开始一个新的职权。同一职权的行要连在一起。',
  '4. 职权编码有首尾两个编码时，写成“首编码----尾编码”，或在单元格内分两行写。没有职权类别或职权编码的，这两列可以空着，防控图上就不显示这一行。',
  '5. 风险点、防控措施：一个单元格写多条时，每条一行（按 Alt+Enter 换行），可以写“1、”“2、”等编号，也可以不写，防控图上会自动编号。',
  '6. 防控措施的第一行如果不带编号（如“严格按照有关规定办理。具体措施如下：”），作为引导语显示在各条措施之前。',
  '7. 风险等级：从下拉列表中选择 高、中、低。一个环节的风险点分几行填写时，可以合并“环节”单元格；这些行合为一个环节，风险等级取其中最高的。',
  '8. 责任人：填写防控措施的责任人或责任岗位（如“办公室”“窗口工作人员”）。有责任人就要有防控措施，有风险等级就要有风险点。',
  '9. 请不要使用公式，不要把单元格设为日期格式；可以增加其他列（如“备注”“责任领导”），导入时不读取。表头可以不在第一行，但列名要写对。',
  '10. 示例职权（职业资格证书核发）填好后请删除或改写。',
];

/**
 * The 一览表 template `fangkongtu init --xlsx` writes: the headers, `example` filled in as a guide,
 * ruled empty rows with the level drop-down, and a sheet of instructions in Chinese. Importing it
 * unchanged gives back exactly `example`.
 */
export function templateXlsx(example: PowerChart): Promise<Uint8Array> {
  return tableToXlsx(chartsToTable([example]), { blankRows: BLANK_ROWS, instructions: INSTRUCTIONS });
}
