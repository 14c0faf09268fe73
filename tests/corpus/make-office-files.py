#!/usr/bin/env python3
"""Writes the corpus's .docx and .xlsx files (09-12) from the tables below, as Word and Excel store them:
raw OOXML parts in a zip, merged cells as gridSpan/vMerge (Word) and mergeCells (Excel). A cell "^" continues
the merged cell above it, "<" the one to its left. Run from this folder; the files are committed, so tests
read documents, not this script."""
import zipfile
from xml.sax.saxutils import escape

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
RELS = 'http://schemas.openxmlformats.org/package/2006/relationships'
DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def para(text, bold=False):
    props = '<w:rPr><w:b/></w:rPr>' if bold else ''
    return f'<w:p><w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def word_table(rows):
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr>']
    for r, row in enumerate(rows):
        out.append('<w:tr>')
        c = 0
        while c < len(row):
            text = row[c]
            span = 1
            while c + span < len(row) and row[c + span] == '<':
                span += 1
            below = rows[r + 1][c] if r + 1 < len(rows) and c < len(rows[r + 1]) else None
            props = ''
            if span > 1:
                props += f'<w:gridSpan w:val="{span}"/>'
            if text == '^':
                props += '<w:vMerge/>'
            elif below == '^':
                props += '<w:vMerge w:val="restart"/>'
            body = '<w:p/>' if text == '^' else ''.join(para(line) for line in text.split('\n'))
            out.append(f'<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>')
            c += span
        out.append('</w:tr>')
    out.append('</w:tbl>')
    return ''.join(out)


def docx(path, blocks):
    body = ''.join(word_table(b) if isinstance(b, list) else para(b) for b in blocks)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr('_rels/.rels', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr('word/document.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>')


def col(i):
    return chr(ord('A') + i) if i < 26 else col(i // 26 - 1) + chr(ord('A') + i % 26)


def xlsx(path, rows):
    strings, index = [], {}
    data, merges = [], []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if text in ('^', '<'):
                continue
            right = c
            while right + 1 < len(row) and row[right + 1] == '<':
                right += 1
            bottom = r
            while bottom + 1 < len(rows) and c < len(rows[bottom + 1]) and rows[bottom + 1][c] == '^':
                bottom += 1
            if right > c or bottom > r:
                merges.append(f'{col(c)}{r + 1}:{col(right)}{bottom + 1}')
            if text == '':
                continue
            if text not in index:
                index[text] = len(strings)
                strings.append(text)
            cells.append(f'<c r="{col(c)}{r + 1}" t="s"><v>{index[text]}</v></c>')
        data.append(f'<row r="{r + 1}">{"".join(cells)}</row>')
    merge_xml = f'<mergeCells count="{len(merges)}">' + ''.join(f'<mergeCell ref="{m}"/>' for m in merges) + '</mergeCells>' if merges else ''
    shared = ''.join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        z.writestr('_rels/.rels', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr('xl/workbook.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{S}" xmlns:r="{DOC}"><sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        z.writestr('xl/sharedStrings.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{S}" count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>')
        z.writestr('xl/worksheets/sheet1.xml', f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{S}"><sheetData>{"".join(data)}</sheetData>{merge_xml}</worksheet>')


docx('09-county-agriculture-plan-word-table.docx', [
    '中共石门县农业农村局党组关于县委第一巡察组反馈意见的整改方案',
    '2024年9月2日至10月31日，县委第一巡察组对县农业农村局党组开展了常规巡察，2024年11月22日反馈了巡察意见。为抓好巡察整改落实，特制定本方案。',
    '一、整改任务清单',
    [
        ['序号', '问题', '整改措施', '责任领导', '责任股室', '完成时限'],
        ['1', '耕地保护监管不力，违法占用耕地问题时有发生。', '开展耕地保护专项执法行动', '张卫东', '执法大队', '2025年3月底前'],
        ['^', '^', '建立耕地动态巡查制度', '^', '耕地保护股', '长期坚持'],
        ['2', '高标准农田建设质量不高，部分项目验收把关不严。', '对2021年以来高标准农田项目开展质量复核', '李红', '农田建设股', '2025年6月30日'],
        ['^', '^', '追究不合格项目施工单位责任', '^', '农田建设股、法规股', '2025年6月30日'],
        ['^', '^', '修订项目验收管理办法', '^', '^', '2025年2月28日'],
        ['3', '涉农资金监管存在漏洞，个别项目资金被挪用。', '全面清理2022年以来涉农资金拨付情况', '王强', '计划财务股', '2025年1月31日'],
        ['4', '农村人居环境整治成效不明显。', '推进农村厕所革命和生活垃圾分类', '张卫东', '农村社会事业股', '年底前'],
    ],
    '二、工作要求',
    '（一）加强组织领导。局党组书记履行第一责任人职责，班子成员抓好分管领域整改。',
    '（二）严格督查问效。整改完成一项、销号一项。',
    '中共石门县农业农村局党组',
    '2024年12月5日',
])

docx('10-city-housing-task-table.docx', [
    '中共南湖市住房和城乡建设局党组关于市委巡察反馈问题的整改任务清单',
    '市委第四巡察组于2024年4月15日至6月14日对市住房和城乡建设局党组进行了巡察，7月9日反馈了巡察意见。现将整改任务分解如下。',
    [
        ['序号', '存在问题', '整改目标及措施', '牵头领导', '牵头部门', '配合部门', '整改期限'],
        ['一、党的领导方面', '<', '<', '<', '<', '<', '<'],
        ['1', '落实城市更新决策部署有差距。', '1.编制城市更新专项规划\n2.启动老旧小区改造项目12个', '陈刚', '城市更新科', '规划科', '2024年12月31日'],
        ['2', '安全生产监管责任落实不到位。', '开展建筑施工安全专项整治', '刘伟', '安全监督站', '', '立行立改'],
        ['二、全面从严治党方面', '<', '<', '<', '<', '<', '<'],
        ['3', '工程招投标监管存在廉政风险。', '（1）推行电子招投标全流程监管；（2）建立评标专家动态考核机制', '陈刚', '招投标管理科', '驻局纪检组', '2025年5月底前'],
        ['4', '违规收受管理服务对象礼品礼金问题仍有发生。', '开展以案促改警示教育', '周敏', '机关党委', '', '长期坚持'],
    ],
    '中共南湖市住房和城乡建设局党组',
    '2024年8月1日',
])

xlsx('11-district-education-ledger.xlsx', [
    ['城西区教育局落实区委第二巡察组反馈意见整改台账', '<', '<', '<', '<', '<', '<', '<', '<'],
    ['填报单位：城西区教育局（盖章）', '<', '<', '<', '<', '填报时间：2025年1月10日', '<', '<', '<'],
    ['序号', '问题类别', '问题描述', '整改措施', '牵头单位', '责任人', '完成时限', '进展情况', '备注'],
    ['1', '党的建设', '基层党组织“三会一课”不规范。', '修订党支部工作规范', '机关党委', '王丽', '2024年12月31日', '已完成。修订规范并组织培训。', ''],
    ['^', '^', '^', '开展党支部书记轮训', '机关党委', '^', '2025年3月31日', '^', ''],
    ['2', '^', '意识形态阵地管理不严。', '建立校园网站信息审核制度', '宣传科', '赵强', '2025-01-31', '正在推进', ''],
    ['3', '教育民生', '课后服务收费不规范。', '清理规范课后服务收费', '基础教育科、财务科', '孙涛', '2024年11月', '已完成', '立行立改'],
    ['4', '^', '校园食品安全监管存在漏洞。', '1.开展食堂专项检查\n2.推行校长陪餐制度', '安全科', '李明', '长期坚持', '持续推进', ''],
    ['注：完成时限为长期坚持的事项，每季度报送一次进展。', '<', '<', '<', '<', '<', '<', '<', '<'],
])

xlsx('12-port-group-ledger.xlsx', [
    ['中共西江港务集团有限公司委员会关于省委第二巡视组反馈意见整改落实台账', '<', '<', '<', '<', '<', '<', '<'],
    ['', '', '', '', '', '', '', ''],
    ['编号', '类别', '巡视反馈问题', '整改任务', '责任领导', '责任部门', '时限要求', '是否完成'],
    ['一、党的政治建设方面', '<', '<', '<', '<', '<', '<', '<'],
    ['1', '', '落实国企改革三年行动不到位。', '完成剩余改革任务5项', '吴海', '企业管理部', '2024年12月', '是'],
    ['2', '', '安全生产责任制落实不到位。', '修订安全生产责任清单', '吴海', '安全环保部', '2025年6月底', '否'],
    ['二、全面从严治党方面', '<', '<', '<', '<', '<', '<', '<'],
    ['3', '', '物资采购管理不规范。', '推行集中采购', '郑涛', '采购中心', '2025年3月31日', '否'],
    ['^', '', '^', '建立供应商黑名单制度', '^', '采购中心', '2025年3月31日', '^'],
    ['4', '', '工程分包管理混乱。', '清理违规分包项目', '郑涛', '工程管理部、法务部', '2025年2月30日', '否'],
])
