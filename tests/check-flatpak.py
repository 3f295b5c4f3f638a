#!/usr/bin/env python3
# check-flatpak.py MANIFEST DESKTOP_FILE METAINFO_FILE APP_ID
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What can be checked about the Flatpak without its runtime: flatpak-builder
# reads the manifest, the app id is the one of the desktop file and the
# metainfo, the sandbox asks for no network and no file system (files come
# and go through the file chooser portal), and every source is pinned.
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

manifest_path, desktop_path, metainfo_path, app_id = sys.argv[1:5]
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


builder = shutil.which('flatpak-builder')
if builder:
    # --show-manifest parses the file as flatpak-builder itself would and
    # prints it back as JSON, so the checks below see what it sees.
    # It leaves a .flatpak-builder folder in its working directory.
    with tempfile.TemporaryDirectory() as scratch:
        run = subprocess.run([builder, '--show-manifest', os.path.abspath(manifest_path)],
                             capture_output=True, text=True, cwd=scratch)
    if run.returncode != 0:
        sys.exit('flatpak-builder cannot read the manifest:\n' + run.stderr)
    manifest = json.loads(run.stdout)
else:
    print('note: flatpak-builder is not installed; the manifest was only parsed as JSON')
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)

check(manifest.get('id') == app_id, f"id is {manifest.get('id')!r}, not {app_id!r}")
check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
check(manifest.get('runtime-version') == '50', 'runtime-version is not 50')
check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')
check(manifest.get('command') == 'shouhu', 'command is not shouhu')

finish_args = manifest.get('finish-args', [])
check(sorted(finish_args) == sorted(['--share=ipc', '--socket=wayland',
                                     '--socket=fallback-x11', '--device=dri']),
      f'finish-args are {finish_args}')
for arg in finish_args:
    check(arg != '--share=network', 'the sandbox asks for the network')
    check(not arg.startswith(('--filesystem', '--persist')),
          f'the sandbox asks for file system access: {arg}')
    check(not arg.startswith('--device=all'), f'the sandbox asks for all devices: {arg}')

modules = {m.get('name'): m for m in manifest.get('modules', []) if isinstance(m, dict)}
xlsx = modules.get('libxlsxwriter', {})
check(xlsx.get('buildsystem') == 'cmake-ninja', 'libxlsxwriter is not built with cmake-ninja')
for opt in ('-DUSE_DTOA_LIBRARY=ON', '-DBUILD_TESTS=OFF', '-DBUILD_EXAMPLES=OFF'):
    check(opt in xlsx.get('config-opts', []), f'libxlsxwriter lacks {opt}')
for source in xlsx.get('sources', [{}]):
    check(source.get('type') == 'git' and source.get('tag') == 'v1.2.3'
          and source.get('commit') == '051a01a2c31eb55fa467964a2c2328cfb8bcbde8',
          'libxlsxwriter is not pinned to v1.2.3 at its commit')
app = modules.get('shouhu', {})
check(app.get('buildsystem') == 'meson', 'shouhu is not built with meson')
check(app.get('run-tests') is True, 'shouhu does not run its tests')
check(list(modules)[-1:] == ['shouhu'], 'shouhu is not the last module')

check(os.path.basename(desktop_path) == app_id + '.desktop',
      f'the desktop file is {os.path.basename(desktop_path)}')
with open(desktop_path, encoding='utf-8') as f:
    desktop = f.read().splitlines()
check(f'Icon={app_id}' in desktop, 'the desktop file does not use the app id as its icon')
check('Exec=shouhu' in desktop, 'the desktop file does not run shouhu')

component = ET.parse(metainfo_path).getroot()
check(component.findtext('id') == app_id, f"the metainfo id is {component.findtext('id')!r}")
check(component.findtext('launchable') == app_id + '.desktop',
      'the metainfo does not launch the desktop file')

for failure in failures:
    print('FAIL:', failure)
sys.exit(1 if failures else 0)
