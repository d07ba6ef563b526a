"""Blocks shared by the dossier forms (Mẫu 01–06): title with code and barcodes, person lines."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from counter_app.messages import printing as msg
from counter_app.printing.barcodes import CodeBlock
from counter_app.printing.data import Paper, Person, UnitHeader
from counter_app.printing.layout import PAGE_SPECS, DocInfo, PageSpec, Styles, continuation_numbers, para
from counter_app.printing.wording import FormWording, Markup


def page_spec(paper: Paper, allowed: tuple[Paper, ...] = (Paper.A4, Paper.A5)) -> PageSpec:
    if paper not in allowed:
        raise ValueError(f"paper {paper} is not offered for this form (choose from {', '.join(allowed)})")
    return PAGE_SPECS[Paper(paper)]


def title_block(w: FormWording, code: str, st: Styles, note: str | None = None) -> list[Flowable]:
    """Form title, 'Mã hồ sơ', an optional italic note (copy label), then Code 128 + QR.

    A form handed over at intake (Mẫu 02/03 before receipt) has no code yet: it says so, without barcodes.
    """
    shown = code if code.strip() else msg.CODE_NOT_ISSUED
    story: list[Flowable] = [para(w.title, st.title), para(w.fmt("code", code=shown), st.centre)]
    if note:
        story.append(para(note, st.centre_italic))
    if not code.strip():
        story.append(Spacer(1, st.size * 0.4))
        return story
    # 0.4 mm QR modules: 3+ dots at 200 dpi and above; a laser slip has no 203-dpi constraint.
    block = CodeBlock(code, code, bar_height_mm=10.0, text_size=max(7.5, st.size - 2.5), qr_module_mm=0.4)
    block.spaceBefore = st.size * 0.25
    block.spaceAfter = st.size * 0.4
    story.append(block)
    return story


def joined(*parts: Markup) -> Markup:
    """Several short fields on one line, separated so that each stays readable."""
    return Markup(";&nbsp;&nbsp; ".join(p for p in parts if p))


def person_lines(w: FormWording, person: Person, st: Styles, *, with_address: bool = True) -> list[Flowable]:
    """Address, then ID number, phone and e-mail on one line, skipping what is blank."""
    story: list[Flowable] = []
    if with_address and person.address:
        story.append(para(w.fmt("address", address=person.address), st.body))
    contact = joined(
        w.fmt("id_number", id_number=person.id_number) if person.id_number else Markup(""),
        w.fmt("phone", phone=person.phone) if person.phone else Markup(""),
        w.fmt("email", email=person.email) if person.email else Markup(""),
    )
    if contact:
        story.append(para(contact, st.body))
    return story


def doc_info(w: FormWording, unit: UnitHeader, code: str = "") -> DocInfo:
    title = f"{w.title} {code}".strip()
    return DocInfo(title=title, author=unit.unit_name, subject=w.set.title)


def numbering(w: FormWording, spec: PageSpec):
    return continuation_numbers(lambda page, pages: w.raw("page").format(page=page, pages=pages), spec)


def time_text(w: FormWording, parts: dict[str, str] | None) -> Markup:
    """'08 giờ 30 phút, ngày 22 tháng 11 năm 2026', or dotted blanks for handwriting."""
    return w.fmt("time", **parts) if parts else Markup(w.raw("time_blank"))
