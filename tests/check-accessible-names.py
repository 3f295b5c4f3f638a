#!/usr/bin/python3
# check-accessible-names.py SHOUHU — fails when a button, entry, list row
# or image of the window (the overview, Annex 1 and Annex 2 pages), the
# worker editor or the volunteer chooser has no name a screen reader can
# read (GTK 4.8 reads out the widget type instead: "GtkToggleButton",
# "GtkListItemWidget", "GtkImage"), or when the overview's chart does not
# name each district's bar.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs Shouhu on a small database with the accessibility bus on, as a
# screen reader sees it (AT-SPI, through Debian's pyatspi), walks the
# overview, opens the Annex 1 and Annex 2 pages, the editor and the
# chooser through their own accessible actions, and walks each.  An image
# inside a named button is read as the button; one outside must have a
# name or be hidden.  Needs a display and a session bus (the test suite
# runs under xvfb-run and dbus-run-session); exits 77 (skipped) without
# pyatspi or the accessibility bus.
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
# Read as a whole by the button they are in, else on their own.
BUTTON_ROLES = {"push button", "toggle button", "menu item", "check box", "radio button"}
IMAGE_ROLES = {"image", "icon"}
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


def unnamed(acc, path, out, in_button=False):
    try:
        role = acc.getRoleName()
        name = acc.name or ""
        visible = acc.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return
    if not visible:
        return
    here = path + [f"{role} '{name}'"]
    checked = role in CHECKED_ROLES or (role in IMAGE_ROLES and not in_button)
    if checked and (name.strip() == "" or TYPE_NAME.match(name)):
        out.append(" > ".join(here[-4:]))
    for child in children(acc):
        unnamed(child, here, out, in_button or (role in BUTTON_ROLES and name.strip() != ""))


def check_chart(window, out):
    """The overview's chart is a list the keyboard reaches, one item per
    district named with its figures."""
    chart = find(window, lambda a: a.getRoleName() == "list" and (a.name or "").startswith("Frontline medical staff"))
    if chart is None:
        out.append("the overview's chart is not in the tree as a named list")
        return
    if not chart.getState().contains(pyatspi.STATE_FOCUSABLE):
        out.append("the overview's chart cannot take the keyboard focus")
    items = [c for c in children(chart) if c.getRoleName() == "list item"]
    named = [c for c in items if re.match(r"^\S+: \d+ frontline", c.name or "")]
    if len(items) != 41 or len(named) != 41:
        out.append(f"the overview's chart has {len(items)} items, {len(named)} named with a district "
                   "and its figures (41 wanted)")
    if not any((c.name or "").startswith("渝中区: ") for c in items):
        out.append("the overview's chart has no item for 渝中区")


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
            problems = []

            # The overview, its table and its chart.
            click(find(switcher, lambda a: a.getRoleName() == "page tab" and a.name == "Overview"))
            overview = wait_for("the overview page",
                                lambda: find(window, lambda a: a.getRoleName() == "filler" and a.name == "Overview"))
            wait_for("the rows of the overview's table",
                     lambda: find(overview, lambda a: a.getRoleName() == "table row"
                                  and (a.name or "").startswith("渝中区: ")))
            unnamed(overview, [], problems)
            check_chart(overview, problems)

            # The Annex 1 grid.
            click(find(switcher, lambda a: a.getRoleName() == "page tab" and a.name == "Annex 1"))
            annex1 = wait_for("the Annex 1 page",
                              lambda: find(window, lambda a: a.getRoleName() == "filler" and a.name == "Annex 1"))
            wait_for("the cells of the Annex 1 grid",
                     lambda: find(annex1, lambda a: a.getRoleName() == "text" and "渝中区" in (a.name or "")))
            unnamed(annex1, [], problems)

            click(find(switcher, lambda a: a.getRoleName() == "page tab" and a.name == "Annex 2"))
            page = wait_for("the Annex 2 page",
                            lambda: find(window, lambda a: a.getRoleName() == "filler" and a.name == "Annex 2"))
            wait_for("the rows of the Annex 2 list",
                     lambda: find(page, lambda a: a.getRoleName() == "table row" and "刘洋" in (a.name or "")))

            unnamed(app, [], problems)

            # The editor, as Add opens it, and the chooser of its Pair button.
            click(find(page, lambda a: a.getRoleName() == "push button" and (a.name or "").startswith("_Add")))
            editor = wait_for("the worker editor", lambda: find(app, lambda a: a.getRoleName() == "dialog"))
            pair = wait_for("the editor's Pair button",
                            lambda: find(editor, lambda a: a.getRoleName() == "push button"
                                         and (a.name or "").startswith("Pair a Volunteer")))
            click(find(pair, lambda a: a is not pair and a.getRoleName() == "push button") or pair)
            wait_for("the chooser's results",
                     lambda: find(app, lambda a: a.getRoleName() == "list item" and "志愿者王芳" in (a.name or "")))
            unnamed(editor, [], problems)
            chooser = find(app, lambda a: a.getRoleName() == "list item" and "志愿者王芳" in (a.name or ""))
            unnamed(chooser.parent.parent, [], problems)
        finally:
            app_process.terminate()
            app_process.wait(timeout=30)

    problems = sorted(set(problems))
    for problem in problems:
        print(f"FAIL: no name a screen reader can read: {problem}")
    if not problems:
        print("Every button, entry, row and image checked has a name; the chart names its districts")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
