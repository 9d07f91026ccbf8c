/** The starter file `fangkongtu init` writes, with Chinese keys (the default) or English ones. */
export function starterYaml(english: boolean): string {
  return english ? ENGLISH : CHINESE;
}

const CHINESE = `# 行政职权廉政风险防控图 — 由 fangkongtu 生成的示例文件，按本单位的实际情况修改。
# 生成图片：fangkongtu render 本文件.yaml        检查格式：fangkongtu validate 本文件.yaml
# 条目前不用写序号（1、2、……），程序会自动编号。

类别: 行政许可类
# 一个编码直接写；编码范围写成 首编码----尾编码，或 [首编码, 尾编码]
职权编码: 1600-A-00400-140400
职权名称: 职业资格证书核发
环节:
  # 第一个和最后一个环节画成圆角框，一般不写风险点和防控措施。
  - 名称: 申请人提出申请
  - 名称: 受理
    风险点:
      内容:
        - 对提出的申请不重视或不接受；
        - 没有一次性告知申请所需提供的材料。
      风险等级: 中   # 高、中、低
    防控措施:
      # 说明: 严格按照有关规定办理。具体措施如下：   # 可选的引导语
      内容:
        - 严格履行服务承诺制度，做到首问责任制和一次性告知制；
        - 明确工作程序、时限等，公开办事流程。
      责任人: 办公室
  - 名称: 办结
# 可选的页脚：
# 页脚:
#   编制单位: 某某局
#   监督电话: 0000-1234567
#   日期: 2026年1月
`;

const ENGLISH = `# 行政职权廉政风险防控图 — a starter chart written by fangkongtu; edit it to fit your office.
# Render it: fangkongtu render this.yaml        Check it: fangkongtu validate this.yaml
# Do not number the items (1、2、…): the renderer numbers them.

category: 行政许可类
# One code as is; a range as first----last, or [first, last]
codes: 1600-A-00400-140400
name: 职业资格证书核发
stages:
  # The first and last stage are drawn as terminals and usually have no side boxes.
  - name: 申请人提出申请
  - name: 受理
    risk:
      items:
        - 对提出的申请不重视或不接受；
        - 没有一次性告知申请所需提供的材料。
      level: medium   # high, medium, low (or 高, 中, 低)
    control:
      # intro: 严格按照有关规定办理。具体措施如下：   # optional lead sentence
      items:
        - 严格履行服务承诺制度，做到首问责任制和一次性告知制；
        - 明确工作程序、时限等，公开办事流程。
      owner: 办公室
  - name: 办结
# Optional footer:
# footer:
#   unit: 某某局
#   hotline: 0000-1234567
#   date: 2026年1月
`;
