#!/usr/bin/env python3
# flatpak-check.py MANIFEST BUILDDIR APP_ID [MESON]
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What can be checked about the Flatpak without its runtime (which cannot
# be downloaded everywhere the tests run), as the 'flatpak-manifest' test:
#  - the manifest is valid JSON (and flatpak-builder reads it, where it is
#    installed: not inside the SDK's own sandbox);
#  - the app id, runtime and command; the sandbox gets exactly the four
#    intended permissions: no network, no file system (files come and go
#    through the file chooser portal);
#  - every downloaded source is pinned: git at a 40-digit commit, archives
#    and files with a sha256; libzip and libxlsxwriter are built before
#    Shouhu, which is built last, with its tests;
#  - the suites the test command names exist in `meson test --list`, and
#    it leaves out exactly 'ui' (no display in the SDK) and 'interop'
#    (no openpyxl or LibreOffice in the SDK);
#  - every file `meson install` puts in place is named where it should be:
#    the binary in the desktop file, the metainfo and the manifest, the
#    desktop file in the metainfo, the icons in the desktop file, the
#    translations in the metainfo, and everything Flatpak exports carries
#    the app id.
# Run by hand: python3 build-aux/flatpak-check.py flatpak/ID.json build ID
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

manifest_path, builddir, app_id = sys.argv[1:4]
meson = sys.argv[4] if len(sys.argv) > 4 else 'meson'
failures = []

# The suites the Flatpak's test command must leave out, and why.
LEFT_OUT = {
    'ui': 'the widget tests need an X server, which the SDK does not have',
    'interop': 'openpyxl and LibreOffice are not in the SDK',
}
# Where the Flatpak exports files to the host: only names that start with
# the app id are exported.
EXPORTED = ('share/applications/', 'share/metainfo/', 'share/icons/',
            'share/dbus-1/services/', 'share/mime/packages/',
            'share/gnome-shell/search-providers/', 'share/appdata/')


def check(ok, message):
    if not ok:
        failures.append(message)
    return ok


def run_meson(*args):
    run = subprocess.run([meson, *args], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f'{meson} {" ".join(args)} failed:\n{run.stderr}')
    return run.stdout


# ---- The manifest as JSON, and as flatpak-builder reads it --------------

try:
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    sys.exit(f'{manifest_path} is not valid JSON: {e}')

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

check(manifest.get('id') == app_id, f"id is {manifest.get('id')!r}, not {app_id!r}")
check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is not org.gnome.Platform')
check(manifest.get('runtime-version') == '50', 'runtime-version is not 50')
check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is not org.gnome.Sdk')
command = manifest.get('command')

# ---- Permissions ---------------------------------------------------------

finish_args = manifest.get('finish-args', [])
check(sorted(finish_args) == sorted(['--share=ipc', '--socket=wayland',
                                     '--socket=fallback-x11', '--device=dri']),
      f'finish-args are {finish_args}, not the four intended ones '
      '(--share=ipc, --socket=wayland, --socket=fallback-x11, --device=dri)')

# ---- Modules and their sources -------------------------------------------

modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
check(len(modules) == len(manifest.get('modules', [])),
      'a module is given as a file name: keep every module in the manifest, where it is checked')
names = [m.get('name') for m in modules]
check(names[-1:] == ['shouhu'], f'shouhu is not the last module: {names}')
for needed in ('libzip', 'libxlsxwriter'):
    check(needed in names, f'{needed} is not built as a module: the SDK is not known to ship it')

HEX40 = re.compile(r'[0-9a-f]{40}')
HEX64 = re.compile(r'[0-9a-f]{64}')
for module in modules:
    name = module.get('name')
    for source in module.get('sources', []):
        kind = source.get('type') if isinstance(source, dict) else None
        if kind == 'git':
            check(HEX40.fullmatch(source.get('commit', '')) is not None,
                  f'{name}: git source {source.get("url")} is not pinned to a 40-digit commit')
            check('branch' not in source, f'{name}: git source follows a branch')
        elif kind in ('archive', 'file') and 'url' in source:
            check(HEX64.fullmatch(source.get('sha256', '')) is not None,
                  f'{name}: {source.get("url")} has no sha256')
        elif kind == 'dir':
            check(name == 'shouhu' and source.get('path') == '..',
                  f'{name}: only Shouhu itself is built from a local folder')
        else:
            check(False, f'{name}: source {source!r} is of a kind this check does not know')

# How the libraries are built: shared, without what Shouhu does not use.
for module in modules:
    opts = module.get('config-opts', [])
    wanted = {
        'libxlsxwriter': ('-DBUILD_SHARED_LIBS=ON', '-DUSE_DTOA_LIBRARY=ON',
                          '-DBUILD_TESTS=OFF', '-DBUILD_EXAMPLES=OFF'),
        'libzip': ('-DBUILD_SHARED_LIBS=ON', '-DBUILD_TOOLS=OFF',
                   '-DBUILD_REGRESS=OFF', '-DBUILD_DOC=OFF'),
    }.get(module.get('name'))
    if wanted is None:
        continue
    check(module.get('buildsystem') == 'cmake-ninja', f'{module.get("name")} is not built with cmake-ninja')
    for opt in wanted:
        check(opt in opts, f'{module.get("name")} lacks {opt}')

# ---- Shouhu's own module and its tests -----------------------------------

app = next((m for m in modules if m.get('name') == 'shouhu'), {})
check(app.get('buildsystem') == 'meson', 'shouhu is not built with meson')
check(app.get('run-tests') is True, 'shouhu does not run its tests')

# "shouhu:core / export", "shouhu:ui+interop / import-dialog-interop"
known_suites = set()
for line in run_meson('test', '-C', builddir, '--list', '--no-rebuild').splitlines():
    head = line.split(' / ', 1)[0]
    if ':' in head:
        known_suites.update(head.split(':', 1)[1].split('+'))
check(known_suites, '`meson test --list` lists no suites')

test_commands = ' '.join(app.get('test-commands', []))
check('meson test' in test_commands, 'the test command does not run `meson test`')
named = re.findall(r'--(no-suite|suite)[= ]([A-Za-z0-9_:-]+)', test_commands)
for _, suite in named:
    check(suite in known_suites,
          f'the test command names the suite {suite!r}, which `meson test --list` does not have')
left_out = {suite for option, suite in named if option == 'no-suite'}
check(not any(option == 'suite' for option, _ in named),
      'the test command picks suites: it should run all but those it leaves out')
for suite, why in LEFT_OUT.items():
    check(suite in left_out, f'the test command runs the {suite!r} suite, but {why}')
for suite in left_out - set(LEFT_OUT):
    check(False, f'the test command leaves out the {suite!r} suite, which can run in the SDK')

# ---- What `meson install` puts in place ----------------------------------

installed = json.loads(run_meson('introspect', '--installed', builddir))
prefix = next(o['value'] for o in json.loads(run_meson('introspect', '--buildoptions', builddir))
              if o['name'] == 'prefix')
files = {}   # path under the prefix → file in the build or source tree
for source, target in installed.items():
    check(target.startswith(prefix.rstrip('/') + '/'), f'{target} is installed outside {prefix}')
    files[os.path.relpath(target, prefix)] = source


def installed_under(folder):
    return {path: source for path, source in files.items() if path.startswith(folder)}


desktop_files = installed_under('share/applications/')
metainfo_files = installed_under('share/metainfo/')
check(list(desktop_files) == [f'share/applications/{app_id}.desktop'],
      f'the desktop files installed are {list(desktop_files)}, not {app_id}.desktop alone')
check(list(metainfo_files) == [f'share/metainfo/{app_id}.metainfo.xml'],
      f'the metainfo files installed are {list(metainfo_files)}, not {app_id}.metainfo.xml alone')
desktop = {}   # the keys of its [Desktop Entry], which comes first
if f'share/applications/{app_id}.desktop' in files:
    with open(files[f'share/applications/{app_id}.desktop'], encoding='utf-8') as f:
        for line in f:
            key, sep, value = line.rstrip('\n').partition('=')
            if sep and key not in desktop:
                desktop[key] = value
component = ET.Element('component')
if f'share/metainfo/{app_id}.metainfo.xml' in files:
    component = ET.parse(files[f'share/metainfo/{app_id}.metainfo.xml']).getroot()

check(component.findtext('id') == app_id, f"the metainfo id is {component.findtext('id')!r}")
launchables = [e.text for e in component.findall('launchable') if e.get('type') == 'desktop-id']
check(launchables == [os.path.basename(p) for p in desktop_files],
      f'the metainfo launches {launchables}, not the desktop file installed')
check(desktop.get('Icon') == app_id, 'the desktop file does not use the app id as its icon')

binaries = [p for p in files if p.startswith('bin/')]
provided = sorted(e.text for e in component.findall('provides/binary'))
check(sorted(os.path.basename(p) for p in binaries) == provided,
      f'the binaries installed are {binaries}; the metainfo provides {provided}')
check(f'bin/{command}' in binaries, f'the manifest runs {command!r}, which is not installed in bin/')
check(desktop.get('Exec', '').split(' ')[0] in (os.path.basename(p) for p in binaries),
      f"the desktop file runs {desktop.get('Exec')!r}, which is not installed in bin/")

domains = [e.text for e in component.findall('translation') if e.get('type') == 'gettext']
for path in files:
    if path.startswith(EXPORTED):
        check(os.path.basename(path).startswith(app_id),
              f'{path} is not named after {app_id}: Flatpak will not export it')
    if path.startswith('bin/') or path in desktop_files or path in metainfo_files:
        continue
    if re.fullmatch(r'share/icons/hicolor/[^/]+/apps/[^/]+', path):
        stem = os.path.splitext(os.path.basename(path))[0]
        check(stem in (desktop.get('Icon'), desktop.get('Icon', '') + '-symbolic'),
              f'{path} is neither the icon of the desktop file nor its symbolic variant')
    elif re.fullmatch(r'share/locale/[^/]+/LC_MESSAGES/[^/]+\.mo', path):
        domain = os.path.basename(path)[:-3]
        check(domain in domains, f'{path}: the metainfo does not name the translation domain {domain!r}')
    elif re.fullmatch(r'share/glib-2\.0/schemas/[^/]+\.gschema\.xml', path):
        schemas = [s.get('id') for s in ET.parse(files[path]).getroot().findall('schema')]
        check(all(s == app_id or s.startswith(app_id + '.') for s in schemas),
              f'{path} holds schemas {schemas}, not under the app id')
    elif not path.startswith(f'share/{manifest.get("command")}/'):
        check(False, f'{path} is installed, and this check does not know where it belongs: '
              'name it where it should be (desktop file, metainfo), then teach the check')

for failure in failures:
    print('FAIL:', failure)
print(f'{len(files)} installed files, suites {sorted(known_suites)}: '
      f'{"all checks passed" if not failures else f"{len(failures)} failed"}')
sys.exit(1 if failures else 0)
