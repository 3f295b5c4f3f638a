#!/usr/bin/python3
# crash-jobs.py — kills Shouhu's jobs at random moments and checks what is left
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: /usr/bin/python3 bench/crash-jobs.py SHOUHU_BIN [RUNS]
#   RUNS (default 30, or $SHOUHU_CRASH_RUNS) runs of each job; the number
#   of Annex 2 records is $SHOUHU_CRASH_RECORDS (default 20000).
#
# Three jobs, each killed with SIGKILL at a random moment between its start
# and 1.2 times its uninterrupted duration (the longest of a few runs):
#
#   import   `--import` of an Annex 2 workbook that adds half of the records
#            and changes the other half.  After each kill: the database
#            passes PRAGMA integrity_check, and its content (every table,
#            without the clock columns) is the state before the import or
#            the state after it, never one between.
#   export   `--export annex2` over a previous workbook.  After each kill:
#            the target is the previous file or a complete workbook
#            (openpyxl reads every row), the database is unchanged, and no
#            file or folder left in the target's folder is readable by
#            others.  The next export removes what the killed one left.
#   migrate  opening a database of schema 1, which is backed up before it
#            is migrated.  After each kill: no backup, or a whole one (the
#            schema-1 content, integrity ok); the database at schema 1 or
#            migrated, with its figures; nothing readable by others.
#
# Needs Debian's python3 (sqlite3 and openpyxl).  Exits 1 if any check
# failed; prints the outcomes as a table.

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time

import openpyxl

CLOCK_COLUMNS = {'created', 'changed', 'at'}


def run(binary, *args, check=True):
    env = dict(os.environ, LC_ALL='C.UTF-8')
    result = subprocess.run([binary, *args], env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f'{" ".join(args)} failed: {result.stdout}{result.stderr}')
    return result


# The checks open the files as the next program would (a read-write
# connection recovers a write-ahead log left by a killed writer).

def content_hash(db_path):
    """A hash of every table's rows, without the columns that hold times."""
    db = sqlite3.connect(db_path)
    digest = hashlib.sha256()
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for table in tables:
        columns = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")') if r[1] not in CLOCK_COLUMNS]
        digest.update(table.encode())
        cols = ', '.join(f'"{c}"' for c in columns)
        for row in db.execute(f'SELECT {cols} FROM "{table}" ORDER BY {cols}'):
            digest.update(repr(row).encode())
    version = db.execute('PRAGMA user_version').fetchone()[0]
    db.close()
    return version, digest.hexdigest()


def integrity(db_path):
    db = sqlite3.connect(db_path)
    result = db.execute('PRAGMA integrity_check').fetchone()[0]
    db.close()
    return result


def readable_by_others(folder):
    """Every path under @folder that group or others may read or enter."""
    found = []
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            mode = os.lstat(path).st_mode
            if not stat.S_ISLNK(mode) and mode & 0o077:
                found.append(f'{path} {oct(mode & 0o777)}')
    return found


def kill_at_random(binary, args, longest):
    env = dict(os.environ, LC_ALL='C.UTF-8')
    process = subprocess.Popen([binary, *args], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.uniform(0, longest))
    finished = process.poll() is not None
    if not finished:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return finished


def private_copy(db, folder, name, db_name):
    """A fresh 0700 folder @name holding a 0600 copy of @db."""
    work = os.path.join(folder, name)
    os.makedirs(work, mode=0o700)
    copy = os.path.join(work, db_name)
    shutil.copy(db, copy)
    os.chmod(copy, 0o600)
    return work, copy


def timed(binary, *args, repeat=1):
    """The longest of @repeat uninterrupted runs: other work on the machine
    slows a run down, and the kills are to cover the whole of one."""
    longest = 0
    for _ in range(repeat):
        start = time.monotonic()
        run(binary, *args)
        longest = max(longest, time.monotonic() - start)
    return longest


# ---- The data -----------------------------------------------------------------

def fill_workers(db_path, n, address):
    db = sqlite3.connect(db_path)
    db.executemany(
        'INSERT INTO worker (district_id, hospital, name, gender, title, work_place, home_address,'
        ' phone, family_phone, note, created, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [(1 + i % 41, f'第{i % 97}人民医院', f'姓名{i}', '男女'[i % 2], '护士', '发热门诊',
          f'重庆市渝中区解放碑街道{address}路{i}号', f'138{i:08d}', f'139{i:08d}', '', 'x', 'x')
         for i in range(n)])
    db.commit()
    db.close()


def workbook(binary, folder, name, n, address):
    db = os.path.join(folder, name + '.db')
    out = os.path.join(folder, name + '.xlsx')
    run(binary, '--database', db, '--load-notice-figures')
    fill_workers(db, n, address)
    run(binary, '--database', db, '--export', 'annex2', '--output', out)
    return out


def schema_1(binary, path):
    """A database at schema 1, as an older release left it."""
    run(binary, '--database', path, '--load-notice-figures')
    db = sqlite3.connect(path)
    later = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT IN ('district', 'annex1_table', 'annex1_figure', 'annex1_note')")]
    db.executescript('PRAGMA foreign_keys = OFF;' + ''.join(f'DROP TABLE "{t}";' for t in later))
    for i in range(2, 1500):
        db.execute("INSERT INTO annex1_table (id, as_of) VALUES (?, date('2020-02-07', ?))", (i, f'+{i} days'))
        db.execute('INSERT INTO annex1_figure SELECT ?, id, 1, id * 10, id FROM district', (i,))
    db.execute('PRAGMA user_version = 1')
    db.commit()
    db.execute('PRAGMA journal_mode = DELETE')
    db.close()


# ---- The jobs ---------------------------------------------------------------------

def crash_import(binary, folder, runs, n):
    half = workbook(binary, folder, 'half', n // 2, '甲')
    full = workbook(binary, folder, 'full', n, '乙')
    base = os.path.join(folder, 'base', 'base.db')
    os.makedirs(os.path.dirname(base), mode=0o700)
    run(binary, '--database', base, '--load-notice-figures')
    run(binary, '--database', base, '--import', half)
    before = content_hash(base)

    done = os.path.join(folder, 'done')
    os.makedirs(done, mode=0o700)
    shutil.copy(base, os.path.join(done, 'work.db'))
    duration = timed(binary, '--database', os.path.join(done, 'work.db'), '--import', full)
    after = content_hash(os.path.join(done, 'work.db'))
    assert before != after

    outcomes = {'before': 0, 'after': 0, 'finished': 0}
    failures = []
    for i in range(runs):
        work, db = private_copy(base, folder, f'import-{i}', 'work.db')
        if kill_at_random(binary, ['--database', db, '--import', full], duration * 1.2):
            outcomes['finished'] += 1
        if integrity(db) != 'ok':
            failures.append(f'import run {i}: integrity_check failed')
        state = content_hash(db)
        if state == before:
            outcomes['before'] += 1
        elif state == after:
            outcomes['after'] += 1
        else:
            failures.append(f'import run {i}: the database is between before and after')
        failures += [f'import run {i}: readable by others: {p}' for p in readable_by_others(work)]
        extra = set(os.listdir(work)) - {'work.db', 'work.db-wal', 'work.db-shm'}
        if extra:
            failures.append(f'import run {i}: left behind {sorted(extra)}')
        shutil.rmtree(work)
    return duration, outcomes, failures


def workbook_rows(path):
    """The rows openpyxl reads in every sheet: a half workbook fails or has fewer."""
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = sum(1 for ws in wb.worksheets for _ in ws.iter_rows(values_only=True))
    wb.close()
    return rows


def crash_export(binary, folder, runs, n):
    source = os.path.join(folder, 'export.db')
    run(binary, '--database', source, '--load-notice-figures')
    fill_workers(source, n, '丙')
    state = content_hash(source)
    target_dir = os.path.join(folder, 'exports')
    os.makedirs(target_dir, mode=0o755)
    target = os.path.join(target_dir, '附件2.xlsx')
    shutil.copy(workbook(binary, folder, 'old', 10, '丁'), target)
    os.chmod(target, 0o600)

    duration = timed(binary, '--database', source, '--export', 'annex2',
                     '--output', os.path.join(folder, 'timed.xlsx'), repeat=3)
    complete_rows = workbook_rows(os.path.join(folder, 'timed.xlsx'))

    outcomes = {'old file': 0, 'new file': 0, 'finished': 0, 'private leftover': 0}
    failures = []
    for i in range(runs):
        with open(target, 'rb') as f:
            previous = f.read()
        if kill_at_random(binary, ['--database', source, '--export', 'annex2', '--output', target],
                          duration * 1.2):
            outcomes['finished'] += 1
        with open(target, 'rb') as f:
            now = f.read()
        if now == previous:
            outcomes['old file'] += 1
        else:
            try:
                rows = workbook_rows(target)
            except Exception as e:  # noqa: BLE001 — any failure to read is the finding
                rows = f'unreadable ({e})'
            if rows == complete_rows:
                outcomes['new file'] += 1
            else:
                failures.append(f'export run {i}: the target is neither the old file nor complete: {rows}')
        if any(name != '附件2.xlsx' for name in os.listdir(target_dir)):
            outcomes['private leftover'] += 1
        failures += [f'export run {i}: readable by others: {p}' for p in readable_by_others(target_dir)]
        if integrity(source) != 'ok' or content_hash(source) != state:
            failures.append(f'export run {i}: the database changed')

    # The next export cleans up what killed ones left.
    run(binary, '--database', source, '--export', 'annex2', '--output', target)
    left = sorted(set(os.listdir(target_dir)) - {'附件2.xlsx'})
    if left:
        failures.append(f'export: left behind after a complete export: {left}')
    return duration, outcomes, failures


def crash_migrate(binary, folder, runs):
    original = os.path.join(folder, 'schema-1.db')
    schema_1(binary, original)
    state = content_hash(original)
    figures = annex1_hash(original)

    timing = os.path.join(folder, 'timing')
    os.makedirs(timing, mode=0o700)
    shutil.copy(original, os.path.join(timing, 'shouhu.db'))
    duration = timed(binary, '--database', os.path.join(timing, 'shouhu.db'),
                     '--export', 'annex1', '--output', os.path.join(timing, 'a.xlsx'))
    # Once migrated, the same job without the migration, for a fair length.
    duration = max(duration, timed(binary, '--database', os.path.join(timing, 'shouhu.db'),
                                   '--export', 'annex1', '--output', os.path.join(timing, 'a.xlsx'),
                                   repeat=2))

    outcomes = {'no backup': 0, 'whole backup': 0, 'migrated': 0, 'finished': 0}
    failures = []
    for i in range(runs):
        work, db = private_copy(original, folder, f'migrate-{i}', 'shouhu.db')
        out = os.path.join(work, 'a.xlsx')
        if kill_at_random(binary, ['--database', db, '--export', 'annex1', '--output', out], duration * 1.2):
            outcomes['finished'] += 1
        backups = [n for n in os.listdir(work) if n.endswith('.bak')]
        if not backups:
            outcomes['no backup'] += 1
        for name in backups:
            path = os.path.join(work, name)
            if integrity(path) != 'ok' or content_hash(path) != state:
                failures.append(f'migrate run {i}: the backup {name} is not whole')
            else:
                outcomes['whole backup'] += 1
        if integrity(db) != 'ok' or annex1_hash(db) != figures:
            failures.append(f'migrate run {i}: the database lost figures')
        if content_hash(db)[0] > 1:
            outcomes['migrated'] += 1
        failures += [f'migrate run {i}: readable by others: {p}' for p in readable_by_others(work)]
        # Opening again finishes the job and removes a half backup.
        run(binary, '--database', db, '--export', 'annex1', '--output', out)
        hidden = [n for n in os.listdir(work) if n.startswith('.')]
        if hidden:
            failures.append(f'migrate run {i}: left behind after reopening: {hidden}')
        shutil.rmtree(work)
    return duration, outcomes, failures


def annex1_hash(db_path):
    db = sqlite3.connect(db_path)
    rows = db.execute('SELECT * FROM annex1_figure ORDER BY 1, 2, 3').fetchall()
    db.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__ or 'usage: crash-jobs.py SHOUHU_BIN [RUNS]')
    binary = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else int(os.environ.get('SHOUHU_CRASH_RUNS', '30'))
    records = int(os.environ.get('SHOUHU_CRASH_RECORDS', '20000'))
    seed = int(os.environ.get('SHOUHU_CRASH_SEED', str(int(time.time()))))
    random.seed(seed)
    os.umask(0o022)

    folder = tempfile.mkdtemp(prefix='shouhu-crash-')
    failures = []
    try:
        print(f'{runs} runs of each job, {records} Annex 2 records, seed {seed}')
        print('| job | runs | uninterrupted | outcomes | failed checks |')
        print('|---|---|---|---|---|')
        for name, job in (('import', lambda: crash_import(binary, folder, runs, records)),
                          ('export', lambda: crash_export(binary, folder, runs, records)),
                          ('migrate', lambda: crash_migrate(binary, folder, runs))):
            duration, outcomes, failed = job()
            summary = ', '.join(f'{k} {v}' for k, v in outcomes.items())
            print(f'| {name} | {runs} | {duration:.2f} s | {summary} | {len(failed)} |', flush=True)
            failures += failed
    finally:
        shutil.rmtree(folder)
    for failure in failures:
        print('FAIL:', failure)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
