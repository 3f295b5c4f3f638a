#!/usr/bin/python3
# xlsx-dump.py — prints what openpyxl reads from a workbook, one fact a line,
# tab-separated, for test-export.c to compare:
#   sheets  NAME…
#   cell    SHEET  A1  TYPE  VALUE      (TYPE: s text, n number, f formula)
#   cached  SHEET  A1  VALUE            (the value stored with a formula)
#   merge   SHEET  A1:B2
#   print   SHEET  KEY  VALUE           (paper, orientation, titles, fit…)
#   width   SHEET  COLUMN  WIDTH
#   height  SHEET  ROW  HEIGHT         (rows given a height of their own)
#   font    SHEET  A1  NAME  BOLD  WRAP  BORDER
#   numfmt  SHEET  A1  FORMAT           (numbers not in the General format)
#   color   SHEET  A1  RGB              (text not in the default colour)
#
# SPDX-License-Identifier: GPL-3.0-or-later
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def clean(value):
    return str(value).replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def out(*fields):
    print('\t'.join(clean(f) for f in fields))


def number(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def main(path):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    out('sheets', *wb.sheetnames)
    for ws in wb.worksheets:
        name = ws.title
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                if cell.data_type == 'f':
                    out('cell', name, cell.coordinate, 'f', cell.value)
                    out('cached', name, cell.coordinate, number(cached[name][cell.coordinate].value))
                elif cell.data_type == 'n':
                    out('cell', name, cell.coordinate, 'n', number(cell.value))
                else:
                    out('cell', name, cell.coordinate, cell.data_type, cell.value)
                out('font', name, cell.coordinate, cell.font.name, int(bool(cell.font.b)),
                    int(bool(cell.alignment.wrap_text)), cell.border.left.style or '')
                if cell.data_type == 'n' and cell.number_format != 'General':
                    out('numfmt', name, cell.coordinate, cell.number_format)
                if cell.font.color is not None and cell.font.color.type == 'rgb':
                    out('color', name, cell.coordinate, cell.font.color.rgb)
        for rng in ws.merged_cells.ranges:
            out('merge', name, rng.coord)
        setup = ws.page_setup
        out('print', name, 'paper', setup.paperSize)
        out('print', name, 'orientation', setup.orientation)
        out('print', name, 'fit', int(bool(ws.sheet_properties.pageSetUpPr.fitToPage)))
        out('print', name, 'fit-width', setup.fitToWidth if setup.fitToWidth is not None else 1)
        out('print', name, 'fit-height', setup.fitToHeight if setup.fitToHeight is not None else 1)
        out('print', name, 'titles', ws.print_title_rows)
        for dim in list(ws.column_dimensions.values()):
            for col in range(dim.min, dim.max + 1):
                out('width', name, get_column_letter(col), number(dim.width))
        for index, dim in ws.row_dimensions.items():
            if dim.height is not None:
                out('height', name, index, number(dim.height))


if __name__ == '__main__':
    main(sys.argv[1])
