#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed corpus of the fuzz harnesses (corpus/HARNESS/): real-looking files and
values of CSV.md, in every encoding and form Gendan reads. Regression inputs that once
crashed a harness live beside them as corpus/HARNESS/crash-*; this script never removes
them."""
import os

here = os.path.dirname(os.path.abspath(__file__))
KINDS = ['customers', 'contacts', 'orders', 'shipments', 'cases', 'surveys', 'interactions',
         'contracts']   # the order of gdn_csv_kinds()


def write(harness, name, data):
    folder = os.path.join(here, 'corpus', harness)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(data)


BOM = b'\xef\xbb\xbf'


def utf16le(s):
    return b'\xff\xfe' + s.encode('utf-16-le')


def utf16be(s):
    return b'\xfe\xff' + s.encode('utf-16-be')


def gb18030(s):
    return s.encode('gb18030')


FILES = {
    'customers': [
        ('en', 'code,name,short_name,industry,tier,status,address,phone,email,owner,notes\r\n'
               'C001,深圳华强电子有限公司,华强,电子,key,active,"深圳市福田区华强北路 1 号, 3 楼",'
               '0755-83201234,sales@hq.example.cn,李雷,"说 ""加急"" 的客户"\r\n'
               'C002,Acme Trading Ltd,Acme,Trade,A,prospect,"Line 1\nLine 2",+86 21 5555 0101,'
               'ops@acme.example,Han Meimei,=1+1\r\n'),
        ('zh', ' 客户编码 , 客户名称 ,简称,行业,客户等级,状态,地址,电话,邮箱,负责人,备注,未知列\n'
               'C003,北京精工机械,精工,机械,重点,活跃,北京市海淀区,010-62345678,jg@example.cn,王芳,,x\n'
               'C004,上海申达,申达,纺织,B,休眠,,021-1234,,,,\n'
               'C004,上海申达,申达,纺织,Z,流失,,,not-an-email,,,\n'),
    ],
    'contacts': [
        ('en', 'customer_code,name,title,department,phone,email,im,birthday,role,stance,primary\n'
               'C001,张三,经理,采购部,13800000000,z@x.cn,wx_z,1980-05-06,economic,supporter,yes\n'
               'C001,李四,工程师,技术部,,,,1985/2/30,technical,neutral,no\n'),
        ('zh', '客户编码,姓名,职务,部门,电话,邮箱,微信,生日,角色,态度,主要联系人\n'
               'C003,王五,总监,财务部,010-1,,,1979年12月1日,财务型,反对,是\n'),
    ],
    'orders': [
        ('en', 'order_no,customer_code,type,source,status,created_date,confirmed_date,'
               'promised_date,delivered_date,delivery_address,product_code,product_name,spec,'
               'unit,quantity,unit_price,currency,payment_due,delay_reason,owner,'
               'missing_reason,notes\n'
               'SO-2026-0001,C001,urgent,email,confirmed,2026/10/5,2026.10.06,2026年10月20日,,'
               '深圳,P-100,贴片电阻,0603 10k,盘,"1,000",¥1,280.50,CNY,2026-11-30,,李雷,,\n'
               'SO-2026-0001,C001,urgent,email,confirmed,2026/10/5,2026.10.06,2026年10月20日,,'
               '深圳,P-101,电容,0805,个,12.5,-3.5,CNY,,,,,\n'
               'SO-2026-0002,C002,custom,online,delivered,2026-09-01,2026-09-02,2026-09-20,'
               '2026-09-25,,P-1,,,,(12),"1.280,50",USD,,logistics,,,\n'),
        ('zh', '订单号,客户编码,订单类型,来源,状态,创建日期,交货日期,产品编码,数量,单价,延误原因\n'
               'SO-9,C002,加急,电话,生产中,2026-10-05 14:30,2026-12-01,P-1,100,RMB 99,\n'
               'SO-9,C002,加急,电话,生产中,2026-10-05 14:30:00,2026-12-01,P-2, 1 280 ,￥ 0.5,物流延误\n'),
    ],
    'shipments': [
        ('zh', '订单号\t承运商\t运输方式\t运单号\t发货日期\t预计到达\t签收日期\t运费\t状态\n'
               'SO-9\t顺丰\t快递\tSF123\t2026-10-07\t2026-10-09\t\t¥1,280.50\t运输中\n'
               'SO-9\t德邦\t公路\t\t2026-10-07\t2026-10-10\t2026-10-11\t$12\t已签收\n'),
        ('en', 'order_no,carrier,mode,tracking_no,shipped_date,eta,delivered_date,freight,status\n'
               'SO-2026-0001,SF Express,air,SF1,2026-10-07,2026-10-08,,€ 80,delayed\n'),
    ],
    'cases': [
        ('en', 'case_no,customer_code,order_no,type,category,priority,status,opened_at,'
               'first_response_at,resolved_at,closed_at,resolution,satisfaction\n'
               'CS-1,C001,SO-2026-0001,complaint,late_delivery,urgent,responded,2026-10-05 14:30,'
               '2026-10-05 16:00:00,,,,4\n'
               'CS-2,C001,,repair,,low,closed,2026-10-05,2026-10-04,2026-10-06,2026-10-07,换货,7\n'),
        ('zh', '工单号,客户编码,订单号,类型,投诉类别,优先级,状态,创建时间,处理结果,满意度\n'
               'CS-3,C003,,投诉,质量缺陷,紧急,处理中,2026年10月5日 9:05,返工,3\n'),
    ],
    'surveys': [
        ('en', 'customer_code,order_no,case_no,date,overall,accuracy,responsiveness,resolution,'
               'attitude,quality,recommend,comment\n'
               'C001,,,2026-10-05,5,4,4,5,5,4,9,很好\nC001,SO-2026-0001,,2026-10-06,6,0,,,,,11,\n'),
        ('zh', '客户编码,订单号,工单号,日期,总体评分,推荐意愿,意见\nC003,,CS-3,2026.10.5,3,5,一般\n'),
    ],
    'interactions': [
        ('en', 'customer_code,contact_name,order_no,case_no,channel,direction,at,summary,'
               'next_follow_up\n'
               'C001,张三,,,phone,in,2026-10-05 09:00,询价 =1+1,2026-10-12\n'
               'C001,不存在,,,visit,out,2026-10-05,拜访,\n'),
        ('zh', '客户编码,联系人,渠道,方向,时间,内容,下次跟进\nC003,王五,电话,来电,2026/10/5 9:00,投诉,2026年10月8日\n'),
    ],
    'contracts': [
        ('en', 'contract_no,customer_code,title,amount,order_nos,signed_date,start_date,end_date,'
               'status\n'
               'HT-1,C001,年度框架,"¥1,280,000.00",SO-2026-0001;SO-9;;SO-9,2026-01-05,2026-01-06,'
               '2026-12-31,signed\n'),
        ('zh', '合同编号,客户编码,标题,金额,关联订单,状态\nHT-2,C003,试用,0,,审批中\n'),
    ],
}

ENCODINGS = [('utf8', lambda s: s.encode('utf-8')), ('bom', lambda s: BOM + s.encode('utf-8')),
             ('gb18030', gb18030), ('utf16le', utf16le), ('utf16be', utf16be)]

# the CSV reader: every file in every encoding, and awkward shapes
for kind, files in FILES.items():
    for lang, text in files:
        for enc, encode in ENCODINGS:
            write('csv-reader', f'{kind}-{lang}-{enc}.csv', encode(text))
write('csv-reader', 'sep-semicolon.csv', 'sep=;\na;b;"c;d"\n1;2;3\n')
write('csv-reader', 'sep-tab-crlf.csv', 'sep=\t\r\na\tb\r\n1\t2\r\n')
write('csv-reader', 'unclosed-quote.csv', 'a,b\n"open,2\n')
write('csv-reader', 'quotes-inside.csv', 'a,b\nx"y,"z""""\n"a\r\nb",c\r\n')
write('csv-reader', 'blank-lines.csv', '\n\n,,\n"",""\n\r\n')
write('csv-reader', 'xlsx-magic.csv', b'PK\x03\x04' + b'\0' * 20)
write('csv-reader', 'xls-magic.csv', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\0' * 20)
write('csv-reader', 'gbk-bad-byte.csv', gb18030('名称,金额\n') + b'\x81\x30\xff\n')
write('csv-reader', 'utf16-odd-length.csv', b'\xff\xfea\x00,\x00b')
write('csv-reader', 'nul-inside.csv', b'a,b\n1\x002,3\n')

# the import: a kind byte, then the file (UTF-8, BOM, GB18030 and UTF-16 again)
for k, kind in enumerate(KINDS):
    for lang, text in FILES[kind]:
        for enc, encode in ENCODINGS:
            write('import', f'{kind}-{lang}-{enc}.csv', bytes([k]) + encode(text))
        # with --skip-invalid
        write('import', f'{kind}-{lang}-skip.csv', bytes([k + len(KINDS)]) + text.encode())
    write('import', f'{kind}-header-only.csv', bytes([k]) + FILES[kind][0][1].split('\n')[0].encode())
write('import', 'orders-missing-required.csv', bytes([2]) + b'order_no,product_code\nSO-1,P\n')

# the parsers: dates in every accepted form, times, amounts, yes/no
VALUES = [
    '2026-10-05', '2026/10/5', '2026.10.05', '2026年10月5日', '2026-10-05 14:30',
    '2026/10/5 14:30:00', '2026年10月5日 9:05', '2026-10-05T14:30:00', '2026-02-29',
    '2024-02-29', '1900-01-01', '9999-12-31', '2026-13-01', ' 2026-10-05 ', '26-10-05',
    '2026年10月5号', '2026-10-05 24:00', '2026-10-05 23:59:60',
    '¥1,280.50', '￥1,280.50', '1.280,50', '(12)', '-3.5', '+7', '1 280', 'RMB 99', 'CNY1,000',
    '$12', '€ 80', '£0.5', '- ¥5', '1,2,3', '1e308', '1e309', '.5', '5.', '0.00',
    '99999999999999999999999999.99', '１２３', 'yes', 'no', '是', '否', '√', 'x', 'TRUE', '',
]
for i, v in enumerate(VALUES):
    write('parse', f'value-{i:02d}', v)
