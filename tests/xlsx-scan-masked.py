#!/usr/bin/python3
# xlsx-scan-masked.py — reads every cell of every sheet of a masked
# workbook with openpyxl and prints what still gives a person away:
#   cells   N                      (how many cells were read)
#   text    SHEET  A1  VALUE       (every text cell, for the test to look for)
#   leak    SHEET  A1  WHAT  VALUE (a run of 7 or more digits that is not a
#                                   mask, or a house number)
#
# The rules are written here apart from the masking code, so that the two
# check each other.  A digit run counts digits with up to three spaces,
# hyphens, dots or parentheses between them; masks (138****5678,
# 023-****1234, 500101********1234, ****1234) and dates (2020-02-07) are
# taken out first.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import re
import sys
import unicodedata

import openpyxl

SEPARATOR = r'[ \t\-\u2010-\u2015\u2212.()]'
DIGIT_RUN = re.compile(r'\d(?:' + SEPARATOR + r'{0,3}\d)*')
MASKS = re.compile(r'(?<!\d)(?:\d{6}\*{8}\d{3}[\dX]'
                   r'|0\d{2,3}-\*{4}\d{4}(?:转\d{1,6})?'
                   r'|\d{3}\*{4}\d{4}'
                   r'|\*+\d{4})(?!\d)')
DATE = re.compile(r'(?<!\d)(?:19|20)\d\d([-.])\d{1,2}\1\d{1,2}(?!\d)')
SPOKEN_DATE = re.compile(r'月\d{1,2}号')
HOUSE = [
    ('house number', re.compile(r'\d\s*(?:号|栋|幢|单元|室)')),
    ('house number after 附', re.compile(r'附\s*\d')),
    ('house number N-N', re.compile(r'[路街巷道弄里村组区苑园院楼栋号元室厦]\s*\d+(?:-\d+)+')),
]


def clean(value):
    return str(value).replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def out(*fields):
    print('\t'.join(clean(f) for f in fields))


def leaks(text):
    text = unicodedata.normalize('NFKC', text)
    text = MASKS.sub('|', text)
    text = DATE.sub('|', text)
    for run in DIGIT_RUN.finditer(text):
        digits = sum(c.isdigit() for c in run.group())
        if digits >= 7:
            yield 'digits', run.group()
    text = SPOKEN_DATE.sub('|', text)
    for what, pattern in HOUSE:
        for found in pattern.finditer(text):
            yield what, found.group()


def main(path):
    wb = openpyxl.load_workbook(path)
    n_cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if value is None:
                    continue
                n_cells += 1
                if isinstance(value, str):
                    out('text', ws.title, cell.coordinate, value)
                    for what, found in leaks(value):
                        out('leak', ws.title, cell.coordinate, what + ': ' + found, value)
                elif isinstance(value, int) and abs(value) >= 1000000:
                    out('leak', ws.title, cell.coordinate, 'number', value)
    out('cells', n_cells)


if __name__ == '__main__':
    main(sys.argv[1])
