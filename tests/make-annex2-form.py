#!/usr/bin/python3
# make-annex2-form.py — writes Annex 2 forms as districts fill them in,
# for the tests: make-annex2-form.py OUT.xlsx SPEC.json
#
# SPEC: {"sheets": [{"title": "渝中", "line": "区县：渝中区  填报人：张三",
#                    "heads": ["序号", "医院", …], "rows": [[…], …],
#                    "formats": {"K5": "m\"月\"d\"日\""},
#                    "hidden_rows": [6], "hidden": false}]}
# Rows start below the heads (row 4 holds the heads).  A value
# {"date": "2020-02-10"} is written as a date cell.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import json
import sys

import openpyxl

path, spec = sys.argv[1], json.load(open(sys.argv[2], encoding='utf-8'))
wb = openpyxl.Workbook()
wb.remove(wb.active)
for s in spec['sheets']:
    ws = wb.create_sheet(s['title'])
    ws['A1'] = '附件2'
    ws['A2'] = '重庆志愿者精准守护一线医护人员工作信息表'
    ws['A3'] = s.get('line', '')
    for c, h in enumerate(s['heads']):
        ws.cell(4, 1 + c, h)
    for r, row in enumerate(s['rows']):
        for c, v in enumerate(row):
            if isinstance(v, dict) and 'date' in v:
                v = datetime.datetime.strptime(v['date'], '%Y-%m-%d')
            ws.cell(5 + r, 1 + c, v)
    for ref, code in s.get('formats', {}).items():
        ws[ref].number_format = code
    for r in s.get('hidden_rows', []):
        ws.row_dimensions[r].hidden = True
    if s.get('hidden'):
        ws.sheet_state = 'hidden'
wb.save(path)
