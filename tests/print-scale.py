#!/usr/bin/python3
# print-scale.py — how large a workbook's text prints, from what openpyxl
# reads in it, one fact a line, tab-separated, for test-export.c:
#   paper       SHEET  WIDTH  HEIGHT    (the printable area, in points)
#   size        SHEET  WIDTH  HEIGHT    (the sheet at 100 %, in points)
#   scale       SHEET  PERCENT          (as Excel prints it: fit to page)
#   font        SHEET  POINTS           (the smallest text, at 100 %)
#   printed     SHEET  POINTS           (the smallest text as printed)
#   pages-tall  SHEET  N                (0: as many as it takes)
#   tallest     SHEET  POINTS           (the tallest row)
#   longest     SHEET  N                (characters in the longest text)
#
# Excel's own arithmetic: a column w wide (in digits of the default
# font, Calibri 11: 7 pixels) takes 7w + 5 pixels at 96 dpi, 0.75 point
# each (openpyxl reads the width with its 5 pixels in, as (7w + 5) / 7);
# a row without a height of its own is the default height; fitting to
# pages scales down, never up, to a whole percent, 10 % at least.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import math
import sys

import openpyxl

# Paper sizes by their number in the file, in inches.
PAPERS = {9: (8.27, 11.69)}  # A4


def out(*fields):
    print('\t'.join(str(f) for f in fields))


def column_widths(ws):
    """Column number → width; openpyxl keeps a run of equal columns as one."""
    widths = {}
    for dim in ws.column_dimensions.values():
        if dim.width is not None and dim.min is not None:
            for col in range(dim.min, dim.max + 1):
                widths[col] = dim.width
    return widths


def column_points(widths, col):
    return round(widths.get(col, 8.43 + 5 / 7) * 7) * 0.75


def row_points(ws, row):
    dim = ws.row_dimensions.get(row)
    if dim is not None and dim.height is not None:
        return dim.height
    return ws.sheet_format.defaultRowHeight or 15


def main(path):
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        name = ws.title
        setup = ws.page_setup
        short, long = PAPERS[int(setup.paperSize)]
        paper_w, paper_h = (long, short) if setup.orientation == 'landscape' else (short, long)
        m = ws.page_margins
        avail_w = (paper_w - m.left - m.right) * 72
        avail_h = (paper_h - m.top - m.bottom) * 72
        widths = column_widths(ws)
        width = sum(column_points(widths, c) for c in range(1, ws.max_column + 1))
        heights = [row_points(ws, r) for r in range(1, ws.max_row + 1)]
        height = sum(heights)

        if ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage:
            wide = setup.fitToWidth if setup.fitToWidth is not None else 1
            tall = setup.fitToHeight if setup.fitToHeight is not None else 1
            scale = 1.0
            if wide:
                scale = min(scale, avail_w * wide / width)
            if tall:
                scale = min(scale, avail_h * tall / height)
            percent = max(10, math.floor(scale * 100 + 1e-9))
        else:
            tall = 0
            percent = setup.scale or 100

        smallest = min(cell.font.sz for row in ws.iter_rows() for cell in row
                       if cell.value not in (None, ''))
        out('paper', name, round(avail_w, 1), round(avail_h, 1))
        out('size', name, round(width, 1), round(height, 1))
        out('scale', name, percent)
        out('font', name, smallest)
        out('printed', name, round(smallest * percent / 100, 2))
        out('pages-tall', name, tall)
        out('tallest', name, max(heights))
        out('longest', name, max(len(str(cell.value)) for row in ws.iter_rows() for cell in row
                                 if cell.value is not None))


if __name__ == '__main__':
    main(sys.argv[1])
