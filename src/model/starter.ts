/**
 * The starter chart, with Chinese keys (the default) or English ones: what `fangkongtu init`
 * writes and what the editor's 新建 starts from.
 */
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
# 可选：法律依据，印在职权名称下面；投诉举报的部门和电话，印在页脚
# 依据: 《中华人民共和国行政许可法》
# 监督: { 部门: 某某纪检监察组, 电话: 0000-1234567 }
环节:
  # 第一个和最后一个环节画成圆角框，一般不写风险点和防控措施。
  - 名称: 申请人提出申请
  - 名称: 受理
    时限: 5个工作日 # 可选：办理时限，与承办岗位一起印在环节框里
    承办: 政务服务窗口 # 可选：承办岗位或科室
    # 可选的分支：“到”写本图的环节名称（如退回补正后的环节），或办理结果（如不予受理）；
    # 办理结果也可以有自己的风险点、防控措施，写在该分支下，与“到”对齐
    分支:
      - 条件: 不符合受理条件
        到: 不予受理
    风险点:
      内容:
        - 对提出的申请不重视或不接受；
        - 没有一次性告知申请所需提供的材料。
      风险等级: 中 # 高、中、低；也可用 高风险/中风险/低风险、一级/二级/三级、高/一般/低，全图用同一套
    防控措施:
      # 说明: 严格按照有关规定办理。具体措施如下： # 可选的引导语
      内容:
        - 严格履行服务承诺制度，做到首问责任制和一次性告知制；
        - 明确工作程序、时限等，公开办事流程。
      责任人: 办公室
  # 只有部分案件经过的环节（听证、专家评审）写“可选: 是”，画成虚线框：
  # - 名称: 听证
  #   可选: 是
  #   条件: 涉及重大利益关系的
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
# Optional: the legal basis, printed under the name; where to complain, printed in the footer
# basis: 《中华人民共和国行政许可法》
# supervision: { unit: 某某纪检监察组, phone: 0000-1234567 }
stages:
  # The first and last stage are drawn as terminals and usually have no side boxes.
  - name: 申请人提出申请
  - name: 受理
    timeLimit: 5个工作日 # optional: printed in the stage box with the handler
    handler: 政务服务窗口 # optional: the post or office that does it
    # Optional branches: "to" names a stage of this chart (a way back) or an outcome (an exit)
    branches:
      - when: 不符合受理条件
        to: 不予受理
    risk:
      items:
        - 对提出的申请不重视或不接受；
        - 没有一次性告知申请所需提供的材料。
      level: medium # high, medium, low (or 高, 中, 低; or one set of 高风险…, 一级/二级/三级, 高/一般/低)
    control:
      # intro: 严格按照有关规定办理。具体措施如下： # optional lead sentence
      items:
        - 严格履行服务承诺制度，做到首问责任制和一次性告知制；
        - 明确工作程序、时限等，公开办事流程。
      owner: 办公室
  # A stage only some cases pass (a hearing) is optional, drawn dashed:
  # - name: 听证
  #   optional: true
  #   when: 涉及重大利益关系的
  - name: 办结

# Optional footer:
# footer:
#   unit: 某某局
#   hotline: 0000-1234567
#   date: 2026年1月
`;
