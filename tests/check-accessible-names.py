#!/usr/bin/python3
# check-accessible-names.py SHOUHU — fails when a button, entry or list row
# of the window, the worker editor or the volunteer chooser has no name a
# screen reader can read (GTK 4.8 reads out the widget type instead:
# "GtkToggleButton", "GtkListItemWidget").
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs Shouhu on a small database with the accessibility bus on, as a
# screen reader sees it (AT-SPI, through Debian's pyatspi), opens the Annex 2
# page, the editor and the chooser through their own accessible actions,
# and walks the tree.  Needs a display and a session bus (the test suite
# runs under xvfb-run and dbus-run-session); exits 77 (skipped) without
# pyatspi or the accessibility bus.  The overview page's table is not
# checked: its rows are that page's own work.
import os
import re
import subprocess
import sys
import tempfile
import time

try:
    import openpyxl
    import pyatspi
except ImportError as missing:
    print(f"SKIP: {missing} (Debian: python3-pyatspi, python3-openpyxl)")
    sys.exit(77)

# Roles a person reaches with the keyboard or reads as one item.
CHECKED_ROLES = {
    "push button", "toggle button", "page tab", "combo box", "check box",
    "radio button", "text", "entry", "password text", "spin button",
    "table row", "list item", "dialog", "menu item",
}
TYPE_NAME = re.compile(r"^(Gtk|Shouhu)[A-Z]")
WAIT = 90   # seconds: a busy machine starts GTK slowly


def write_workbook(path):
    """An Annex 2 form of one district, one family paired and one not."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "渝中区"
    sheet.append(["附件2"])
    sheet.append(["重庆志愿者精准守护一线医护人员工作信息表"])
    sheet.append(["区县：渝中区", None, None, "填报人：", None, None, "联系电话："])
    sheet.append(["序号", "医院", "姓名", "性别", "职务", "一线工作具体地点", "家庭地址",
                  "本人联系电话", "家属联系电话", "结对志愿者", "备注"])
    sheet.append([1, "重庆市人民医院", "刘洋", "男", "护士", "发热门诊", "渝中区解放碑街道10号",
                  "13800000000", "13900000000", "志愿者王芳", ""])
    sheet.append([2, "重庆市人民医院", "陈静", "女", "医生", "发热门诊", "渝中区解放碑街道11号",
                  "13800000001", "13900000001", "", ""])
    book.save(path)


def wait_for(what, find):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        found = find()
        if found is not None:
            return found
        time.sleep(0.5)
    print(f"FAIL: {what} did not appear within {WAIT} s")
    sys.exit(1)


def children(acc):
    for i in range(acc.childCount):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield child


def find(acc, pred):
    try:
        if pred(acc):
            return acc
    except Exception:
        return None
    for child in children(acc):
        found = find(child, pred)
        if found is not None:
            return found
    return None


def the_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "shouhu":
            return app
    return None


def click(acc):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    action.doAction(0)


def unnamed(acc, path, out, skip_overview):
    try:
        role = acc.getRoleName()
        name = acc.name or ""
        visible = acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return
    if skip_overview and role == "filler" and name == "ShouhuDashboardPage":
        return
    if not visible:
        return
    here = path + [f"{role} '{name}'"]
    if role in CHECKED_ROLES and (name.strip() == "" or TYPE_NAME.match(name)):
        out.append(" > ".join(here[-4:]))
    for child in children(acc):
        unnamed(child, here, out, skip_overview)


def main():
    shouhu = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "shouhu.db")
        book = os.path.join(tmp, "附件2.xlsx")
        write_workbook(book)
        # English names, whatever the machine's language: the script finds
        # the Annex 2 tab and the Add button by them.
        env = dict(os.environ, GTK_A11Y="atspi", GSK_RENDERER="cairo", LANGUAGE="C", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.pop("NO_AT_BRIDGE", None)
        env.pop("G_DEBUG", None)
        for args in (["--load-notice-figures"], ["--import", book, "--accept-valid"]):
            subprocess.run([shouhu, "--database", db] + args, env=env, check=True,
                           stdout=subprocess.DEVNULL)
        try:
            pyatspi.Registry.getDesktop(0).childCount
        except Exception as error:
            print(f"SKIP: no accessibility bus ({error})")
            sys.exit(77)

        app_process = subprocess.Popen([shouhu, "--database", db], env=env)
        try:
            app = wait_for("Shouhu on the accessibility bus", the_app)
            window = wait_for("its window", lambda: find(app, lambda a: a.getRoleName() == "frame"))
            tabs = wait_for("its page tabs",
                            lambda: [a for a in [find(window, lambda a: a.getRoleName() == "page tab")] if a])
            switcher = tabs[0].parent
            click(find(switcher, lambda a: a.getRoleName() == "page tab" and a.name == "Annex 2"))
            page = wait_for("the Annex 2 page",
                            lambda: find(window, lambda a: a.getRoleName() == "filler" and a.name == "Annex 2"))
            wait_for("the rows of the Annex 2 list",
                     lambda: find(page, lambda a: a.getRoleName() == "table row" and "刘洋" in (a.name or "")))

            problems = []
            unnamed(app, [], problems, skip_overview=True)

            # The editor, as Add opens it, and the chooser of its Pair button.
            click(find(page, lambda a: a.getRoleName() == "push button" and (a.name or "").startswith("_Add")))
            editor = wait_for("the worker editor", lambda: find(app, lambda a: a.getRoleName() == "dialog"))
            pair = wait_for("the editor's Pair button",
                            lambda: find(editor, lambda a: a.getRoleName() == "push button"
                                         and (a.name or "").startswith("Pair a Volunteer")))
            click(find(pair, lambda a: a is not pair and a.getRoleName() == "push button") or pair)
            wait_for("the chooser's results",
                     lambda: find(app, lambda a: a.getRoleName() == "list item" and "志愿者王芳" in (a.name or "")))
            unnamed(editor, [], problems, skip_overview=False)
            chooser = find(app, lambda a: a.getRoleName() == "list item" and "志愿者王芳" in (a.name or ""))
            unnamed(chooser.parent.parent, [], problems, skip_overview=False)
        finally:
            app_process.terminate()
            app_process.wait(timeout=30)

    problems = sorted(set(problems))
    for problem in problems:
        print(f"FAIL: no name a screen reader can read: {problem}")
    if not problems:
        print("Every button, entry and row checked has a name")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
