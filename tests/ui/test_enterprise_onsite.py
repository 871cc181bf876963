"""The enterprises screen: 新增单位 (also from a search that finds nothing), the true number of matches with
more rows on scroll, clear messages for a refused USCC, and unsaved edits that are never lost silently."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from fieldapp.models import enterprises, findings, inspections, search
from fieldapp.ui.enterprise_model import PAGE
from fieldapp.ui.enterprise_new import NewEnterpriseDialog
from fieldapp.ui.enterprise_page import EnterprisePage
from fieldapp.ui.finding_editor import FindingEditor
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.tasks import AppContext

from .conftest import Dialogs


def page_with(qtbot: QtBot, ctx: AppContext) -> EnterprisePage:
    page = EnterprisePage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def some_enterprise(ctx: AppContext, n: int = 0) -> dict[str, Any]:
    return ctx.read.store.query("SELECT * FROM enterprises ORDER BY name LIMIT 1 OFFSET ?", (n,))[0]


# -- point 9: the true count, and more rows on scroll -------------------------------------------------

def test_search_shows_the_true_count_and_loads_more_when_scrolled(qtbot: QtBot, ctx: AppContext) -> None:
    page = page_with(qtbot, ctx)
    view = page.list
    view.search.setText("县")  # in every demo name: 600 matches, more than a page
    view.run_search()
    expected = search.count(ctx.read.store.conn, "县")
    assert expected == len(search.search(ctx.read.store.conn, "县", limit=10_000)) > PAGE
    assert view.model.rowCount() == PAGE and view.model.total == expected
    assert str(expected) in view.count_label.text()  # not the 200 rows loaded so far
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() > PAGE, timeout=3000)
    while view.model.canFetchMore():
        view.model.fetchMore()
    ids = [view.model.enterprise_id(r) for r in range(view.model.rowCount())]
    assert len(ids) == len(set(ids)) == expected  # every match once, none twice
    view.search.setText("宏达机械配件厂不存在")
    view.run_search()
    assert view.model.rowCount() == 0 and not view.model.canFetchMore()


# -- point 3: 新增单位 -------------------------------------------------------------------------------

def test_empty_search_offers_to_register_the_searched_name(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    page = page_with(qtbot, ctx)
    view = page.list
    view.search.setText("老王五金加工作坊")
    view.run_search()
    assert view.results.currentWidget() is view.empty
    assert "老王五金加工作坊" in view.register_button.text()
    view.register_button.click()
    dialog = page.new_dialog
    assert isinstance(dialog, NewEnterpriseDialog) and dialog.isVisible()
    assert dialog.name.text() == "老王五金加工作坊"
    dialog.save()  # no code, and "no USCC" not ticked: asked for one
    assert len(dialogs.errors) == 1 and dialog.isVisible()
    dialog.no_uscc.setChecked(True)
    dialog.address.setText("示范县拳铺镇后营村18号")
    dialog.save()
    qtbot.waitUntil(lambda: len(dialogs.errors) == 2, timeout=3000)
    assert "经营者" in dialogs.errors[-1]  # without a code the operator is required
    dialog.operator.setText("王立新")
    dialog.township.setCurrentText("拳铺镇")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    row = ctx.workspace.store.query("SELECT * FROM enterprises WHERE name = '老王五金加工作坊'")[0]
    assert row["uscc"] is None and row["legal_representative"] == "王立新"
    assert page.stack.currentWidget() is page.detail and page.detail.enterprise_id == row["id"]
    assert page.detail.editors["uscc"].placeholderText() == "无统一社会信用代码"
    view.run_search()
    assert view.model.rowCount() == 1 and view.model.data(view.model.index(0, 1)) == "无统一社会信用代码"


def test_new_enterprise_code_checks(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    page = page_with(qtbot, ctx)
    page.list.new_button.click()
    dialog = page.new_dialog
    assert dialog is not None and dialog.name.text() == ""
    dialog.name.setText("试点代码五金厂")
    dialog.address.setText("拳铺镇")
    dialog.uscc.setText("12345abc")
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=3000)
    assert "18 位" in dialogs.errors[-1]  # malformed: refused, in Chinese
    dialog.uscc.setText("91350100M0001TGQXM")  # legal pilot code that fails the check character
    assert "校验位" in dialog.warning.text()
    dialogs.answer = False
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialogs.questions), timeout=3000)
    assert "校验位" in dialogs.questions[-1] and dialog.isVisible()
    assert not ctx.workspace.store.query("SELECT 1 FROM enterprises WHERE name = '试点代码五金厂'")
    dialogs.answer = True
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert enterprises.find(ctx.workspace.store, "91350100M0001TGQXM")["uscc_check_ok"] == 0


def test_new_enterprise_with_a_registered_code_opens_the_holder(qtbot: QtBot, ctx: AppContext,
                                                                dialogs: Dialogs) -> None:
    page = page_with(qtbot, ctx)
    holder = some_enterprise(ctx)
    dialog = page.register_new("重复登记的厂")
    dialog.address.setText("拳铺镇")
    dialog.uscc.setText(holder["uscc"])
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert holder["name"] in dialogs.questions[-1]
    assert page.detail.enterprise_id == holder["id"]


def test_cancelling_a_filled_in_form_asks_first(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    page = page_with(qtbot, ctx)
    dialog = page.register_new("")
    dialog.name.setText("半填的单位")
    dialogs.save_answer = "cancel"
    dialog.cancel_button.click()
    assert dialogs.save_questions and dialog.isVisible()
    dialogs.save_answer = "discard"
    dialog.cancel_button.click()
    assert not dialog.isVisible()
    assert not ctx.workspace.store.query("SELECT 1 FROM enterprises WHERE name = '半填的单位'")


# -- point 10: refused saves of the enterprise form ----------------------------------------------------

def test_duplicate_uscc_on_save_names_the_holder_and_offers_to_open_it(qtbot: QtBot, ctx: AppContext,
                                                                        dialogs: Dialogs) -> None:
    page = page_with(qtbot, ctx)
    mine, holder = some_enterprise(ctx, 0), some_enterprise(ctx, 1)
    page.show_enterprise(mine["id"])
    page.detail.editors["uscc"].setText(holder["uscc"])
    dialogs.answer = True
    page.detail.save_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.questions), timeout=3000)
    assert holder["name"] in dialogs.questions[-1] and holder["uscc"] in dialogs.questions[-1]
    assert "UNIQUE" not in "".join(dialogs.questions + dialogs.errors)
    qtbot.waitUntil(lambda: page.detail.enterprise_id == holder["id"], timeout=3000)
    assert ctx.workspace.store.get("enterprises", mine["id"])["uscc"] == mine["uscc"]


def test_short_uscc_on_save_says_what_is_wrong(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    page = page_with(qtbot, ctx)
    mine = some_enterprise(ctx)
    page.show_enterprise(mine["id"])
    page.detail.editors["uscc"].setText("12345abc")
    page.detail.save_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=3000)
    assert "18 位" in dialogs.errors[-1]
    assert ctx.workspace.store.get("enterprises", mine["id"])["uscc"] == mine["uscc"]


# -- point 11: unsaved edits ---------------------------------------------------------------------------

def test_back_to_list_with_unsaved_edits_asks_save_discard_cancel(qtbot: QtBot, ctx: AppContext,
                                                                   dialogs: Dialogs) -> None:
    page = page_with(qtbot, ctx)
    mine = some_enterprise(ctx)
    page.show_enterprise(mine["id"])
    detail = page.detail
    detail.editors["phone"].setText("13912345678")
    dialogs.save_answer = "cancel"
    detail.back_button.click()
    assert page.stack.currentWidget() is detail and detail.editors["phone"].text() == "13912345678"
    ctx.notify({"findings"})  # other work refreshes the screen: what is typed stays
    assert detail.editors["phone"].text() == "13912345678"
    dialogs.save_answer = "save"
    detail.back_button.click()
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.list, timeout=3000)
    assert ctx.workspace.store.get("enterprises", mine["id"])["phone"] == "13912345678"
    assert len(dialogs.save_questions) == 2
    page.show_enterprise(mine["id"])
    detail.editors["phone"].setText("110")
    dialogs.save_answer = "discard"
    detail.back_button.click()
    assert page.stack.currentWidget() is page.list
    assert ctx.workspace.store.get("enterprises", mine["id"])["phone"] == "13912345678"
    page.show_enterprise(mine["id"])
    assert detail.editors["phone"].text() == "13912345678"
    detail.back_button.click()  # nothing changed: no question
    assert len(dialogs.save_questions) == 3


def test_closing_the_window_asks_for_the_enterprise_form(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    window = MainWindow(ctx, start_page="enterprises")
    qtbot.addWidget(window)
    window.show()
    mine = some_enterprise(ctx)
    window.enterprises.show_enterprise(mine["id"])
    window.enterprises.detail.editors["principal"].setText("刘大明")
    dialogs.save_answer = "cancel"
    assert not window.close() and window.isVisible()
    dialogs.save_answer = "save"
    assert window.close()
    assert ctx.workspace.store.get("enterprises", mine["id"])["principal"] == "刘大明"


def open_finding(ctx: AppContext) -> str:
    store = ctx.workspace.store
    enterprise = some_enterprise(ctx)
    officers = [r["id"] for r in store.query("SELECT id FROM inspectors LIMIT 2")]
    ins, _ = inspections.create(store, enterprise_id=enterprise["id"], officer_ids=officers)
    return str(findings.create(store, enterprise_id=enterprise["id"], inspection_id=ins["id"],
                               description="消防通道堆放杂物")["id"])


def test_closing_the_finding_editor_with_a_half_typed_description_asks(qtbot: QtBot, ctx: AppContext,
                                                                       dialogs: Dialogs) -> None:
    fid = open_finding(ctx)
    untouched = FindingEditor(ctx, fid)
    qtbot.addWidget(untouched)
    untouched.open()
    untouched.close_button.click()  # nothing typed: closes without a question
    assert not untouched.isVisible() and dialogs.save_questions == []
    editor = FindingEditor(ctx, fid)
    qtbot.addWidget(editor)
    editor.open()
    editor.description.setPlainText("消防通道堆放杂物，安全出口上锁")
    dialogs.save_answer = "cancel"
    editor.close_button.click()
    assert editor.isVisible() and len(dialogs.save_questions) == 1
    dialogs.save_answer = "save"
    editor.reject()  # Esc or the title bar's close button
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=3000)
    assert findings.get(ctx.workspace.store, fid)["description"] == "消防通道堆放杂物，安全出口上锁"


def test_closing_the_window_consults_an_open_finding_editor(qtbot: QtBot, ctx: AppContext, dialogs: Dialogs) -> None:
    fid = open_finding(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    editor = FindingEditor(ctx, fid, window)
    editor.open()
    editor.description.setPlainText("安全出口上锁")
    dialogs.save_answer = "cancel"
    assert not window.close()
    assert editor.isVisible() and findings.get(ctx.workspace.store, fid)["description"] == "消防通道堆放杂物"
    dialogs.save_answer = "save"
    assert window.close()
    assert findings.get(ctx.workspace.store, fid)["description"] == "安全出口上锁"
