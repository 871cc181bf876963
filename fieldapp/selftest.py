"""The packaged self-test: `fieldapp --selftest` proves that an installed (frozen) build works end to end.

It runs on a temporary data directory (the user's data is never opened) with Qt's offscreen platform, and
prints one line per step, ``ok <step>`` or ``FAIL <step>: <reason>``; the exit code is 0 only when every step
passed. A step is a function of the shared :class:`Context`, registered in order with :func:`step`; a later
feature adds its own steps at the end of this file (``needs`` names the steps whose results it uses, so a
failure upstream is reported once and the dependent steps are marked as not run).

    fieldapp --selftest          # frozen build (packaging/entry.py)
    python -m fieldapp.selftest  # from source
    ... --keep                   # keep the temporary directory and print where it is
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldappError

DEMO_ENTERPRISES = 300


@dataclass
class Context:
    """What the steps share: the temporary root, the workspace on it and the values steps hand on."""

    root: Path
    workspaces: list[Any] = field(default_factory=list)  # every Workspace opened, closed at the end
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def new_data_dir(self, name: str) -> Path:
        """Another empty data directory under the temporary root (a second device, a central office…)."""
        path = self.root / name
        path.mkdir(parents=True, exist_ok=False)
        return path

    def open_workspace(self, data_dir: Path) -> Any:
        from fieldapp.workspace import Workspace

        workspace = Workspace.open(data_dir)
        self.workspaces.append(workspace)
        return workspace

    @property
    def workspace(self) -> Any:
        if "workspace" not in self.values:
            raise RuntimeError("the workspace is not open")
        return self.values["workspace"]

    @property
    def store(self) -> Any:
        return self.workspace.store


StepFunction = Callable[[Context], None]


@dataclass(frozen=True)
class Step:
    name: str
    function: StepFunction
    needs: tuple[str, ...] = ()


STEPS: list[Step] = []


def step(name: str, *, needs: tuple[str, ...] = ()) -> Callable[[StepFunction], StepFunction]:
    """Register a self-test step; steps run in the order they are registered."""

    def register(function: StepFunction) -> StepFunction:
        if any(s.name == name for s in STEPS):
            raise ValueError(f"duplicate self-test step {name!r}")
        unknown = [n for n in needs if all(s.name != n for s in STEPS)]
        if unknown:
            raise ValueError(f"self-test step {name!r} needs unknown or later steps: {unknown}")
        STEPS.append(Step(name, function, needs))
        return function

    return register


class CheckFailed(Exception):
    """A self-test check did not hold; the message says what was expected and what was found."""


def check(condition: object, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FieldappError):
        text = exc.en
    elif isinstance(exc, CheckFailed):
        text = str(exc)
    else:
        text = f"{type(exc).__name__}: {exc}"
    return " ".join(text.split()) or type(exc).__name__


# -- steps -------------------------------------------------------------------------------------

@step("resources")
def _resources(ctx: Context) -> None:
    from fieldapp.resources import resource_path, resources_root

    root = resources_root()
    check(root.is_dir(), f"resources directory missing: {root}")
    for name in ("FieldappMing.ttf", "FieldappExtA.ttf", "FieldappExtB.ttf"):
        check(resource_path("fonts", name).is_file(), f"font missing: fonts/{name}")
    check(any(resource_path("checklists").glob("*.json")), "no checklists in resources/checklists")
    check(resource_path("translations", "fieldapp_zh_CN.qm").is_file(), "translation missing: fieldapp_zh_CN.qm")


@step("version")
def _version(ctx: Context) -> None:
    from importlib.metadata import version

    # `fieldapp --version` and the installer read the package metadata; a frozen build must carry it.
    check(version("fieldapp"), "package metadata has no version")


@step("workspace")
def _workspace(ctx: Context) -> None:
    from fieldapp.workspace import setup_logging

    setup_logging(ctx.data_dir)
    ctx.values["workspace"] = workspace = ctx.open_workspace(ctx.data_dir)
    check(workspace.is_empty(), "a new data directory is not empty")


@step("demo data", needs=("workspace",))
def _demo(ctx: Context) -> None:
    from fieldapp.models import demo

    result = demo.fill(ctx.store, enterprises_count=DEMO_ENTERPRISES, seed=8)
    check(result.enterprises == DEMO_ENTERPRISES and result.inspections > 0,
          f"demo created {result.enterprises} enterprises and {result.inspections} inspections")


@step("main window", needs=("demo data",))
def _main_window(ctx: Context) -> None:
    import shiboken6

    from fieldapp.ui.app import STYLE, create_app, install_translator, load_fonts
    from fieldapp.ui.main_window import MainWindow

    app = create_app([sys.argv[0] if sys.argv else "fieldapp"])
    check(app.platformName() == "offscreen", f"Qt platform is {app.platformName()!r}, expected offscreen")
    load_fonts(app)
    app.setStyleSheet(STYLE)
    translators = install_translator(app, "zh_CN")
    check(translators, "the Chinese UI translation did not load")
    window = MainWindow(ctx.workspace)
    try:
        window.show()
        app.processEvents()
        check(window.isVisible(), "the main window is not visible")
        check(window.model.total == DEMO_ENTERPRISES,
              f"the registry shows {window.model.total} enterprises, expected {DEMO_ENTERPRISES}")
        name = str(ctx.store.scalar("SELECT name FROM enterprises ORDER BY search_key LIMIT 1"))
        window.search.setText(name[:4])
        window.run_search()
        app.processEvents()
        check(window.model.rowCount() > 0, f"searching the registry for {name[:4]!r} found nothing")
        for key in getattr(window, "pages", {}):  # draw every page once (charts, tables, forms)
            window.show_page(key)
            app.processEvents()
            check(not window.grab().isNull(), f"the {key} page could not be drawn")
    finally:
        window.close()
        # Delete it now: its signal lambdas make a reference cycle, and a window left for the garbage
        # collector can outlive the QApplication at exit and crash the process after every step passed.
        shiboken6.delete(window)
        for translator in translators:
            app.removeTranslator(translator)
        app.processEvents()


@step("visit", needs=("demo data",))
def _visit(ctx: Context) -> None:
    from fieldapp.models import audit, enterprises, findings, inspections, inspectors, uscc

    store = ctx.store
    first17 = "91370832MA7Q0T0F1"
    enterprise = enterprises.create(store, {
        "name": "示范县喆堃机械配件有限公司", "uscc": first17 + uscc.check_char(first17),
        "address": "示范县城关街道工业园区昇平路18号", "legal_representative": "吉珺", "principal": "吉珺",
        "phone": "0537-7321234",
    })
    officers = [inspectors.create(store, "张建国", "37089900901"), inspectors.create(store, "李昇", "37089900902")]
    inspection, warnings = inspections.create(store, enterprise_id=enterprise["id"],
                                              officer_ids=[o["id"] for o in officers], place="抛光打磨车间",
                                              representative="吉珺", representative_title="总经理")
    check(not warnings, f"unexpected warnings: {warnings}")
    finding = findings.create(
        store, enterprise_id=enterprise["id"], inspection_id=inspection["id"],
        description="粉尘涉爆作业场所除尘系统未按规定采用负压除尘，且未设置锁气卸灰装置。",
        legal_basis="《工贸企业重大事故隐患判定标准》第十二条", requirement="改造除尘系统并经验收合格。")
    deadline = findings.default_deadline(store)
    findings.order(store, finding["id"], deadline)
    inspections.complete(store, inspection["id"], summary="现场检查已完成，隐患已告知企业。")
    recorded = findings.list_findings(store, inspection_id=inspection["id"])
    check(len(recorded) == 1 and recorded[0]["status"] == "ordered",
          f"the finding was not recorded as ordered: {[r['status'] for r in recorded]}")
    check(audit.history(store, "findings", finding["id"]), "the finding has no audit trail")
    ctx.values.update(enterprise=enterprise, officers=officers, inspection=inspection,
                      finding=findings.get(store, finding["id"]), deadline=deadline)


@step("rectification order", needs=("visit",))
def _rectification_order(ctx: Context) -> None:
    from fieldapp.models import numbering
    from fieldapp.services import drafts, issuing, notices

    store = ctx.store
    year = date.today().year
    if numbering.remaining(store, "rectification_order", year) < 1:
        numbering.assign_block(store, doc_type="rectification_order", year=year, first=900, last=950)
    finding = ctx.values["finding"]
    draft = drafts.draft_document(ctx.workspace, doc_type="rectification_order",
                                  inspection_id=ctx.values["inspection"]["id"], finding_ids=[finding["id"]],
                                  deadline=ctx.values["deadline"]).value
    issued = issuing.issue_document(ctx.workspace, draft["id"]).value
    pdf = notices.document_pdf(ctx.workspace, issued.document["id"])
    check(pdf.startswith(b"%PDF-"), "the issued document is not a PDF")
    (ctx.root / "rectification-order.pdf").write_bytes(pdf)
    ctx.values.update(pdf=pdf, document=issued.document)


@step("pdf read back", needs=("rectification order",))
def _pdf_read_back(ctx: Context) -> None:
    import pypdfium2
    import zxingcpp

    from fieldapp.documents.demo_mark import DEMO_NOTICE
    from fieldapp.documents.verify import DEMO_REASON
    from fieldapp.services import verification

    pdf = pypdfium2.PdfDocument(ctx.values["pdf"])
    try:
        text = "".join("".join(page.get_textpage().get_text_range().split()) for page in pdf)
        for expected in ("责令限期整改指令书", ctx.values["enterprise"]["name"], ctx.values["document"]["number"]):
            check(expected in text, f"{expected!r} is not in the PDF's text")
        image = pdf[0].render(scale=2).to_pil()
    finally:
        pdf.close()
    codes = [r.text for r in zxingcpp.read_barcodes(image)]
    check(bool(codes), "no QR code found on the first page")
    # The self-test issues from demo data: its notice must verify as a signed demo document, never as valid.
    result = verification.verify_qr(ctx.workspace, codes[0])
    check(result.demo and [r.en for r in result.reasons] == [DEMO_REASON.en], "the QR code does not verify")
    check(DEMO_NOTICE in text, "the demo notice does not say 演示文书，无法律效力")
    result = verification.verify_file(ctx.workspace, ctx.root / "rectification-order.pdf")
    others = [r.en for r in result.reasons if r != DEMO_REASON]
    check(result.demo and not others, "the notice does not verify: " + "; ".join(others))


@step("sync", needs=("workspace",))
def _sync(ctx: Context) -> None:
    from fieldapp.services import demo_visits, verification
    from fieldapp.sync import central as sync_central
    from fieldapp.sync import device as sync_device
    from fieldapp.sync import exchange

    central = ctx.open_workspace(ctx.new_data_dir("central"))
    from fieldapp.models import demo

    demo.fill(central.store, enterprises_count=50, seed=5)
    sync_central.init(central, "示范县应急管理局")
    sync_central.enroll(central, "自检终端", ctx.root / "device.faenrol")
    device = ctx.open_workspace(ctx.new_data_dir("device"))
    sync_device.enroll(device, ctx.root / "device.faenrol")
    visits = demo_visits.add_visits(device, count=1).value
    check(bool(visits) and visits[0]["documents"], "the device could not record a visit with notices")
    bundle = exchange.export(device, out=ctx.root / "outbox")
    result = exchange.import_bundle(central, bundle.path)
    check(result.status == "applied", f"the office did not apply the bundle: {result.status}")
    finding = visits[0]["findings"][0]
    check(central.store.get("findings", finding) is not None, "the finding did not reach the office")
    check(exchange.import_bundle(central, bundle.path).status == "already_imported", "re-import was not a no-op")
    pdf = Path(visits[0]["documents"][-1]["pdf"])
    check(verification.verify_file(central, pdf).valid, "the device's notice does not verify at the office")
    back = exchange.export(central, to="自检终端", out=ctx.root / "inbox")
    exchange.import_bundle(device, back.path)
    check(exchange.status(device)["all_synced"], "the device is not 'all synced' after the exchange")


@step("doctor", needs=("workspace",))
def _doctor(ctx: Context) -> None:
    from fieldapp.models import doctor

    report = doctor.run(ctx.store)
    failed = [f"{c['check']}: {c['detail']}" for c in report.checks if not c["ok"]]
    check(report.ok, "; ".join(failed))


# -- runner ------------------------------------------------------------------------------------

def run(keep: bool = False, *, steps: list[Step] | None = None, out: Any = None) -> int:
    """Run every step on a temporary data directory; 0 when all passed, 1 otherwise."""
    out = out or sys.stdout
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="fieldapp-selftest-"))
    ctx = Context(root)
    failed: list[str] = []
    passed = 0
    try:
        for s in STEPS if steps is None else steps:
            blocked = [n for n in s.needs if n in failed]
            if blocked:
                failed.append(s.name)
                print(f"FAIL {s.name}: not run, needs {', '.join(blocked)}", file=out, flush=True)
                continue
            try:
                s.function(ctx)
            except Exception as exc:
                failed.append(s.name)
                print(f"FAIL {s.name}: {_reason(exc)}", file=out, flush=True)
            else:
                passed += 1
                print(f"ok {s.name}", file=out, flush=True)
    finally:
        for workspace in reversed(ctx.workspaces):
            try:
                workspace.close()
            except Exception as exc:  # closing must not hide the steps' results
                print(f"warning: closing {workspace.data_dir}: {_reason(exc)}", file=out, flush=True)
        if keep:
            print(f"selftest files kept in {root}", file=out, flush=True)
        else:
            shutil.rmtree(root, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print(f"selftest: {passed} passed, {len(failed)} failed in {elapsed:.1f} s", file=out, flush=True)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    return run(keep="--keep" in args)


if __name__ == "__main__":
    sys.exit(main())
